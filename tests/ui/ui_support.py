"""What the browser tests of tests/ui share: the page types, one measuring pass per page load, axe."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from axe_playwright_python.sync_playwright import Axe

from helpers import open_page

WIDTHS = (320, 390, 768, 1280)
AXE_WIDTHS = (390, 1280)
SCHEMES = {"light": "default", "dark": "slate"}
TRUST_POST = "blog/role-of-trust-in-therapy/"
# AAA contrast: 7:1 for body text, 4.5:1 for large text (axe rule color-contrast-enhanced, of tag wcag2aaa).
# Only that rule runs: its findings are the ones asserted on. Axe lists every node only for violations (it still
# checks every node), not for the thousands of passes: building their selectors was a third of its time.
AXE_AAA = {"runOnly": {"type": "rule", "values": ["color-contrast-enhanced"]}, "resultTypes": ["violations"]}


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    paged: bool = False
    post: bool = False


PAGE_TYPES = [
    PageType("home", ""),
    PageType("blog index", "blog/"),
    PageType("blog page 2", "blog/page/2/", paged=True),
    PageType("category", "blog/category/anxiety/"),
    PageType("archive", "blog/archive/2025/"),
    PageType("trust post", TRUST_POST, post=True),
    PageType("post", "blog/calming-anxious-mornings/", post=True),
    PageType("post without infographic", "blog/trust-in-relationships/", post=True),
    PageType("about", "about/"),
    PageType("services", "services/"),
    PageType("book", "book/"),
    PageType("privacy", "privacy/"),
    PageType("urgent help", "urgent-help/"),
    PageType("404", "404.html"),
]
PAGE_NAMES = [page_type.name for page_type in PAGE_TYPES]
POST_NAMES = [page_type.name for page_type in PAGE_TYPES if page_type.post]
BY_NAME = {page_type.name: page_type for page_type in PAGE_TYPES}

# One pass over the loaded page: everything the layout tests assert on.
MEASURE = """
(bio) => {
  const width = document.documentElement.clientWidth;
  const visible = (el) => {
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return style.display !== "none" && style.visibility !== "hidden" && rect.width > 0 && rect.height > 0
      && !el.closest("[hidden]");
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string"
    ? "." + el.className.trim().split(/\\s+/).join(".") : "");

  // Horizontal overflow: the document scrolls sideways, and which elements stick out.
  const overflowing = [...document.querySelectorAll("body *")]
    .filter((el) => visible(el) && el.getBoundingClientRect().right > width + 1
      && !el.closest(".md-sidebar--primary, .md-search"))
    .slice(0, 5).map(describe);

  // The site name in the header: its text's box lies inside the title's box (not cut, not spilling
  // over the buttons beside it) and its block does not scroll.
  const name = document.querySelector(".md-header__topic:first-child");
  const range = document.createRange();
  range.selectNodeContents(name);
  const nameRect = range.getBoundingClientRect();
  const titleRect = document.querySelector(".md-header__title").getBoundingClientRect();
  const headerRect = document.querySelector(".md-header").getBoundingClientRect();
  const neighbours = [...document.querySelectorAll(".md-header__inner > *:not(.md-header__title)")]
    .filter(visible).map((el) => el.getBoundingClientRect());
  const overlaps = neighbours.filter((rect) => rect.left < nameRect.right - 0.5 && rect.right > nameRect.left + 0.5
    && rect.top < nameRect.bottom && rect.bottom > nameRect.top).length;

  // Posts: author boxes, the author's bio and the post's date line, counted where visible.
  const created = document.querySelector(".ts-post-header time[datetime]");
  const createdDate = created ? created.getAttribute("datetime").slice(0, 10) : null;
  const dateLines = createdDate ? [...document.querySelectorAll("time[datetime]")].filter((el) =>
    visible(el) && el.getAttribute("datetime").startsWith(createdDate)
    && !el.closest(".ts-related, .ts-post-nav, .ts-latest")).length : 0;
  const authorBoxes = [...document.querySelectorAll(".ts-author, .md-post__authors, .md-post__profile, .md-profile")]
    .filter(visible).length;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let bioCopies = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent.includes(bio) && visible(node.parentElement)) bioCopies += 1;
  }

  // Permalinks: a heading is as tall with its "¶" as without it.
  const permalinks = [];
  for (const link of document.querySelectorAll(".md-content .headerlink")) {
    const heading = link.parentElement;
    if (!visible(heading)) continue;
    const withLink = heading.getBoundingClientRect().height;
    const linkRect = link.getBoundingClientRect();
    link.style.display = "none";
    const withoutLink = heading.getBoundingClientRect().height;
    link.style.display = "";
    permalinks.push({ heading: heading.textContent.trim().slice(0, 60), withLink, withoutLink,
      left: linkRect.left, right: linkRect.right });
  }

  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: width,
    overflowing,
    siteName: {
      text: name.textContent.trim(), scrollWidth: name.scrollWidth, clientWidth: name.clientWidth,
      visible: visible(name), left: nameRect.left, right: nameRect.right, top: nameRect.top,
      bottom: nameRect.bottom, headerTop: headerRect.top, headerBottom: headerRect.bottom,
      titleLeft: titleRect.left, titleRight: titleRect.right, overlaps,
    },
    authorBoxes, bioCopies, dateLines, createdDate, permalinks,
    // The left sidebar's visible links, the footer's privacy links, footer links without a visible label.
    sidebarLinks: [...document.querySelectorAll(".md-sidebar--primary a")].filter(visible).length,
    privacyLinks: [...document.querySelectorAll(".md-footer-meta a, .ts-practice-footer a")]
      .filter((link) => visible(link) && /privacy|cookies/i.test(link.textContent)).length,
    unlabelledFooterLinks: [...document.querySelectorAll(".md-footer__link")].filter((link) => visible(link)
      && !visible(link.querySelector(".md-footer__title"))).length,
    footerYear: (document.querySelector(".md-copyright").textContent.match(/©\\s*(\\d{4})/) || [])[1] || null,
    warningBoxes: [...document.querySelectorAll(".admonition.warning")].filter(visible).length,
    // Admonitions: each one's type (its classes) and its title's icon (the mask of the title's ::before).
    admonitions: [...document.querySelectorAll(".admonition")].filter(visible).map((box) => ({
      type: [...box.classList].filter((name) => name !== "admonition").join(" "),
      title: box.querySelector(".admonition-title").textContent.trim(),
      icon: getComputedStyle(box.querySelector(".admonition-title"), "::before").maskImage,
    })),
  };
}
"""

# Every visible button, link-styled button and form control: the opaque colour behind it and what shows where it
# is (its fill, its border, or for a borderless control on no fill its content's colour), for
# tests/ui/test_non_text_contrast.py (WCAG 1.4.11).
CONTROLS = """
() => {
  const parse = (value) => {
    const match = value.match(/^rgba?\\(([\\d.]+),?\\s*([\\d.]+),?\\s*([\\d.]+)(?:,?\\s*\\/?\\s*([\\d.]+))?\\)$/);
    if (!match) return null;
    return [+match[1], +match[2], +match[3], match[4] === undefined ? 1 : +match[4]];
  };
  const over = (top, bottom) => {  // top composited over an opaque bottom
    const alpha = top[3];
    return [0, 1, 2].map((i) => top[i] * alpha + bottom[i] * (1 - alpha)).concat(1);
  };
  const behind = (el) => {  // the opaque colour behind el: its ancestors' backgrounds composited
    const layers = [];
    for (let node = el.parentElement; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour && colour[3] > 0) layers.push(colour);
      if (colour && colour[3] >= 1) break;
    }
    let result = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const visible = (el) => {
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return style.display !== "none" && style.visibility !== "hidden" && +style.opacity > 0
      && rect.width > 1 && rect.height > 1 && !el.closest("[hidden]");
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "")
    + " '" + (el.textContent || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 40) + "'";
  const selector = ".md-button, button, input:not([type=hidden]), select, textarea, [role=button], .md-header__button";
  return [...document.querySelectorAll(selector)].filter(visible).map((el) => {
    const style = getComputedStyle(el);
    const around = behind(el);
    const fill = parse(style.backgroundColor);
    const border = parse(style.borderTopColor);
    const indicators = [];
    if (fill && fill[3] > 0) indicators.push(["fill", over(fill, around)]);
    const bordered = border && border[3] > 0 && parseFloat(style.borderTopWidth) >= 1;
    if (bordered) indicators.push(["border", over(border, around)]);
    if (!indicators.length) indicators.push(["content", over(parse(style.color) || [0, 0, 0, 1], around)]);
    return { control: describe(el), around, indicators };
  });
}
"""


@dataclass
class Load:
    url: str
    width: int
    scheme: str
    measures: dict[str, Any] = field(default_factory=dict)
    unnamed: list[str] = field(default_factory=list)
    contrast: list[str] = field(default_factory=list)
    controls: list[dict[str, Any]] = field(default_factory=list)  # CONTROLS, at the axe widths
    scheme_applied: str = ""
    hero_filter: str | None = None  # computed CSS filter of the post's hero image, if any


def unnamed_controls(page: Any) -> list[str]:
    """Links and buttons the browser's accessibility tree gives no name (Chromium's own computation)."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    found = []
    for node in nodes:
        role = node.get("role", {}).get("value")
        if node.get("ignored") or role not in {"link", "button"}:
            continue
        if not str(node.get("name", {}).get("value", "")).strip():
            found.append(f"{role} (backend node {node.get('backendDOMNodeId')})")
    return found


