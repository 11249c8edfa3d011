"""Reading the members of an uploaded ZIP (Office Open XML, OpenDocument) with a bound on each.

A ZIP member can inflate a thousandfold (a "ZIP bomb"), and its declared size can lie: the
declared size is checked first, then the bytes actually inflated, chunk by chunk.
"""

# Far above any part the checks read in a real document (a 500-page report's document.xml
# is about 10 MB), far below what would hurt a server holding it in chunks.
MAX_MEMBER_SIZE = 64 * 1024 * 1024
CHUNK = 1024 * 1024
OVERLAP = 64


class MemberTooLarge(Exception):
    """A member inflates past MAX_MEMBER_SIZE: it is not read further."""


class BoundedMember:
    """A member opened for reading that raises MemberTooLarge past `limit` inflated bytes."""

    def __init__(self, handle, limit):
        self.handle, self.limit, self.count = handle, limit, 0

    def read(self, size=CHUNK):
        size = CHUNK if size is None or size < 0 else min(size, CHUNK)
        data = self.handle.read(size)
        self.count += len(data)
        if self.count > self.limit:
            raise MemberTooLarge
        return data

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()


def open_member(archive, name, limit=None):
    limit = limit or MAX_MEMBER_SIZE  # read at each call, so a test can lower it
    info = archive.getinfo(name)
    if info.file_size > limit:
        raise MemberTooLarge
    return BoundedMember(archive.open(info), limit)


def read_member(archive, name, limit):
    """The whole member, for small ones (the ODF `mimetype`); MemberTooLarge past `limit`."""
    with open_member(archive, name, limit) as member:
        data = b""
        while chunk := member.read(CHUNK):
            data += chunk
        return data


def member_matches(archive, name, pattern):
    """Searches one member in chunks, so a large part never sits whole in memory."""
    tail = b""
    with open_member(archive, name) as member:
        while chunk := member.read(CHUNK):
            data = tail + chunk
            if pattern.search(data):
                return True
            tail = data[-OVERLAP:]
    return False
