"""ZIP packages whose bytes depend only on their members: fixed dates and attributes, and
members stored, not deflated (deflate's output differs between zlib builds), so a template
rebuilt from an unchanged source on any machine is byte-for-byte the committed file."""

import io
import zipfile

FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a ZIP can store


def package(members):
    """Bytes of a ZIP holding `members` ((name, bytes) pairs, in order), each stored."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            info.create_system = 0  # the same bytes whatever system builds them
            archive.writestr(info, data)
    return buffer.getvalue()
