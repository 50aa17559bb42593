from html.parser import HTMLParser


class PageOutline(HTMLParser):
    """The parts of a rendered page that the tests look at."""

    def __init__(self, html):
        super().__init__()
        self.title = ""
        self.h1_count = 0
        self.html_lang = None
        self.hreflangs = {}
        self.language_links = {}
        self._in_title = False
        self._in_language_chooser = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.hreflangs[attrs["hreflang"]] = attrs["href"]
        elif tag == "nav" and "language-chooser" in attrs.get("class", ""):
            self._in_language_chooser = True
        elif tag == "a" and self._in_language_chooser:
            self.language_links[attrs["hreflang"]] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "nav":
            self._in_language_chooser = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
