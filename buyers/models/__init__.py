from .chooser import ProcedureChooserPage
from .newsletter import NewsletterPage, Subscriber
from .support import SupportFormField, SupportRequestPage
from .support_request import SupportRequest

__all__ = [
    "NewsletterPage",
    "ProcedureChooserPage",
    "Subscriber",
    "SupportFormField",
    "SupportRequest",
    "SupportRequestPage",
]
