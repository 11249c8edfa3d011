from .pages import CaseStudyIndexPage, CaseStudyPage
from .taxonomy import ProcedureType, Sector

__all__ = ["CaseStudyIndexPage", "CaseStudyPage", "ProcedureType", "Sector"]
