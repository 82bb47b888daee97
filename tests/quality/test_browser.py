"""Quality gates in a real browser, over every page type in both palettes.

Each page is visited once per palette (results cached for the session) and
the tests below assert on what that visit recorded: axe-core findings, every
request's origin, cookies, console errors and Content-Security-Policy
violation reports. Keyboard tests drive the pages with the Tab key.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import FIRST_VISIT, Build, build_copy, make_post, serve

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        # WCAG 2.2 A/AA, plus axe's best practices: the vanilla theme's unnamed search
        # dialog and duplicate landmarks are reported under that tag.
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    # Every node is checked; only violations are listed node by node (passes would be thousands of selectors).
    "resultTypes": ["violations"],
}
SCHEMES = {"light": "default", "dark": "slate"}

# Records CSP violation reports from the page's first script on.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""

# The visible focus indicator of the focused element: its outline, measured against
# the background behind it (first opaque background among its ancestors).
FOCUS_INDICATOR = """
() => {
  let element = document.activeElement;
  if (!element || element === document.body) return null;
  let shown = element;
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) {
    // Material's palette radios are invisible; the group's one visible label is what the user sees.
    const labels = [...element.parentElement.querySelectorAll("label")];
    shown = labels.find((label) => label.getBoundingClientRect().width > 0) || element;
  }
  const parse = (color) => (color.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  let background = [255, 255, 255];
  const inset = parseFloat(getComputedStyle(shown).outlineOffset) < 0;
  for (let node = inset ? shown : shown.parentElement; node; node = node.parentElement) {
    const color = parse(getComputedStyle(node).backgroundColor);
    if (color.length === 3 || (color.length === 4 && color[3] === 1)) { background = color.slice(0, 3); break; }
  }
  const style = getComputedStyle(shown);
  const outline = parse(style.outlineColor).slice(0, 3);
  const [light, dark] = [luminance(outline), luminance(background)].sort((a, b) => b - a);
  const rect = shown.getBoundingClientRect();
  return {
    tag: element.tagName.toLowerCase(),
    classes: element.className,
    text: (shown.textContent || "").trim().slice(0, 40),
    inContent: !!element.closest("#__content"),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    contrast: (light + 0.05) / (dark + 0.05),
    rect: { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom },
  };
}
"""


# Resolves once no CSS transition has run for two frames in a row.
SETTLE = """
async () => {
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (let round = 0; round < 20; round++) {
    await frames();
    const running = document.getAnimations().filter((a) => a instanceof CSSTransition && a.playState === "running");
    if (running.length === 0) return;
    await Promise.all(running.map((a) => a.finished.catch(() => null)));
  }
}
"""


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    paged: bool = False  # from the copy paginated at two posts per page (the site itself has no page 2)


@dataclass
class Visit:
    url: str
    scheme_applied: str
    violations: list[dict[str, Any]]
    requests: list[str] = field(default_factory=list)
    cookies: list[dict[str, Any]] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    skip_link: dict[str, Any] = field(default_factory=dict)  # the keyboard's first steps (light visits)


def first_listing(build: Build, folder: str) -> str:
    """URL path of the first (sorted) listing page under ``blog/<folder>/``, e.g. a category."""
    pages = sorted((build.site / "blog" / folder).glob("*/index.html"))
    assert pages, f"the site has no blog/{folder}/ pages"
    return pages[0].parent.relative_to(build.site).as_posix() + "/"


@pytest.fixture(scope="session")
def page_types(site_build: Build, paged_build: Build) -> list[PageType]:
    types = [
        PageType("home", ""),
        PageType("post", "blog/role-of-trust-in-therapy/"),
        PageType("blog index", "blog/"),
        PageType("category", first_listing(site_build, "category")),
        PageType("archive", first_listing(site_build, "archive")),
        PageType("paginated index", "blog/page/2/", paged=True),
        PageType("about", "about/"),
        PageType("book", "book/"),
        PageType("privacy", "privacy/"),
        PageType("urgent help", "urgent-help/"),
        PageType("404", "404.html"),
    ]
    for page_type in types:
        build = paged_build if page_type.paged else site_build
        assert build.page(page_type.path).is_file(), f"{page_type.name}: {page_type.path} was not built"
    return types


@pytest.fixture(scope="session")
def page_url(site_url: str, paged_url: str) -> Any:
    """The served URL of a page type."""
    return lambda page_type: (paged_url if page_type.paged else site_url) + page_type.path


PAGE_NAMES = [
    "home",
    "post",
    "blog index",
    "category",
    "archive",
    "paginated index",
    "about",
    "book",
    "privacy",
    "urgent help",
    "404",
]


@pytest.fixture(scope="session")
def visits(page_url: Any, browser: Any, page_types: list[PageType]) -> Iterator[dict[tuple[str, str], Visit]]:
    """Visit each page type once per palette, lazily; keyed by (page name, scheme)."""
    by_name = {page_type.name: page_type for page_type in page_types}
    # One tab visits every page in turn, as a first-time visitor each time: no HTTP cache (every request of the
    # page is made, and recorded), storage emptied before the page's scripts run, no cookies kept from the page
    # before. The browser keeps its renderer, which a new tab for every visit would start again.
    context = browser.new_context()
    context.add_init_script(FIRST_VISIT)
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})

    class Visits(dict):
        def __missing__(self, key: tuple[str, str]) -> Visit:
            name, scheme = key
            self[key] = visit(page, page_url(by_name[name]), scheme)
            return self[key]

    yield Visits()
    context.close()


def visit(page: Any, url: str, scheme: str) -> Visit:
    page.context.clear_cookies()
    page.emulate_media(color_scheme=scheme)
    requests: list[str] = []
    console_errors: list[str] = []

    def on_request(request: Any) -> None:
        requests.append(request.url)

    def on_console(message: Any) -> None:
        if message.type == "error":
            console_errors.append(message.text)

    def on_error(error: Any) -> None:
        console_errors.append(f"uncaught: {error}")

    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", on_error)
    try:
        page.goto(url, wait_until="networkidle")
        scheme_applied = page.evaluate("document.body.dataset.mdColorScheme")
        results = Axe().run(page, options=AXE_OPTIONS)
        found = Visit(
            url=url,
            scheme_applied=scheme_applied,
            violations=results.response["violations"],
            requests=requests,
            cookies=page.context.cookies(),
            console_errors=console_errors,
            csp_violations=page.evaluate("window.__cspViolations"),
        )
        if scheme == "light":
            found.skip_link = first_keyboard_steps(page)
        return found
    finally:
        page.remove_listener("request", on_request)
        page.remove_listener("console", on_console)
        page.remove_listener("pageerror", on_error)


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']} {node['target']}: {node.get('failureSummary', '')}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_has_no_axe_violations(visits: dict[tuple[str, str], Visit], name: str, scheme: str) -> None:
    result = visits[name, scheme]
    assert result.scheme_applied == SCHEMES[scheme], "the palette did not follow prefers-color-scheme"
    assert result.violations == [], f"{result.url} ({scheme}):\n{describe(result.violations)}"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_only_talks_to_its_own_origin_and_sets_no_cookies(
    visits: dict[tuple[str, str], Visit], name: str, scheme: str
) -> None:
    result = visits[name, scheme]
    own_origin = urlsplit(result.url)[:2]
    assert result.requests, "no requests were recorded"
    elsewhere = [url for url in result.requests if urlsplit(url)[:2] != own_origin and not url.startswith("data:")]
    assert elsewhere == []
    assert result.cookies == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_runs_under_the_policy_without_errors(
    visits: dict[tuple[str, str], Visit], name: str, scheme: str
) -> None:
    result = visits[name, scheme]
    assert result.csp_violations == []
    assert result.console_errors == []


def test_page_types_cover_the_listing_pages(page_types: list[PageType]) -> None:
    assert [page_type.name for page_type in page_types] == PAGE_NAMES
    paths = {page_type.name: page_type.path for page_type in page_types}
    assert paths["category"].startswith("blog/category/")
    assert paths["archive"].startswith("blog/archive/")


@pytest.fixture
def post_page(browser: Any, site_url: str) -> Iterator[Any]:
    context = browser.new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.goto(site_url + "blog/role-of-trust-in-therapy/", wait_until="networkidle")
    page.console_errors = errors
    yield page
    context.close()


def test_policy_blocks_injected_inline_script_and_style(post_page: Any) -> None:
    """The policy is enforced, not just present: unknown inline code is refused and reported."""
    post_page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__injected = true";
          document.body.append(script);
          document.body.setAttribute("style", "outline: 9px solid red");
        }"""
    )
    post_page.wait_for_function("() => window.__cspViolations.length >= 2")
    assert post_page.evaluate("window.__injected") is None
    assert post_page.evaluate("getComputedStyle(document.body).outlineWidth") != "9px"
    directives = " ".join(post_page.evaluate("window.__cspViolations"))
    assert "script-src" in directives and "style-src" in directives


