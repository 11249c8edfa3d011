from .base import BasePage, BodyPage, RelatedDocumentsMixin
from .content_version import ContentVersion
from .faq import FAQEntry, FAQPage, FAQTopic
from .glossary import GlossaryPage, GlossaryTerm
from .guidance import EventIndexPage, EventReportPage, ModuleIndexPage, ModulePage
from .organisations import Agreement, Organisation
from .outgoing_mail import OutgoingMail
from .pages import ContentPage, HomePage
from .partnership import PartnershipPage
from .search import SearchEntry

__all__ = [
    "Agreement",
    "BasePage",
    "BodyPage",
    "ContentPage",
    "ContentVersion",
    "EventIndexPage",
    "EventReportPage",
    "FAQEntry",
    "FAQPage",
    "FAQTopic",
    "GlossaryPage",
    "GlossaryTerm",
    "HomePage",
    "ModuleIndexPage",
    "ModulePage",
    "Organisation",
    "OutgoingMail",
    "PartnershipPage",
    "RelatedDocumentsMixin",
    "SearchEntry",
]
