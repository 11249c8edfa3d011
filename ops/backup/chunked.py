"""What both encrypted formats' readers share: a file-like read() over decrypted chunks."""


class ChunkedReader:
    """Subclasses set buffer (bytearray) and done, and decrypt the next chunk in _next_chunk()."""

    def read(self, size=-1):
        while not self.done and (size < 0 or len(self.buffer) < size):
            self._next_chunk()
        size = len(self.buffer) if size < 0 else size
        data = bytes(self.buffer[:size])
        del self.buffer[:size]
        return data

    def _next_chunk(self):
        raise NotImplementedError