def test_the_axe_run_finds_what_it_is_there_to_find(post_page: Any) -> None:
    """The visits' axe options can fail a page: a picture without alt text and an unnamed button are named."""
    post_page.evaluate(
        """() => {
          const picture = document.createElement("img");
          picture.id = "no-alt";
          picture.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
          const button = document.createElement("button");
          button.id = "no-name";
          document.querySelector("article").append(picture, button);
        }"""
    )
    violations = Axe().run(post_page, options=AXE_OPTIONS).response["violations"]
    found = {(violation["id"], node["target"][0]) for violation in violations for node in violation["nodes"]}
    assert {("image-alt", "#no-alt"), ("button-name", "#no-name")} <= found, describe(violations)


def test_search_and_palette_toggle_work_under_the_policy(post_page: Any) -> None:
    post_page.keyboard.press("/")
    post_page.keyboard.type("trust")
    results = post_page.locator(".md-search-result__item")
    results.first.wait_for(state="visible")
    assert results.count() > 0
    post_page.keyboard.press("Escape")
    before = post_page.evaluate("document.body.dataset.mdColorScheme")
    post_page.locator("form[data-md-component=palette] label:not([hidden])").click()
    post_page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== {before!r}")
    assert post_page.evaluate("window.__cspViolations") == []
    assert post_page.console_errors == []


