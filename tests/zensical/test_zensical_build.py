"""Zensical (Material's successor) builds our content: the trust post's sections equal the MkDocs build's.

Zensical runs Python-Markdown extensions but not MkDocs plugins, so this is the
proof that our content features live in the extensions declared in mkdocs.yml.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from helpers import Build, copy_project, explicit_config, load_config, write_config

ZENSICAL = str(Path(sys.executable).with_name("zensical"))
TRUST_POST = "blog/role-of-trust-in-therapy/index.html"
SECTIONS = {
    "takeaways": "ts-takeaways",
    "infographic": "ts-infographic",
    "booking call to action": "ts-booking",
    "FAQ": "ts-faq",
}


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    # Zensical runs no MkDocs plugin: it reads the extensions and options the engine would set, written out.
    write_config(project, explicit_config(load_config(project)))
    result = subprocess.run(
        [ZENSICAL, "build", "-f", "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def article_section(page: Path, css_class: str) -> str:
    """The article's one element with ``css_class``, serialised with whitespace collapsed."""
    document = lxml_html.parse(str(page)).getroot()
    elements = document.xpath(f"//article//*[contains(concat(' ', normalize-space(@class), ' '), ' {css_class} ')]")
    assert len(elements) == 1, (page, css_class, len(elements))
    return " ".join(etree.tostring(elements[0], encoding="unicode", method="html").split())


@pytest.mark.parametrize("name", list(SECTIONS))
def test_zensical_renders_the_trust_posts_section_like_mkdocs(
    name: str, zensical_site: Path, site_build: Build
) -> None:
    ours = article_section(site_build.site / TRUST_POST, SECTIONS[name])
    theirs = article_section(zensical_site / TRUST_POST, SECTIONS[name])
    assert theirs == ours
    assert "///" not in theirs


def test_zensical_call_to_action_links_to_the_booking_page(zensical_site: Path) -> None:
    document = lxml_html.parse(str(zensical_site / TRUST_POST)).getroot()
    (href,) = document.xpath(
        "//article//section[contains(@class, 'ts-booking')]//a[contains(@class, 'ts-booking__button')]/@href"
    )
    assert href == "https://booking.stillwater-therapy.example/consultation"  # no UTM tags by default (issue 15)
    assert "///" not in "".join(document.xpath("//article//text()"))
