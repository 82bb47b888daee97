"""Booking calls to action in built sites: the real site, fixture posts, unsafe URLs under --strict, Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from lxml import html as lxml_html

from helpers import (
    REPO,
    Build,
    build_copy,
    copy_project,
    explicit_config,
    load_config,
    make_post,
    paginate,
    reported,
    run_build,
    stylesheet_bundle,
    write_config,
)
from therapy_site.booking.extension import DEFAULT_BUTTON, DEFAULT_HEADING, DEFAULT_TEXT

TRUST_POST = "blog/role-of-trust-in-therapy/"
CTA = "//section[contains(concat(' ', @class, ' '), ' ts-booking ')]"
BUTTON = ".//a[contains(concat(' ', @class, ' '), ' ts-booking__button ')]"
HEADER_BUTTON = "//header[@class='md-header' or starts-with(@class, 'md-header ')]//a[@class='ts-header-book']"

CONFIG = explicit_config(load_config(REPO))
PRACTICE = CONFIG["extra"]["practice"]
BOOKING_URL = PRACTICE["booking_url"]
BOOKING_HOST = urlsplit(BOOKING_URL).hostname
# The site-wide defaults of the call to action: options of the declared Markdown extension.
BOOKING_OPTIONS = {
    "heading": DEFAULT_HEADING,
    "text": DEFAULT_TEXT,
    "button": DEFAULT_BUTTON,
    **next(
        extension["therapy_site.booking"]
        for extension in CONFIG["markdown_extensions"]
        if isinstance(extension, dict) and "therapy_site.booking" in extension
    ),
}
PLUGIN_OPTIONS = next(
    plugin["therapy-site/booking"]
    for plugin in CONFIG["plugins"]
    if isinstance(plugin, dict) and "therapy-site/booking" in plugin
)


def with_booking(config: dict[str, Any], plugin: dict[str, Any], extension: dict[str, Any]) -> dict[str, Any]:
    """``config`` with the booking plugin's and the booking extension's options replaced."""
    config["plugins"] = [
        {"therapy-site/booking": plugin} if isinstance(entry, dict) and "therapy-site/booking" in entry else entry
        for entry in config["plugins"]
    ]
    config["markdown_extensions"] = [
        {"therapy_site.booking": extension} if isinstance(entry, dict) and "therapy_site.booking" in entry else entry
        for entry in config["markdown_extensions"]
    ]
    return config


def front_matter(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


POSTS = {path.name: front_matter(path) for path in sorted((REPO / "docs" / "blog" / "posts").glob("*.md"))}
OTHER_POSTS = [f"blog/{meta['slug']}/" for name, meta in POSTS.items() if name != "role-of-trust-in-therapy.md"]


def ctas(build: Build, url_path: str) -> list[Any]:
    return build.html(url_path).xpath(CTA)


def site_pages(build: Build) -> list[str]:
    return sorted(
        str(path.parent.relative_to(build.site)).replace(".", "") + "/" if path.parent != build.site else ""
        for path in build.site.rglob("index.html")
    )


# UTM tagging is off by default (the site promises no tracking); the fixture build switches it on to test it.
FIXTURE_UTM = {"utm_source": "stillwater-therapy.example", "utm_medium": "website", "utm_campaign": "website-cta"}


def assert_plain_booking_link(href: str) -> None:
    """With UTM off (the default), the link is exactly the booking URL: no query at all."""
    assert href == BOOKING_URL


def assert_utm_only(href: str, words: tuple[str, ...]) -> None:
    """The link is the booking URL plus the site's fixed UTM parameters; nothing about the page."""
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == BOOKING_URL
    query = parse_qs(parts.query)
    assert query == {
        "utm_source": [urlsplit(CONFIG["site_url"]).hostname],
        "utm_medium": ["website"],
        "utm_campaign": [FIXTURE_UTM["utm_campaign"]],
    }
    # Exactly those parameters (above), and neither the page's slug nor its title anywhere in the link.
    for text in words:
        assert text.lower() not in href.lower() and text.lower().replace(" ", "+") not in href.lower(), (text, href)


# --- The real site -----------------------------------------------------------------------------


