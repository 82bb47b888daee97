"""Phones (320, 360 and 390 px): the header shows the logo, the practice's name on at most two lines and the
"Book a session" button on one line, all inside the screen; no phone number or email address breaks inside."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import open_page

WIDTHS = (320, 360, 390)
PAGES = ("", "blog/role-of-trust-in-therapy/", "book/", "urgent-help/")

MEASURE = """
() => {
  const lines = (el) => {  // the number of lines el's text takes (distinct tops of its text boxes)
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top));
    return new Set(tops).size;
  };
  const box = (el) => {
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return { left: rect.left, right: rect.right, width: rect.width, height: rect.height,
      shown: style.display !== "none" && style.visibility !== "hidden" && rect.width > 0 && rect.height > 0 };
  };
  const logo = document.querySelector(".md-header .md-logo");
  const name = document.querySelector(".md-header__topic:first-child .md-ellipsis");
  const book = document.querySelector(".md-header .ts-header-book");
  const contacts = [...document.querySelectorAll("a[href^='tel:'], a[href^='mailto:']")]
    .filter((link) => box(link).shown)
    .map((link) => ({ text: link.textContent.trim(), lines: lines(link) }));
  return {
    width: document.documentElement.clientWidth,
    logo: logo && { ...box(logo), image: box(logo.querySelector("img, svg")) },
    nameLines: lines(name),
    book: book && { ...box(book), lines: lines(book), text: book.textContent.trim() },
    contacts,
  };
}
"""


@pytest.fixture(scope="module")
def measured(browser: Any, site_url: str) -> dict[tuple[str, int], dict[str, Any]]:
    found = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        try:
            for path in PAGES:
                open_page(page, site_url + path)
                found[path, width] = page.evaluate(MEASURE)
        finally:
            context.close()
    return found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_the_header_shows_logo_name_and_button(measured: dict, path: str, width: int) -> None:
    header = measured[path, width]
    logo, book = header["logo"], header["book"]
    assert logo and logo["shown"] and logo["image"]["shown"] and logo["left"] >= 0, logo
    assert 1 <= header["nameLines"] <= 2, header["nameLines"]
    assert book and book["text"] == "Book a session" and book["lines"] == 1, book
    assert book["right"] <= header["width"], book


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_phone_numbers_and_emails_never_break_inside(measured: dict, path: str, width: int) -> None:
    contacts = measured[path, width]["contacts"]
    assert any(contact["text"].startswith("+") for contact in contacts), contacts  # the footer's phone at least
    assert [contact for contact in contacts if contact["lines"] != 1] == []
