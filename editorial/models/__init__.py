from .downloads import DocumentDownload
from .site_settings import PortalSettings

__all__ = ["DocumentDownload", "PortalSettings"]
