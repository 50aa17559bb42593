"""A crawl of the whole site as a search engine reads it: the sitemap, the
navigation and every link on the way, in both languages."""

import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}
# Links that lead out of the public site.
SKIPPED_PREFIXES = ("/de/admin/", "/en/admin/", "/static/", "/media/")


class PageHead(HTMLParser):
    """What a search engine reads from an HTML page."""

    def __init__(self, html):
        super().__init__()
        self.html_lang = None
        self.titles = []
        self.meta = {}
        self.canonical = []
        self.hreflangs = {}
        self.switcher = {}
        self.switcher_missing = set()
        self.h1_count = 0
        self.links = []
        self.navigation_links = []
        self._in_title = False
        self._in_switcher = False
        self._navigation_depth = 0
        self._svg_depth = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("header", "footer"):
            self._navigation_depth += 1
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "svg":
            self._svg_depth += 1
        elif tag == "title" and not self._svg_depth:
            self._in_title = True
            self.titles.append("")
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs["property"]] = attrs.get("content")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs.get("href"))
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.hreflangs[attrs["hreflang"]] = attrs["href"]
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "nav" and "language-chooser" in (attrs.get("class") or ""):
            self._in_switcher = True
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if self._navigation_depth:
                self.navigation_links.append(attrs["href"])
            if self._in_switcher:
                self.switcher[attrs["hreflang"]] = attrs["href"]
                if "data-untranslated" in attrs:
                    self.switcher_missing.add(attrs["hreflang"])

    def handle_endtag(self, tag):
        if tag == "svg":
            self._svg_depth -= 1
        elif tag == "title":
            self._in_title = False
        elif tag == "nav":
            self._in_switcher = False
        if tag in ("header", "footer"):
            self._navigation_depth -= 1

    def handle_data(self, data):
        if self._in_title:
            self.titles[-1] += data


@dataclass
class CrawledPage:
    path: str
    status: int
    content_type: str
    location: str | None = None
    kind: str = ""
    html: str = ""
    head: PageHead | None = None


@dataclass
class Crawl:
    """Everything a crawl found; ``pages`` by path, HTML and not."""

    host: str
    sitemap_index: list = field(default_factory=list)  # section URLs
    sitemap: dict = field(default_factory=dict)  # url -> {lang: url}
    sitemap_sections: dict = field(default_factory=dict)  # section -> [url]
    pages: dict = field(default_factory=dict)
    navigation: set = field(default_factory=set)
    linked: set = field(default_factory=set)

    def html_pages(self):
        return [
            page
            for page in self.pages.values()
            if page.status == 200 and page.content_type.startswith("text/html")
        ]


def page_kind(response):
    """The view behind a response, and for CMS pages their template."""
    match = response.resolver_match
    kind = match.view_name if match else "?"
    if kind.startswith("pages-") and response.templates:
        kind = f"cms:{response.templates[0].name}"
    return kind


def fetch(client, crawl, path):
    if path in crawl.pages:
        return crawl.pages[path]
    response = client.get(path)
    page = CrawledPage(
        path=path,
        status=response.status_code,
        content_type=response.get("Content-Type", ""),
        location=response.get("Location"),
    )
    if response.status_code == 200 and page.content_type.startswith("text/html"):
        page.kind = page_kind(response)
        page.html = response.content.decode()
        page.head = PageHead(page.html)
    crawl.pages[path] = page
    return page


def local_path(crawl, url, base="/"):
    """The path of a link to this site, or None for another host or scheme."""
    parts = urlsplit(urljoin(crawl.host + base, url))
    if (
        parts.scheme not in ("http", "https")
        or parts.netloc != urlsplit(crawl.host).netloc
    ):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if path.startswith(SKIPPED_PREFIXES):
        return None
    return path


def read_sitemap(client, crawl):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    for loc in ET.fromstring(index.content).findall("s:sitemap/s:loc", SITEMAP_NS):
        crawl.sitemap_index.append(loc.text)
        # Read wherever it points; the tests judge the host it names.
        section_path = urlsplit(loc.text).path
        response = client.get(section_path)
        assert response.status_code == 200, section_path
        urls = []
        for url in ET.fromstring(response.content).findall("s:url", SITEMAP_NS):
            location = url.find("s:loc", SITEMAP_NS).text
            crawl.sitemap[location] = {
                link.get("hreflang"): link.get("href")
                for link in url.findall("x:link", SITEMAP_NS)
            }
            urls.append(location)
        crawl.sitemap_sections[section_path] = urls


def crawl_site(client, host="http://testserver", start=("/de/", "/en/")):
    """Walk the sitemap and the navigation (header and footer) of every page
    reached, following redirects; then fetch every other link, and the links
    on the pages these lead to, once each."""
    crawl = Crawl(host=host)
    read_sitemap(client, crawl)
    queue = deque(start)
    queue.extend(urlsplit(url).path for url in crawl.sitemap)
    seen = set(queue)

    def links_of(page, hrefs):
        for href in hrefs:
            target = local_path(crawl, href, base=page.path)
            if target:
                yield target

    while queue:
        page = fetch(client, crawl, queue.popleft())
        if page.location:
            targets = list(links_of(page, [page.location]))
        elif page.head:
            crawl.navigation.add(page.path)
            targets = list(links_of(page, page.head.navigation_links))
            crawl.linked.update(links_of(page, page.head.links))
            crawl.linked.update(links_of(page, page.head.hreflangs.values()))
        else:
            continue
        for target in targets:
            if target not in seen:
                seen.add(target)
                queue.append(target)
    for _level in range(2):
        for path in sorted(crawl.linked - set(crawl.pages)):
            page = fetch(client, crawl, path)
            if page.head:
                crawl.linked.update(links_of(page, page.head.links))
    return crawl
