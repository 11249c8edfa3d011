from .library_document import LibraryDocument
from .pages import DocumentLibraryPage, WebinarIndexPage, other_formats
from .webinar import Webinar

__all__ = ["DocumentLibraryPage", "LibraryDocument", "Webinar", "WebinarIndexPage", "other_formats"]

__all__ = ["DocumentLibraryPage", "LibraryDocument", "Webinar", "WebinarIndexPage"]
