from .base import BasePage, BodyPage
from .organisations import Agreement, Organisation
from .pages import ContentPage, HomePage
from .partnership import PartnershipPage

__all__ = [
    "Agreement",
    "BasePage",
    "BodyPage",
    "ContentPage",
    "HomePage",
    "Organisation",
    "PartnershipPage",
]