def test_trust_post_ends_its_article_with_the_authored_cta_before_the_faq(site_build: Build) -> None:
    page = site_build.html(TRUST_POST)
    (section,) = page.xpath(CTA)
    (heading,) = section.xpath("./h2")
    assert heading.xpath("normalize-space(text())") == "Build trust and begin your healing journey"
    assert section.get("aria-labelledby") == heading.get("id")
    assert len(page.xpath(f"//*[@id='{heading.get('id')}']")) == 1
    assert section.xpath("string(./p[1])").startswith("Trust is what makes deep change possible")
    (link,) = section.xpath(BUTTON)
    assert link.text_content() == BOOKING_OPTIONS["button"]
    assert (link.get("rel"), link.get("referrerpolicy")) == ("noopener", "origin")
    assert_plain_booking_link(link.get("href"))
    before = [h.xpath("normalize-space(text())") for h in section.xpath("preceding::h2")]
    after = [h.xpath("normalize-space(text())") for h in section.xpath("following::h2")]
    assert "How therapists build trust" in before
    assert after and after[0] == "Frequently Asked Questions"
    # The old plain section and link are gone; no automatic second CTA.
    assert not page.xpath("//h2[normalize-space(text())='Take the first step']")
    outside_ctas = f"//a[@href='{BOOKING_URL}' and not(ancestor::section[contains(@class, 'ts-booking')])]"
    assert not page.xpath(outside_ctas + "[not(ancestor::header)]")


@pytest.mark.parametrize("url_path", OTHER_POSTS)
def test_every_other_post_ends_with_the_site_wide_cta(site_build: Build, url_path: str) -> None:
    (section,) = ctas(site_build, url_path)
    assert section.xpath("normalize-space(./h2/text())") == BOOKING_OPTIONS["heading"]
    assert section.xpath("normalize-space(./p[1])") == " ".join(BOOKING_OPTIONS["text"].split())
    assert "ts-booking--panel" in section.get("class").split()
    # Last thing in the article's content: only the author box and post navigation follow.
    assert section.getparent().get("class") == "md-content__inner md-typeset"
    assert not section.xpath("following-sibling::p | following-sibling::h2[not(@id='ts-author-name')]")
    (link,) = section.xpath(BUTTON)
    slug = url_path.strip("/").split("/")[-1]
    title = next(meta["title"] for meta in POSTS.values() if meta["slug"] == slug)
    assert_plain_booking_link(link.get("href"))
    assert title not in link.get("href") and slug not in link.get("href")


def test_each_cta_has_the_urgent_help_line_linking_to_the_urgent_help_page(site_build: Build) -> None:
    crisis = PRACTICE["crisis"]
    for url_path in [TRUST_POST, *OTHER_POSTS]:
        (section,) = ctas(site_build, url_path)
        (urgent,) = section.xpath("./p[@class='ts-booking__urgent']")
        text = " ".join(urgent.text_content().split())
        assert text.startswith(crisis["text"])
        assert f"{crisis['line_name']} on {crisis['line_phone']}" in text and crisis["emergency_phone"] in text
        hrefs = urgent.xpath("./a/@href")
        assert hrefs[:2] == ["tel:" + crisis["line_phone"].replace(" ", ""), "tel:" + crisis["emergency_phone"]]
        target = urljoin(f"https://site.example/{url_path}", hrefs[2])
        assert (site_build.site / urlsplit(target).path.strip("/") / "index.html").is_file()
        assert site_build.html(urlsplit(target).path).xpath("normalize-space(//h1/text())") == "Urgent help"


def test_each_cta_offers_the_practice_phone_and_email(site_build: Build) -> None:
    for url_path in [TRUST_POST, *OTHER_POSTS, "book/"]:
        (section,) = ctas(site_build, url_path)
        hrefs = section.xpath("./p[@class='ts-booking__contact']/a/@href")
        assert hrefs == ["tel:" + PRACTICE["phone"].replace(" ", ""), "mailto:" + PRACTICE["email"]], url_path


def test_listing_pages_show_no_cta_and_no_duplicate_ids(paged_build: Build) -> None:
    listings = [path for path in site_pages(paged_build) if path.startswith("blog/") and path not in OTHER_POSTS]
    listings = [path for path in listings if path != TRUST_POST]
    assert {"blog/", "blog/page/2/", "blog/archive/2025/"} <= set(listings)
    for url_path in listings:
        page = paged_build.html(url_path)
        assert not page.xpath(CTA), url_path
        ids = page.xpath("//@id")
        assert len(ids) == len(set(ids)), url_path


def test_pages_that_are_not_posts_get_no_automatic_cta(site_build: Build) -> None:
    for url_path in ["", "about/", "services/", "privacy/", "urgent-help/"]:
        assert not ctas(site_build, url_path), url_path