def contrast_failures(page: Any) -> list[str]:
    results = Axe().run(page, options=AXE_AAA).response
    return [
        f"{node['target']}: {node.get('failureSummary', '').splitlines()[-1].strip()}"
        for violation in results["violations"]
        if violation["id"] == "color-contrast-enhanced"
        for node in violation["nodes"]
    ]


def load(page: Any, url: str, width: int, scheme: str, bio: str) -> Load:
    """Load ``url`` afresh in ``page`` at ``width`` in ``scheme`` and measure it.

    One tab loads every page in turn (tests/ui/conftest.py): each load is a new document laid out at the width and
    palette set before it, with nothing stored by the page before (the tab's init script empties the storage), and
    the browser keeps its renderer and its cache of the stylesheets, scripts and fonts, which a new tab for every
    load would start again (three times the work). The palette each load shows is asserted (``scheme_applied``).
    """
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    open_page(page, url)
    result = Load(url, width, scheme, scheme_applied=page.evaluate("document.body.dataset.mdColorScheme"))
    result.hero_filter = page.evaluate(
        "() => { const img = document.querySelector('.ts-hero img'); return img && getComputedStyle(img).filter; }"
    )
    if width in AXE_WIDTHS:
        result.controls = page.evaluate(CONTROLS)
    if scheme == "light":
        result.measures = page.evaluate(MEASURE, bio)
        result.unnamed = unnamed_controls(page)
    if width in AXE_WIDTHS:
        result.contrast = contrast_failures(page)
    return result
