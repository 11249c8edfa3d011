from .faq import FAQEntry, FAQPage, FAQTopic
from .glossary import GlossaryPage, GlossaryTerm
from .guidance import EventIndexPage, EventReportPage, ModuleIndexPage, ModulePage
from .guides import GuideIndexPage, GuidePage
from .organisations import Agreement, Organisation
from .pages import ContentPage, HomePage
from .partnership import PartnershipPage

__all__ = [
    "Agreement",
    "ContentPage",
    "EventIndexPage",
    "EventReportPage",
    "FAQEntry",
    "FAQPage",
    "FAQTopic",
    "GlossaryPage",
    "GlossaryTerm",
    "GuideIndexPage",
    "GuidePage",
    "HomePage",
    "ModuleIndexPage",
    "ModulePage",
    "Organisation",
    "PartnershipPage",
]
