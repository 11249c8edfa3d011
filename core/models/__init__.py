from .base import BasePage, BodyPage, RelatedDocumentsMixin
from .content_version import ContentVersion
from .outgoing_mail import OutgoingMail
from .terms import NamedTerm

__all__ = [
    "BasePage",
    "BodyPage",
    "ContentVersion",
    "NamedTerm",
    "OutgoingMail",
    "RelatedDocumentsMixin",
]
