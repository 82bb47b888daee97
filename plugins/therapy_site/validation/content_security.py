"""Raw HTML in a page that would run code, embed another site or load from elsewhere.

The site's Content-Security-Policy trusts only the scripts the theme and our
plugins write, so an author's ``<script>``, ``onclick=`` or embedded widget
would be published dead at best. Each is an error at its line and column with
what to do instead. Markdown links and images are judged in ``links`` and
``images``; this rule reads the HTML (``html.parser``, code excluded).
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error, shorten
from therapy_site.validation.source import SourceFile, blank_inline_code
from therapy_site.validation.urls import UNSAFE_SCHEMES, is_other_origin, url_scheme

BOOKING_HINT = "link to your booking page with a '/// booking' block instead of embedding the widget"
EMBED_TAGS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal"})
# Attributes whose value is a URL the browser fetches or follows.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "srcset", "action", "formaction", "poster", "data", "background", "xlink:href"}
)
# Attributes that load a resource (as opposed to a link the reader follows).
RESOURCE_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background"})
RESOURCE_LINK_RELS = frozenset({"stylesheet", "preload", "prefetch", "modulepreload", "icon", "manifest", "import"})
HANDLED_ELSEWHERE = {("a", "href"), ("img", "src")}  # the links and images rules report these with their words
# Containers Markdown leaves as raw HTML until their closing tag: left open, they swallow the rest of the page.
CONTAINERS = frozenset(
    {"div", "section", "article", "aside", "details", "table", "figure", "blockquote", "nav", "header", "footer"}
)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, str]] = []  # line, column, rule, message
        self.open_scripts = 0
        self.open_containers: list[tuple[str, int, int]] = []  # tag, line, column

    def report(self, rule: str, message: str) -> None:
        line, offset = self.getpos()
        self.found.append((line, offset + 1, rule, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.open_scripts += 1
            self.report(
                "html-script",
                "a <script> in a page does not run on this site (the security policy blocks it); remove it, and if "
                f"it is a booking widget, {BOOKING_HINT}",
            )
        elif tag in EMBED_TAGS:
            self.report(
                "html-embed",
                f"<{tag}> embeds another website, which this site does not allow (no third-party requests); "
                f"link to the page instead, or for booking, {BOOKING_HINT}",
            )
        elif tag == "style":
            self.report(
                "html-style",
                "a <style> in a page changes how the whole site looks and reads; remove it (the site's design is in "
                "its theme)",
            )
        elif tag == "foreignobject":
            self.report(
                "html-embed",
                "<foreignObject> puts a web page inside a drawing, which this site does not allow; remove it",
            )
        elif tag == "base":
            self.report("html-embed", "<base> changes where every link on the page goes; remove it")
        elif tag == "meta":
            self.report("html-embed", "<meta> belongs to the theme, not to a page; remove it")
        elif tag == "form":
            self.report("html-embed", f"a <form> would send readers' details elsewhere; remove it and {BOOKING_HINT}")
        if tag in CONTAINERS:
            line, offset = self.getpos()
            self.open_containers.append((tag, line, offset + 1))
        if tag == "script" or tag in EMBED_TAGS:
            return  # already an error; its URLs need no second message
        for name, value in attrs:
            self._attribute(tag, name, value or "", dict(attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.open_scripts -= 1
        if tag in CONTAINERS:
            self.open_containers.pop()

    def unclosed(self) -> list[tuple[int, int, str, str]]:
        """Containers and a comment left open at the end of the page."""
        found = [
            (
                line,
                column,
                "html-unclosed",
                f"<{tag}> is never closed, so it swallows the rest of the page; add </{tag}> where it ends",
            )
            for tag, line, column in self.open_containers
        ]
        if self.rawdata.lstrip().startswith("<!--"):
            line, offset = self.getpos()
            message = (
                "a comment '<!--' is never closed with '-->', so it hides the rest of the page; "
                "add '-->' where the comment ends"
            )
            found.append((line, offset + 1, "html-unclosed", message))
        return found

    def handle_endtag(self, tag: str) -> None:
        if tag in CONTAINERS:
            for index in range(len(self.open_containers) - 1, -1, -1):
                if self.open_containers[index][0] == tag:
                    del self.open_containers[index]
                    break
        if tag == "script" and self.open_scripts:
            self.open_scripts -= 1
        elif tag == "script":
            self.report(
                "html-script",
                "'</script>' typed in the text breaks the page; to show it, put it in backticks: `</script>`",
            )

    def _attribute(self, tag: str, name: str, value: str, attrs: dict[str, str | None]) -> None:
        if name.startswith("on"):
            self.report(
                "html-event-handler",
                f"'{name}=' on <{tag}> would run code, which this site does not allow; remove the attribute",
            )
            return
        if name == "style" and "url(" in value.lower():
            self.report("resource-external", "a style with url() loads a file; remove it or use a Markdown image")
            return
        if name not in URL_ATTRIBUTES or (tag, name) in HANDLED_ELSEWHERE:
            return
        for url in _urls(name, value):
            scheme = url_scheme(url)
            if scheme in UNSAFE_SCHEMES:
                self.report(
                    "link-unsafe",
                    f"<{tag} {name}='{shorten(url, 40)}'> uses '{scheme}:', which can run code or hide content; "
                    "link to a web page instead",
                )
                return
            loads = name in RESOURCE_ATTRIBUTES or (
                tag == "link" and RESOURCE_LINK_RELS & set((attrs.get("rel") or "").lower().split())
            )
            if loads and is_other_origin(url):
                self.report(
                    "resource-external",
                    f"<{tag}> loads '{shorten(url, 60)}' from another website (readers' browsers would contact it); "
                    "save the file under docs/assets/ and point to it there",
                )
                return


def _urls(name: str, value: str) -> list[str]:
    if name == "srcset":
        return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]
    return [value]


def html_text(source: SourceFile) -> str:
    """The page's body with code blanked out, line numbers kept (front matter and code become empty lines)."""
    lines = [""] * len(source.text.splitlines())
    for number, line in source.map.body_lines():
        lines[number - 1] = blank_inline_code(line)
    return "\n".join(lines)


def check_content_security(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    scanner = _Scanner()
    scanner.feed(html_text(source))
    leftovers = scanner.unclosed()  # before close(), which would read an open comment as text
    scanner.close()
    for line, column, rule, message in [*scanner.found, *leftovers]:
        yield error(source.shown, line, message, rule, column)
