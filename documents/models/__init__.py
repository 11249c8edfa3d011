from .library_document import LibraryDocument
from .pages import DocumentLibraryPage, WebinarIndexPage
from .webinar import Webinar

__all__ = ["DocumentLibraryPage", "LibraryDocument", "Webinar", "WebinarIndexPage"]
