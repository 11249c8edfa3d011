from .chooser import ProcedureChooserPage
from .newsletter import NewsletterPage, Subscriber
from .support import SupportFormField, SupportRequestPage

__all__ = [
    "NewsletterPage",
    "ProcedureChooserPage",
    "Subscriber",
    "SupportFormField",
    "SupportRequestPage",
]
