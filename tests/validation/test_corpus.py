"""The validation corpus: every author mistake stopped by both gates at the same place, never a traceback,
and a non-strict build of the same input publishes nothing unsafe or broken.

Each ``corpus/<case>/`` holds ``post.md`` (installed as ``docs/blog/posts/<case>.md``), optional ``files/``
(copied into the project: images...) and ``case.yml`` with the expected ``rule`` and ``line`` (and ``column``).
All cases go into ONE copy of the site, so one ``check``, one strict and one non-strict build judge them all.
"""

from __future__ import annotations

import contextlib
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from corpus_support import CORPUS, FINDING, Case, load_cases, located, run_check
from lxml import html as lxml_html
from PIL import Image

from helpers import Build, copy_project, run_build
from therapy_site.booking.links import mailto_problem
from therapy_site.pictures import RASTER_SUFFIXES
from therapy_site.security.csp import sha256_source
from therapy_site.validation.images import UNPUBLISHABLE_PICTURES
from therapy_site.validation.svg import svg_problems

GPS_IFD = 0x8825

CASES = load_cases()


def install_corpus(project: Path) -> None:
    for case in CASES:
        folder = CORPUS / case.name
        target = project / case.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / "post.md", target)
        if (folder / "files").is_dir():
            shutil.copytree(folder / "files", project, dirs_exist_ok=True)


def set_strict(project: Path, strict: bool) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^strict: .*$", f"strict: {'true' if strict else 'false'}", text), encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("corpus") / "project")
    install_corpus(project)
    return project


@pytest.fixture(scope="session")
def corpus_check(corpus_project: Path) -> subprocess.CompletedProcess[str]:
    return run_check(corpus_project)


@pytest.fixture(scope="session")
def corpus_strict(corpus_project: Path) -> Build:
    return run_build(corpus_project, strict=True, site_dir="site-strict")


