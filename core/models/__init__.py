from .base import BasePage, BodyPage, RelatedDocumentsMixin
from .choices import ChoiceLabels
from .content_version import ContentVersion
from .outgoing_mail import OutgoingMail
from .terms import NamedTerm

__all__ = [
    "BasePage",
    "BodyPage",
    "ChoiceLabels",
    "ContentVersion",
    "NamedTerm",
    "OutgoingMail",
    "RelatedDocumentsMixin",
]
