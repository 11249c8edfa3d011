"""Reading the parts of a rendered page that tests check."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class PageParts:
    lang: str = ""
    alternates: dict = field(default_factory=dict)  # hreflang -> href of <link rel=alternate>
    switcher: dict = field(default_factory=dict)  # hreflang -> href of the language switcher
    title: str = ""
    h1: str = ""


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = PageParts()
        self.in_switcher = False
        self.capture = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.parts.lang = attrs.get("lang", "")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.parts.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "nav" and "lang-switcher" in attrs.get("class", ""):
            self.in_switcher = True
        elif tag == "a" and self.in_switcher:
            self.parts.switcher[attrs["hreflang"]] = attrs["href"]
        elif tag in {"title", "h1"}:
            self.capture = tag

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_switcher = False
        if tag == self.capture:
            self.capture = None

    def handle_data(self, data):
        if self.capture:
            setattr(self.parts, self.capture, getattr(self.parts, self.capture) + data)


def read_page(response):
    reader = _Reader()
    reader.feed(response.content.decode())
    reader.parts.title = reader.parts.title.strip()
    reader.parts.h1 = reader.parts.h1.strip()
    return reader.parts
