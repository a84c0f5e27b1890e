"""Helpers for reading rendered pages in tests."""

from html.parser import HTMLParser

VISIBLE_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skipping += 1
        for name, value in attrs:
            shown = name in VISIBLE_ATTRIBUTES or (tag == "input" and name == "value")
            if shown and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> str:
    """Return the text a reader (or screen reader) gets from `html`, a piece a line."""
    collector = _TextCollector()
    collector.feed(html)
    return "\n".join(collector.parts)
