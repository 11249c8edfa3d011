from .base import BasePage, BodyPage, RelatedDocumentsMixin
from .content_version import ContentVersion
from .terms import NamedTerm

__all__ = ["BasePage", "BodyPage", "ContentVersion", "NamedTerm", "RelatedDocumentsMixin"]