@pytest.fixture(scope="session")
def corpus_loose(corpus_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("corpus-loose") / "project"
    shutil.copytree(corpus_project, project)
    set_strict(project, False)
    return run_build(project, strict=False)


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40
    assert len({case.rule for case in CASES}) >= 15


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_both_gates_stop_the_mistake_at_its_place(
    case: Case, corpus_check: subprocess.CompletedProcess[str], corpus_strict: Build
) -> None:
    for output in (corpus_check.stdout + corpus_check.stderr, corpus_strict.output):
        assert "Traceback" not in output
        found = {(path, line, column, rule) for path, line, column, severity, rule in located(output)}
        expected = {item for item in found if item[0] == case.path and item[1] == case.line and item[3] == case.rule}
        assert expected, (case, sorted(item for item in found if item[0] == case.path))
        if case.column is not None:
            assert any(item[2] == case.column for item in expected), (case, expected)
    assert corpus_check.returncode == 1
    assert corpus_strict.returncode != 0


def test_check_and_strict_build_report_exactly_the_same_findings(
    corpus_check: subprocess.CompletedProcess[str], corpus_strict: Build
) -> None:
    ours = located(corpus_check.stdout)
    theirs = located(corpus_strict.output)
    assert ours and ours == theirs, ours ^ theirs


def test_messages_are_plain_words_and_bounded(corpus_check: subprocess.CompletedProcess[str]) -> None:
    messages = [FINDING.match(line).group(5) for line in corpus_check.stdout.splitlines() if FINDING.match(line)]
    assert len(messages) >= len(CASES)
    for message in messages:
        assert len(message) <= 320
        assert "<class" not in message and "Error(" not in message, message


def test_a_failed_strict_build_writes_nothing(corpus_strict: Build) -> None:
    assert not corpus_strict.site.exists() or not any(corpus_strict.site.rglob("*.html"))


def site_texts(site: Path) -> dict[Path, str]:
    return {
        path: path.read_text(encoding="utf-8", errors="replace")
        for path in site.rglob("*")
        if path.suffix in {".html", ".xml", ".json", ".txt"} or path.name == "_headers"
    }


def test_non_strict_build_publishes_nothing_unsafe_or_broken(corpus_loose: Build) -> None:
    assert corpus_loose.returncode == 0, corpus_loose.output
    assert "Traceback" not in corpus_loose.output
    texts = site_texts(corpus_loose.site)
    assert texts
    # No author script, handler or javascript: URL anywhere (payloads carry the marker 'corpus-xss').
    assert not [path for path, text in texts.items() if "corpus-xss" in text]
    # No author script's hash in any policy.
    author_scripts = {sha256_source(f"alert('corpus-xss-{number}')") for number in range(1, 40)}
    policies = "".join(re.findall(r"Content-Security-Policy[^>]*", "".join(texts.values())))
    assert policies and not any(source in policies for source in author_scripts)
    for path, text in texts.items():
        if path.suffix != ".html":
            continue
        document = lxml_html.fromstring(text)
        content = document.xpath('//article | //div[contains(@class, "md-content")]')
        for element in content:
            for link in element.xpath(".//@href | .//@src"):
                assert not link.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (path, link)
            raw = [node for node in element.xpath(".//p//text()") if node.strip().startswith("///")]
            assert not raw, (path, raw)
    # No SVG that runs code, no picture that says where it was taken, no mailto: link with other recipients.
    for path in corpus_loose.site.rglob("*.svg"):
        assert not list(svg_problems(path.read_bytes())), path
    pictures = [path for path in corpus_loose.site.rglob("*") if path.suffix.lower() in RASTER_SUFFIXES]
    assert any(path.name == "IMG_2041.jpg" for path in pictures)  # published (it is a good picture), but clean
    for path in pictures:
        data = path.read_bytes()
        assert b"PhoneMaker" not in data and b"GPS" not in data, path  # read as bytes: damaged pictures too
        with contextlib.suppress(OSError, SyntaxError, Image.DecompressionBombError), Image.open(path) as picture:
            assert not picture.getexif().get_ifd(GPS_IFD) and "exif" not in picture.info, path
    assert not [path for path in corpus_loose.site.rglob("*") if path.suffix.lower() in UNPUBLISHABLE_PICTURES]
    for path, text in texts.items():
        for address in re.findall(r"""href=["'](mailto:[^"']*)""", text, flags=re.IGNORECASE):
            assert mailto_problem(html.unescape(address)) is None, (path, address)
    # Every corpus post was held back; the rest of the site is there.
    assert not list((corpus_loose.site / "blog").glob("corpus-*"))
    assert (corpus_loose.site / "blog" / "role-of-trust-in-therapy" / "index.html").is_file()
    assert "left out of the site" in corpus_loose.output


# What the author reads for the second round's mistakes (issue 27): the thing named as it is, and what to do.
WORDS = {
    "curly-quotes-title": ("curly quotes", "straight quotes"),
    "curly-quoted-description": ("curly quotes", "straight quotes"),
    "nbsp-indent-list": ("line 8", "non-breaking space"),
    "nbsp-indent-hero": ("line 12", "non-breaking space"),
    "invisible-faq-heading": ("zero-width space", "after the heading"),
    "data-uri-image": ("save the picture as a file in docs/assets/images/ and link to it",),
    "link-to-scheduled": ("scheduled for 2099-03-01",),
    "link-to-draft": ("draft",),
    "wikilink": ("Markdown link", "role-of-trust-in-therapy.md"),
    "wikilink-embed-photo": ("Markdown image",),
    "shortcode-contact-form": ("/// booking",),
    "emoji-only-title": ("slug:",),
    "mailto-bcc": ("bcc=", "only you"),
}


@pytest.mark.parametrize("name", sorted(WORDS))
def test_second_round_messages_say_what_it_is_and_what_to_do(
    name: str, corpus_check: subprocess.CompletedProcess[str]
) -> None:
    case = next(case for case in CASES if case.name == name)
    messages = [
        match.group(5)
        for match in map(FINDING.match, corpus_check.stdout.splitlines())
        if match and match.group(1) == case.path and int(match.group(2)) == case.line and match.group(6) == case.rule
    ]
    assert any(all(words in message for words in WORDS[name]) for message in messages), messages
