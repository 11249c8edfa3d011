from .chooser import ProcedureChooserPage
from .newsletter import NewsletterPage
from .newsletter_issue import NewsletterDelivery, NewsletterIssue
from .subscriber import Subscriber
from .support import SupportFormField, SupportRequestPage
from .support_request import SupportRequest

__all__ = [
    "NewsletterDelivery",
    "NewsletterIssue",
    "NewsletterPage",
    "ProcedureChooserPage",
    "Subscriber",
    "SupportFormField",
    "SupportRequest",
    "SupportRequestPage",
]
