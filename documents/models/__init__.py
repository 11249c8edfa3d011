from .library_document import LibraryDocument
from .listing import with_formats
from .pages import DocumentLibraryPage, WebinarIndexPage
from .tally import DocumentTally
from .webinar import Webinar

__all__ = [
    "DocumentLibraryPage",
    "DocumentTally",
    "LibraryDocument",
    "Webinar",
    "WebinarIndexPage",
    "with_formats",
]