def first_keyboard_steps(page: Any) -> dict[str, Any]:
    """On a page as loaded (nothing focused, nothing clicked; axe moves no focus): Tab, Enter, Tab."""
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_INDICATOR)
    page.keyboard.press("Enter")
    hash_after_enter = page.evaluate("location.hash")
    page.keyboard.press("Tab")
    return {"first": first, "hash": hash_after_enter, "next": page.evaluate(FOCUS_INDICATOR)}


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_skip_link_is_the_first_tab_stop_and_reaches_the_content(
    visits: dict[tuple[str, str], Visit], name: str
) -> None:
    steps = visits[name, "light"].skip_link
    focused = steps["first"]
    assert "md-skip" in focused["classes"]
    assert focused["text"] == "Skip to content"
    assert focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2
    assert focused["rect"]["top"] >= 0 and focused["rect"]["left"] >= 0, "the skip link is not shown on focus"
    assert steps["hash"] == "#__content"
    assert steps["next"]["inContent"], "Tab after the skip link left the content"


def tab_stops(page: Any, count: int) -> list[dict[str, Any]]:
    # Let the transitions the focus starts (Material's drawer sliding in, the search field opening, a link's colour)
    # begin and finish before measuring, in the same call. They run 20 times faster than on screen (DevTools'
    # animation speed): each still ends in the style it ends in on screen, which is what is measured.
    session = page.context.new_cdp_session(page)
    session.send("Animation.enable")
    session.send("Animation.setPlaybackRate", {"playbackRate": 20})
    settle_then_measure = f"async () => {{ await ({SETTLE.strip()})(); return ({FOCUS_INDICATOR.strip()})(); }}"
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(settle_then_measure))
    session.detach()
    return stops


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_focus_is_visible_on_every_tab_stop(browser: Any, site_url: str, scheme: str, viewport: dict[str, int]) -> None:
    """Links, the palette toggle and the booking button show a clear focus ring, on screen."""
    page = browser.new_page(color_scheme=scheme, viewport=viewport)
    try:
        page.goto(site_url + "blog/role-of-trust-in-therapy/", wait_until="networkidle")
        stops = tab_stops(page, 40)  # the trust post's table of contents also lists its Sources
    finally:
        page.close()
    for stop in stops:
        assert stop["outlineStyle"] != "none" and stop["outlineWidth"] >= 2, stop
        assert stop["contrast"] >= 3, stop
        assert stop["rect"]["right"] > 0 and stop["rect"]["left"] < viewport["width"], stop
    classes = " ".join(stop["classes"] for stop in stops)
    assert "md-option" in classes, "the palette toggle is not reachable by keyboard"
    assert "ts-header-book" in classes, "the header booking button is not reachable by keyboard"
    assert any(stop["inContent"] and stop["tag"] == "a" for stop in stops), "no content link was reached"


INLINE_CODE_POST = make_post(
    'A paragraph with <span class="marked" style="color: rgb(0, 0, 128)">an inline style</span>.\n\n'
    "## A heading\n\nMore text.\n",
    title="A post with inline code",
    slug="inline-code",
)


def test_inline_code_in_content_is_hashed_and_runs_without_violations(browser: Any, tmp_path: Path) -> None:
    """An inline style in a page is allowed by hash (scripts in content are errors, and never hashed: issue 13)."""
    build = build_copy(tmp_path, posts={"inline-code.md": INLINE_CODE_POST})
    assert build.returncode == 0, build.output
    policy_text = build.html("blog/inline-code/").xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "'unsafe-hashes'" in policy_text, "a style attribute needs 'unsafe-hashes' plus its hash"
    # The other pages do not carry this page's hashes.
    assert "'unsafe-hashes'" not in build.text("about/")
    with serve(build.site) as url:
        context = browser.new_context()
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        page = context.new_page()
        try:
            page.goto(url + "blog/inline-code/", wait_until="load")
            assert page.evaluate("getComputedStyle(document.querySelector('.marked')).color") == "rgb(0, 0, 128)"
            assert page.evaluate("window.__cspViolations") == []
        finally:
            context.close()
