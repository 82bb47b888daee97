"""Issue 14: what a page's first paint waits for (Lighthouse's figures are printed by benchmarks/lighthouse.py).

Our Content-Security-Policy ``<meta>`` holds Chrome's preload scanner back, so
the order and the attributes of what ``<head>`` and ``<body>`` fetch decide what
the first paint waits for: Material's script bundle is deferred, no script
blocks the parser, and the faces a page's first layout needs are preloaded as
fonts (Chrome gives them high, not render-blocking, priority; faces it finds
itself during layout get the highest). A page waits for two stylesheets, as
vanilla Material's do: Material's main sheet and our bundle, which carries
Material's palette sheet (a third sheet in flight costs a round trip of
Lighthouse's simulated network before the first paint).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import rcssmin

from helpers import Build, site_stylesheets, stylesheet_bundle

PAGES = ("", "blog/", "blog/role-of-trust-in-therapy/", "404.html")
MATERIAL_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
MATERIAL_MAIN = re.compile(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css$")
FIRST_SCREEN_FACES = ("inter-regular-core.woff2", "inter-semibold-core.woff2")


def published(build: Build, path: str, url: str) -> bool:
    """Whether ``url`` as written in page ``path`` (404.html writes root-relative URLs) is a built file."""
    base = build.site if url.startswith("/") else build.page(path).parent
    return (base / url.lstrip("/")).resolve().is_file()


def runs_after_parsing(script: Any) -> bool:
    return script.get("defer") is not None or script.get("type") == "module"


@pytest.mark.parametrize("path", PAGES)
def test_materials_bundle_is_deferred_and_no_script_blocks_the_parser(site_build: Build, path: str) -> None:
    scripts = site_build.html(path).xpath("//script[@src]")
    bundles = [script for script in scripts if MATERIAL_BUNDLE.search(script.get("src"))]
    assert len(bundles) == 1, [script.get("src") for script in scripts]
    assert runs_after_parsing(bundles[0])
    assert published(site_build, path, bundles[0].get("src"))
    assert [script.get("src") for script in scripts if not runs_after_parsing(script)] == []


@pytest.mark.parametrize("path", PAGES)
def test_the_faces_are_preloaded_as_fonts_at_the_default_priority(site_build: Build, path: str) -> None:
    preloads = site_build.html(path).xpath("//head/link[@rel='preload']")
    faces = [link.get("href").rsplit("/", 1)[1] for link in preloads]
    assert faces[:2] == list(FIRST_SCREEN_FACES)
    for link in preloads:
        assert (link.get("as"), link.get("type"), link.get("crossorigin")) == ("font", "font/woff2", "")
        # Default (high) priority: "low" would only move the fonts later, past the first paint, with no gain.
        assert link.get("fetchpriority") is None
        assert published(site_build, path, link.get("href"))


@pytest.mark.parametrize("path", [*PAGES, "about/"])
def test_a_page_preloads_exactly_the_faces_the_browser_fetches(site_url: str, browser: Any, path: str) -> None:
    """No page fetches a face late, not even the post with italic text (the browser slants the regular face)."""
    page = browser.new_page(viewport={"width": 412, "height": 823})
    fetched: list[str] = []
    page.on("request", lambda request: request.resource_type == "font" and fetched.append(request.url))
    page.goto(site_url + path, wait_until="load")
    page.evaluate("document.fonts.ready")
    preloaded = page.eval_on_selector_all("head link[rel=preload][as=font]", "links => links.map(link => link.href)")
    page.close()
    assert sorted(set(fetched)) == sorted(preloaded)
    assert len(preloaded) == 2 and not any("italic" in url for url in fetched)


def test_the_preloaded_faces_are_the_ones_the_stylesheet_uses(site_build: Build) -> None:
    """A preload the @font-face rules do not name is fetched twice (or for nothing)."""
    faces = re.findall(r"@font-face\s*{[^}]*}", stylesheet_bundle(site_build, ""))
    named = {match for face in faces for match in re.findall(r"fonts/([a-z-]+\.woff2)", face)}
    assert set(FIRST_SCREEN_FACES) <= named


@pytest.mark.parametrize("path", PAGES)
def test_the_preloads_come_after_every_stylesheet(site_build: Build, path: str) -> None:
    """The stylesheets (render-blocking) are requested first: the fonts must not delay them."""
    head = site_build.html(path).xpath("//head")[0]
    links = [(link.get("rel"), link.get("href")) for link in head.xpath("./link[@rel='stylesheet' or @rel='preload']")]
    rels = [rel for rel, _ in links]
    assert rels.index("preload") > max(index for index, rel in enumerate(rels) if rel == "stylesheet")
    assert site_stylesheets(site_build, path)


def test_materials_deferred_bundle_starts_its_components(site_url: str, browser: Any) -> None:
    """Deferred, Material still starts on DOMContentLoaded: its observables exist and the header is wired."""
    page = browser.new_page(viewport={"width": 412, "height": 823})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "blog/role-of-trust-in-therapy/", wait_until="load")
    page.wait_for_function("typeof window.component$ === 'object'")
    # Material marks <html> once its script runs ("no-js" becomes "js").
    assert "js" in page.evaluate("document.documentElement.className").split()
    assert errors == []
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_a_page_waits_for_two_stylesheets_materials_main_sheet_and_our_bundle(site_build: Build, path: str) -> None:
    hrefs = site_build.html(path).xpath("//link[@rel='stylesheet']/@href")
    assert len(hrefs) == 2, hrefs
    assert MATERIAL_MAIN.search(hrefs[0]) and published(site_build, path, hrefs[0])
    assert hrefs[1:] == site_stylesheets(site_build, path)
    assert not [href for href in hrefs if "palette" in href]


def test_the_bundle_starts_with_materials_palette_sheet(site_build: Build) -> None:
    """Material's cascade order: main, palette, then ours (so our colours still win)."""
    (palette,) = (site_build.site / "assets/stylesheets").glob("palette.*.min.css")
    css = stylesheet_bundle(site_build, "")
    minified = rcssmin.cssmin(palette.read_text(encoding="utf-8"))
    assert css.startswith(f"/* {palette.name} */\n{minified}\n/* fonts.css */")


def test_the_bundle_is_minified(site_build: Build) -> None:
    """Only the one-line comment naming each part is left; no authors' comments, no indentation."""
    css = stylesheet_bundle(site_build, "")
    comments = re.findall(r"/\*.*?\*/", css, flags=re.DOTALL)
    assert comments and all(re.fullmatch(r"/\* [\w.-]+\.css \*/", comment) for comment in comments), comments[:3]
    assert "\n  " not in css


@pytest.mark.parametrize("path", ["", "blog/role-of-trust-in-therapy/"])
def test_the_palette_applies_from_the_bundle_without_a_policy_violation(site_url: str, browser: Any, path: str) -> None:
    """The dark scheme ("slate") is defined in Material's palette sheet only: it must reach the page."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, color_scheme="dark")
    page = context.new_page()
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));"
    )
    page.goto(site_url + path, wait_until="load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.evaluate("getComputedStyle(document.body).colorScheme") == "dark"
    sheets = page.evaluate("[...document.styleSheets].map(sheet => sheet.href)")
    assert len(sheets) == 2 and not [href for href in sheets if "palette" in (href or "")]
    assert page.evaluate("window.__violations") == []
    context.close()