def test_header_button_on_every_page_links_to_the_book_page(site_build: Build) -> None:
    pages = site_pages(site_build)
    assert len(pages) > 10
    for url_path in pages:
        page = site_build.html(url_path)
        (button,) = page.xpath(HEADER_BUTTON)
        # Last item of Material's top bar, after search; a plain link without script.
        assert button.getparent().get("class") == "md-header__inner md-grid"
        assert button.getnext() is None
        assert button.text_content() == "Book a session"
        target = urlsplit(urljoin(f"https://site.example/{url_path}", button.get("href"))).path
        assert target == "/book/", (url_path, button.get("href"))
        assert (button.get("aria-current") == "page") == (url_path == "book/")


def test_book_page_uses_an_inline_cta(site_build: Build) -> None:
    (section,) = ctas(site_build, "book/")
    assert "ts-booking--inline" in section.get("class").split()
    (link,) = section.xpath(BUTTON)
    assert link.text_content() == "Choose a time for your free call"
    assert_plain_booking_link(link.get("href"))


def test_every_link_to_the_booking_site_has_rel_referrer_policy_and_no_utm_by_default(site_build: Build) -> None:
    seen = 0
    for path in sorted(site_build.site.rglob("*.html")):
        for link in lxml_html.fromstring(path.read_bytes()).xpath("//a[@href]"):
            if urlsplit(link.get("href")).hostname != BOOKING_HOST:
                continue
            seen += 1
            assert (link.get("rel"), link.get("referrerpolicy")) == ("noopener", "origin"), path
            assert not urlsplit(link.get("href")).query, path
    assert seen >= len(POSTS) + 1


def test_stylesheet_is_shipped_and_linked(site_build: Build) -> None:
    css = stylesheet_bundle(site_build, TRUST_POST)
    assert "/* booking.css */" in css
    assert '[data-md-color-scheme="slate"]' in css and "@media print" in css


def test_no_booking_widget_script_or_frame_anywhere(site_build: Build) -> None:
    for path in site_build.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for pattern in (f'src="https://{BOOKING_HOST}', "<iframe", "calendly", "simplepractice", "janeapp"):
            assert pattern not in text.lower(), (path, pattern)


# --- Fixture sites --------------------------------------------------------------------------------

FIXTURE_POSTS = {
    "opt-out.md": make_post(
        "A post that asks for no booking invitation.\n", slug="opt-out", title="Opting out", extra="booking: false\n"
    ),
    "override.md": make_post(
        "A post with its own wording.\n",
        slug="override-post",
        title="Sleep and worry",
        extra=(
            "booking:\n"
            "  heading: Questions before booking?\n"
            "  text: Write to Anna and she will reply within two working days.\n"
            "  button: Email Anna about a first call\n"
            "  url: mailto:hello@stillwater-therapy.example\n"
            "  variant: inline\n"
        ),
    ),
    "url-override.md": make_post(
        "A post that sends readers to another booking page.\n",
        slug="url-override",
        title="Couples worries",
        extra="booking:\n  url: https://booking.stillwater-therapy.example/couples\n",
    ),
    "own-block.md": make_post(
        "Intro.\n\n/// booking | Talk to someone\n    variant: inline\n///\n\n## Later section\n\nMore text.\n",
        slug="own-block",
        title="Own block",
    ),
    "plain.md": make_post("A post with no separator, so its excerpt is the whole post.\n", slug="plain", title="Plain"),
}


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("booking") / "project")
    for name, text in FIXTURE_POSTS.items():
        (project / "docs" / "blog" / "posts" / name).write_text(text, encoding="utf-8")
    config = with_booking(
        paginate(explicit_config(load_config(project))),
        {**PLUGIN_OPTIONS, "header_button_page": ""},
        {**BOOKING_OPTIONS, "utm": FIXTURE_UTM},
    )
    write_config(project, config)
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


def test_front_matter_booking_false_opts_out(fixture_build: Build) -> None:
    page = fixture_build.html("blog/opt-out/")
    assert page.xpath("//h1") and not page.xpath(CTA)


def test_front_matter_mapping_overrides_the_cta_for_that_post(fixture_build: Build) -> None:
    (section,) = ctas(fixture_build, "blog/override-post/")
    assert section.get("class") == "ts-booking ts-booking--inline"
    assert section.xpath("normalize-space(./h2/text())") == "Questions before booking?"
    assert section.xpath("normalize-space(./p[1])") == "Write to Anna and she will reply within two working days."
    (link,) = section.xpath(BUTTON)
    assert link.text_content() == "Email Anna about a first call"
    assert link.get("href") == "mailto:hello@stillwater-therapy.example"
    assert section.xpath("./p[@class='ts-booking__urgent']")


