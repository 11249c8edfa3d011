"""ZIP packages whose bytes depend only on their members: fixed dates and attributes, so a
template rebuilt from an unchanged source is byte-for-byte the committed file."""

import io
import zipfile

FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a ZIP can store


def package(members, stored=()):
    """Bytes of a ZIP holding `members` ((name, bytes) pairs, in order); names in `stored`
    are kept uncompressed (an ODF `mimetype` must be)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0  # the same bytes whatever system builds them
            archive.writestr(info, data, compresslevel=9 if name not in stored else None)
    return buffer.getvalue()
