"""Printing a post gives a clean handout (print.css, no script): checked on screen as print media and in a PDF."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ui_support import TRUST_POST

from helpers import Build

PRINTED = """
() => {
  const shown = (selector) => [...document.querySelectorAll(selector)].some((el) => {
    const rect = el.getBoundingClientRect();
    return getComputedStyle(el).display !== "none" && rect.width > 0 && rect.height > 0;
  });
  const external = [...document.querySelectorAll(".md-content a[href^='http']")];
  return {
    header: shown(".md-header"),
    tabs: shown(".md-tabs"),
    sidebars: shown(".md-sidebar"),
    search: shown(".md-search__form"),
    headerBooking: shown(".ts-header-book"),
    bookingButton: shown(".ts-booking__button"),
    footerNav: shown(".md-footer__inner"),
    toc: shown(".ts-toc"),
    takeaways: shown(".ts-takeaways"),
    faq: shown("#frequently-asked-questions"),
    byline: document.querySelector(".ts-post-header__byline")?.innerText || "",
    contact: shown(".ts-practice-footer") ? document.querySelector(".ts-practice-footer").innerText : "",
    linkAfter: external.map((a) => [a.getAttribute("href"), getComputedStyle(a, "::after").content]),
    headingBreak: getComputedStyle(document.querySelector(".md-content h2")).breakAfter,
  };
}
"""


@pytest.fixture(scope="module")
def printed(browser: Any, site_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict, Path]]:
    """The trust post emulated as print media, measured, then saved as a PDF."""
    page = browser.new_page()
    try:
        page.goto(site_url + TRUST_POST, wait_until="networkidle")
        page.emulate_media(media="print")
        state = page.evaluate(PRINTED)
        pdf = tmp_path_factory.mktemp("print") / "trust-post.pdf"
        page.pdf(path=str(pdf), format="A4")
        yield state, pdf
    finally:
        page.close()


def test_print_hides_the_screen_furniture(printed: tuple[dict, Path]) -> None:
    state, _ = printed
    hidden = ["header", "tabs", "sidebars", "search", "headerBooking", "bookingButton", "footerNav", "toc"]
    assert {key: state[key] for key in hidden} == dict.fromkeys(hidden, False)
    assert state["takeaways"] and state["faq"]


def test_print_names_the_author_and_credentials_at_the_top(printed: tuple[dict, Path], site_build: Build) -> None:
    state, _ = printed
    assert state["byline"].startswith("By Anna Reyes")
    assert "UKCP-registered psychotherapist" in state["byline"]


def test_print_writes_link_addresses_after_the_link_text(printed: tuple[dict, Path]) -> None:
    state, _ = printed
    assert state["linkAfter"], "the trust post has no external links to check"
    for href, after in state["linkAfter"]:
        assert href in after, (href, after)


def test_print_ends_with_the_contact_and_urgent_help_lines(printed: tuple[dict, Path]) -> None:
    state, _ = printed
    assert "hello@stillwater-therapy.example" in state["contact"]
    assert "Samaritans on 116 123" in state["contact"]
    assert "Privacy" not in state["contact"], "screen-only links are printed"
    assert state["headingBreak"] == "avoid"


def test_the_post_prints_to_pdf_with_takeaways_and_faq(printed: tuple[dict, Path]) -> None:
    _, pdf = printed
    assert pdf.read_bytes().startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext (Debian package poppler-utils) is needed: bash tools/ensure-test-tools.sh"
    extracted = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(extracted.split())
    assert "The role of trust in therapy" in text
    assert "Key takeaways" in text and "Trust is the ground therapy stands on" in text
    assert "Frequently Asked Questions" in text and "Why does trust matter so much in therapy?" in text
    assert "By Anna Reyes" in text and "Samaritans" in text
    for screen_only in ("Table of contents", "Skip to content", "Search"):
        assert screen_only not in text, screen_only