def test_front_matter_url_override_keeps_site_defaults_and_utm(fixture_build: Build) -> None:
    (section,) = ctas(fixture_build, "blog/url-override/")
    assert section.xpath("normalize-space(./h2/text())") == BOOKING_OPTIONS["heading"]
    (href,) = section.xpath(BUTTON + "/@href")
    parts = urlsplit(href)
    assert parts.path == "/couples" and parse_qs(parts.query)["utm_medium"] == ["website"]
    assert "worries" not in href and "url-override" not in href


def test_a_post_with_its_own_block_gets_no_second_cta(fixture_build: Build) -> None:
    (section,) = ctas(fixture_build, "blog/own-block/")
    assert section.xpath("normalize-space(./h2/text())") == "Talk to someone"
    assert section.xpath("following-sibling::h2[normalize-space(text())='Later section']")


def test_excerpts_of_posts_without_a_separator_show_no_cta(fixture_build: Build) -> None:
    assert ctas(fixture_build, "blog/plain/")
    for url_path in ["blog/", "blog/page/2/", "blog/page/3/", "blog/category/anxiety/"]:
        page = fixture_build.html(url_path)
        assert page.xpath("//article"), url_path
        assert not page.xpath(CTA), url_path
        ids = page.xpath("//@id")
        assert len(ids) == len(set(ids)), url_path


def test_header_button_can_link_straight_to_the_booking_url(fixture_build: Build) -> None:
    (button,) = fixture_build.html("about/").xpath(HEADER_BUTTON)
    assert (button.get("rel"), button.get("referrerpolicy")) == ("noopener", "origin")
    assert_utm_only(button.get("href"), ("about",))


def test_site_wide_switches_turn_off_header_button_automatic_cta_and_utm(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    switches = {"header_button": False, "auto_end_of_post": False}
    extension = {**BOOKING_OPTIONS, "utm": {}, "urgent": {**BOOKING_OPTIONS["urgent"], "text": "Not safe?"}}
    config = with_booking(explicit_config(load_config(project)), {**PLUGIN_OPTIONS, **switches}, extension)
    write_config(project, config)
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert not build.html("about/").xpath("//a[@class='ts-header-book']")
    assert build.html("about/").xpath("//nav[contains(@class, 'md-header__inner')]//label[@for='__search']")
    for url_path in OTHER_POSTS:
        assert not ctas(build, url_path), url_path
    (section,) = ctas(build, TRUST_POST)
    assert section.xpath(BUTTON + "/@href") == [BOOKING_URL]
    assert section.xpath("string(./p[@class='ts-booking__urgent'])").startswith("Not safe? Call Samaritans")


def header_line(text: str, pattern: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if line.startswith(pattern))


UNSAFE_POSTS = {
    "js.md": make_post(
        "Text.\n\n/// booking\n///\n\nMore.\n\n"
        "/// booking | Book now\n    url: javascript:alert(document.cookie)\n///\n",
        slug="js",
        title="Script link",
    ),
    "data.md": make_post(
        "/// booking\n    url: 'data:text/html,<script>alert(1)</script>'\n///\n", slug="data", title="D"
    ),
    "http.md": make_post("Text.\n", slug="http", title="Plain http", extra="booking:\n  url: http://book.example/\n"),
    "options.md": make_post(
        "/// booking\n    colour: green\n///\n\n/// booking\n    button: ''\n///\n", slug="options", title="O"
    ),
}


def test_unsafe_urls_and_bad_options_fail_strict_naming_file_and_line(tmp_path: Path) -> None:
    build = build_copy(tmp_path, posts=UNSAFE_POSTS)
    assert build.returncode != 0
    js_line = header_line(UNSAFE_POSTS["js.md"], "/// booking | Book now")
    options_text = UNSAFE_POSTS["options.md"]
    second_options_line = [n for n, line in enumerate(options_text.splitlines(), 1) if line.startswith("///")][2]
    expected = [
        (
            "blog/posts/js.md",
            js_line + 1,
            "booking block: option 'url': 'javascript:alert(document.cookie)' has 'javascript:'",
        ),
        (
            "blog/posts/data.md",
            header_line(UNSAFE_POSTS["data.md"], "/// booking") + 1,
            "booking block: option 'url': 'data:text/html,<script>alert(1)</script>' has 'data:'",
        ),
        (
            "blog/posts/http.md",
            header_line(UNSAFE_POSTS["http.md"], "  url:"),
            "front matter 'booking': 'url' 'http://book.example/' has 'http:'",
        ),
        (
            "blog/posts/options.md",
            header_line(options_text, "/// booking") + 1,
            "booking block: unknown option 'colour'",
        ),
        ("blog/posts/options.md", second_options_line + 1, "booking block: option 'button': is empty"),
    ]
    for path, line, message in expected:
        assert reported(build.output, path, line, message), (path, line, message, build.output)
    # Each problem once: never again for the blog's listing pages.
    assert build.output.count("booking block:") + build.output.count("front matter 'booking'") == len(expected)


def test_unsafe_configured_booking_url_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    unsafe = {**BOOKING_OPTIONS, "url": "javascript:alert(1)"}
    config = with_booking(explicit_config(load_config(project)), PLUGIN_OPTIONS, unsafe)
    write_config(project, config)
    build = run_build(project)
    assert build.returncode != 0
    assert "markdown_extensions: therapy_site.booking: url" in build.output and "'javascript:'" in build.output


# --- In Chromium ----------------------------------------------------------------------------------


def open_page(browser: Any, url: str, *, width: int, scheme: str = "light") -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    return page, requests


@pytest.mark.parametrize("url_path", [TRUST_POST, OTHER_POSTS[0], "book/"])
def test_loading_a_page_contacts_no_booking_host(browser: Any, site_url: str, url_path: str) -> None:
    page, requests = open_page(browser, site_url + url_path, width=1280)
    try:
        page.mouse.move(5, 5)
        page.locator(HEADER_BUTTON.replace("//", "xpath=//", 1)).hover()
        page.wait_for_timeout(300)
        assert any(request.endswith(".css") for request in requests)  # the recorder works
        hosts = {urlsplit(request).hostname for request in requests}
        assert hosts == {"127.0.0.1"}, hosts
        assert BOOKING_HOST not in hosts
    finally:
        page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_cta_and_header_look_right_and_are_accessible(
    browser: Any, site_url: str, artifacts_dir: Path, scheme: str, width: int
) -> None:
    page, _ = open_page(browser, site_url + TRUST_POST, width=width, scheme=scheme)
    try:
        expected_palette = "default" if scheme == "light" else "slate"
        assert page.get_attribute("body", "data-md-color-scheme") == expected_palette
        section = page.locator("section.ts-booking")
        section.scroll_into_view_if_needed()
        device = "phone" if width < 600 else "desktop"
        section.screenshot(path=str(artifacts_dir / f"booking-cta-{device}-{scheme}.png"))
        page.locator("header.md-header").screenshot(path=str(artifacts_dir / f"booking-header-{device}-{scheme}.png"))
        results = Axe().run(page, context="section.ts-booking")
        assert results.violations_count == 0, results.generate_report()
        assert "color-contrast" in {rule["id"] for rule in results.response["passes"]}
        header = Axe().run(page, context="a.ts-header-book")
        assert header.violations_count == 0, header.generate_report()
        for selector in ("section.ts-booking a.ts-booking__button", "a.ts-header-book"):
            box = page.locator(selector).bounding_box()
            assert box["width"] >= 44 and box["height"] >= 44, (selector, box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (selector, box)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        page.close()


def test_buttons_show_a_focus_ring_when_reached_by_keyboard(browser: Any, site_url: str) -> None:
    page, _ = open_page(browser, site_url + TRUST_POST, width=390)
    try:
        for selector in ("a.ts-header-book", "section.ts-booking a.ts-booking__button"):
            page.keyboard.press("Tab")  # keyboard modality, so focus() shows :focus-visible as Tab would
            page.locator(selector).focus()
            style = page.locator(selector).evaluate(
                "el => { const s = getComputedStyle(el);"
                " return [el.matches(':focus-visible'), s.outlineStyle, parseFloat(s.outlineWidth)]; }"
            )
            assert style[0] is True and style[1] == "solid" and style[2] >= 2, (selector, style)
        # The header button is in the keyboard order: Tab from the page start reaches it.
        page.goto(site_url + TRUST_POST)
        reached = False
        for _ in range(15):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('ts-header-book')"):
                reached = True
                break
        assert reached
    finally:
        page.close()


def test_print_shows_the_plain_address_instead_of_the_button(browser: Any, site_url: str) -> None:
    page, _ = open_page(browser, site_url + TRUST_POST, width=800, scheme="dark")
    try:
        page.emulate_media(media="print")
        assert not page.locator("section.ts-booking a.ts-booking__button").is_visible()
        printed = page.locator("section.ts-booking .ts-booking__print")
        assert printed.is_visible() and BOOKING_URL in printed.inner_text()
        page.emulate_media(media="screen")
        assert not printed.is_visible()
    finally:
        page.close()
