"""Excerpts from the Markdown before the separator only: the same HTML, "Continue reading" and toc as Material's.

Each document is a real Material ``Post`` rendered with the site's own
``markdown_extensions`` (mkdocs.yml), then excerpted by Material's ``Excerpt`` and
by ours, three times each (as for the blog index, an archive and a category page:
Material reuses one ``Markdown`` per excerpt without resetting it).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from material.plugins.blog.plugin import BlogPlugin
from material.plugins.blog.structure import Excerpt, Post
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from helpers import REPO, Build, build_with_plugin_options, make_post, paged_copy
from therapy_site.engine.plugin import configure_site
from therapy_site.material import excerpts
from therapy_site.material.excerpts import MORE_NOT_RENDERED, TrimmedExcerpt, render_source_changed, trim_excerpt
from therapy_site.material.plugin import MaterialPlugin

sys.path.insert(0, str(REPO / "benchmarks"))
from common import INFOGRAPHIC, synthetic_post

SEPARATOR = "<!-- more -->"
VIEWS = ("blog/", "blog/archive/2025/", "blog/category/anxiety/page/2/")
TAKEAWAYS = "/// takeaways\n- **Calm.** A steady first step.\n- **Pace.** Go slowly.\n///"
BOOKING = "/// booking | Take the first step\n\nA free call to see whether we are a good fit.\n\n///"
FAQ = (
    "## Frequently Asked Questions\n\n### Is it confidential?\n\nYes, with few limits.\n\n### How long?\n\n50 minutes."
)
REST = "## What happens next\n\nThe rest of the article, with [a link](https://example.org/).\n\n" + TAKEAWAYS


@dataclass(frozen=True)
class Case:
    name: str
    body: str
    title: str = "A test post about sleep"
    fallback: str | None = None  # None: trimmed; else a fragment of the reason Material's rendering is kept
    trimming_differs: bool = False  # converting the cut Markdown naively would NOT give Material's excerpt


TRIMMED = [
    Case("plain paragraph, headings after", f"Intro text.\n\n{SEPARATOR}\n\n{REST}"),
    Case(
        "inline markup, inline link, code span",
        f"Intro *with* **markup**, `code`, a [link](https://example.org/) and an auto-link.\n\n{SEPARATOR}\n\n{REST}",
    ),
    Case("list before", f"Intro:\n\n- one\n- two\n\n{SEPARATOR}\n\n{REST}"),
    Case("list before, indented text after", f"- one\n- two\n\n{SEPARATOR}\n\n    indented after\n\n{REST}"),
    Case("ordered list and blockquote", f"1. one\n2. two\n\n> A quote\n> over two lines.\n\n{SEPARATOR}\n\n{REST}"),
    Case("admonition before", f'!!! note "Before you start"\n\n    Some advice.\n\n{SEPARATOR}\n\n{REST}'),
    Case("details before", f"??? tip\n\n    Hidden advice.\n\n{SEPARATOR}\n\n{REST}"),
    Case("table before", f"| a | b |\n|---|---|\n| 1 | 2 |\n\n{SEPARATOR}\n\n{REST}"),
    Case("definition list before", f"Therapy\n:   A conversation with a purpose.\n\n{SEPARATOR}\n\n{REST}"),
    Case("indented code before", f"Example:\n\n    code here\n\n{SEPARATOR}\n\n{REST}"),
    Case("heading before", f"Intro.\n\n## A heading before\n\nMore intro.\n\n{SEPARATOR}\n\n{REST}"),
    Case("takeaways before", f"Intro.\n\n{TAKEAWAYS}\n\n{SEPARATOR}\n\n{REST}"),
    Case("booking before", f"Intro.\n\n{BOOKING}\n\n{SEPARATOR}\n\n{REST}"),
    Case("infographic before", f"Intro.\n\n{INFOGRAPHIC.format(number=1)}\n{SEPARATOR}\n\n{REST}"),
    Case(
        "blocks after: takeaways, infographic, booking, FAQ",
        f"Intro.\n\n{SEPARATOR}\n\n{TAKEAWAYS}\n\nText.\n\n{INFOGRAPHIC.format(number=2)}\n{BOOKING}\n\n{FAQ}\n",
    ),
    Case(
        "reference link defined before",
        f"Intro with [a reference][ref].\n\n[ref]: https://example.org/\n\n{SEPARATOR}\n\n{REST}",
    ),
    Case(
        "footnotes only after",
        f"Intro.\n\n{SEPARATOR}\n\nA claim.[^1]\n\n[^1]: A source.\n\n{REST}",
    ),
    Case(
        "link references after, no bracket before",
        f"Intro.\n\n{SEPARATOR}\n\nSee [it][r].\n\n[r]: https://example.org/",
    ),
    Case("separator with trailing spaces", f"Intro.\n\n{SEPARATOR}  \n\n{REST}"),
    Case("separator on the first line", f"{SEPARATOR}\n\n{REST}"),
    Case("separator twice", f"Intro.\n\n{SEPARATOR}\n\nMiddle.\n\n{SEPARATOR}\n\n{REST}"),
    Case("setext heading before", f"A heading\n---------\n\nIntro.\n\n{SEPARATOR}\n\n{REST}"),
    Case("own title heading", f"# The post's own title\n\nIntro.\n\n{SEPARATOR}\n\n{REST}"),
    Case("FAQ after", f"Intro.\n\n{SEPARATOR}\n\n{FAQ}\n"),
    Case("code fence after", f"Intro.\n\n{SEPARATOR}\n\n```\n# not a heading\n{SEPARATOR}\n```\n\nText."),
    # Issue 26: the source map reads these lines as indented code, not as a fence or a block (they once fell back).
    Case("fence shown in indented code before", f"Example:\n\n    ```\n    code\n    ```\n\n{SEPARATOR}\n\n{REST}"),
    Case("block shown in indented code after", f"Intro.\n\n{SEPARATOR}\n\n    /// note\n    x\n    ///\n\nText after."),
]

FALLBACK = [
    Case("no separator", f"Intro.\n\n{REST}", fallback="no separator"),
    Case("separator inside a paragraph", f"Intro {SEPARATOR} more.\n\n{REST}", fallback="line of its own"),
    Case("separator in a code span first", f"Use `{SEPARATOR}`.\n\n{SEPARATOR}\n\n{REST}", fallback="line of its own"),
    Case("separator indented", f"Intro.\n\n   {SEPARATOR}\n\n{REST}", fallback="line of its own"),
    Case(
        "separator in an admonition", f"!!! note\n\n    Intro.\n\n    {SEPARATOR}\n\n{REST}", fallback="line of its own"
    ),
    Case("separator in a list item", f"- Intro.\n\n    {SEPARATOR}\n\n{REST}", fallback="line of its own"),
    Case("no blank line before", f"Intro.\n{SEPARATOR}\n\n{REST}", fallback="blank line before"),
    Case("no blank line after", f"Intro.\n\n{SEPARATOR}\n{REST}", fallback="blank line after"),
    Case("nothing after", f"Intro.\n\n{SEPARATOR}\n\n", fallback="nothing after"),
    Case(
        "separator in a code fence",
        f"Intro.\n\n```html\n\n{SEPARATOR}\n\n```\n\n{SEPARATOR}\n\n{REST}",
        fallback="code fence",
    ),
    Case(
        "separator after a longer fence holding a shorter one",
        f"````md\n```\n````\n\n{SEPARATOR}\n\n{REST}",
        fallback="code fence",
    ),
    Case(
        "separator in a takeaways block",
        f"/// takeaways\n- Intro.\n\n{SEPARATOR}\n\n- More.\n///\n\n{REST}",
        fallback="open",
    ),
    Case(
        "separator in an infographic block",
        INFOGRAPHIC.format(number=3).replace("summary:", f"\n{SEPARATOR}\n\nsummary:") + f"\n{REST}",
        fallback="open",
    ),
    Case(
        "separator in a booking block",
        f"/// booking | Book\n\nIntro.\n\n{SEPARATOR}\n\nMore.\n\n///\n\n{REST}",
        fallback="open",
    ),
    Case(
        "separator in md_in_html",
        f'<div markdown="1">\n\nIntro.\n\n{SEPARATOR}\n\nMore.\n\n</div>\n\n{REST}',
        fallback="HTML",
    ),
    Case("separator in raw HTML", f"<div>\n\nIntro.\n\n{SEPARATOR}\n\nMore.\n\n</div>\n\n{REST}", fallback="HTML"),
    Case("comment spanning the separator", f"Intro <!-- a note\n\n{SEPARATOR}\n\nend -->\n\n{REST}", fallback="HTML"),
    Case(
        "footnote before, defined after",
        f"Intro.[^1]\n\n{SEPARATOR}\n\n{REST}\n\n[^1]: The source.",
        fallback="footnote",
        trimming_differs=True,
    ),
    Case(
        "footnote before and after",
        f"Intro.[^1]\n\n[^1]: The source.\n\n{SEPARATOR}\n\nAgain.[^1]\n\n{REST}",
        fallback="footnote",
        trimming_differs=True,
    ),
    Case(
        "reference link before, defined after",
        f"Intro with [a reference][ref].\n\n{SEPARATOR}\n\n{REST}\n\n[ref]: https://example.org/",
        fallback="link reference",
        trimming_differs=True,
    ),
    Case(
        "reference redefined after",
        f"Intro with [ref].\n\n[ref]: https://example.org/one\n\n{SEPARATOR}\n\n{REST}\n\n[ref]: https://example.org/two",
        fallback="link reference",
        trimming_differs=True,
    ),
    Case(
        "reference in the title, defined after",
        f"Intro.\n\n{SEPARATOR}\n\n{REST}\n\n[sleep]: https://example.org/",
        title="A test post about [sleep]",
        fallback="link reference",
        trimming_differs=True,
    ),
    Case(
        "abbreviation defined after",
        f"Intro about CBT.\n\n{SEPARATOR}\n\n{REST}\n\n*[CBT]: Cognitive behavioural therapy",
        fallback="abbreviation",
        trimming_differs=True,
    ),
    Case(
        "toc marker before",
        f"Intro.\n\n[TOC]\n\n{SEPARATOR}\n\n# A top heading\n\n{REST}",
        fallback="table-of-contents",
    ),
    Case(
        "top-level heading after",
        f"Intro.\n\n{SEPARATOR}\n\n# A top-level heading\n\n{REST}",
        fallback="top-level heading",
        trimming_differs=True,
    ),
    Case(
        "setext top-level heading after",
        f"Intro.\n\n{SEPARATOR}\n\nA top-level heading\n===================\n\n{REST}",
        fallback="top-level heading",
        trimming_differs=True,
    ),
    Case(
        "html h1 block after",
        f"Intro.\n\n{SEPARATOR}\n\n/// html | h1\nA heading made by a block\n///\n\n{REST}",
        fallback="top-level heading",
        trimming_differs=True,
    ),
    Case(
        "title like the takeaways heading",
        f"Intro.\n\n{SEPARATOR}\n\n{REST}",
        title="Key takeaways",
        fallback="id before the separator",
        trimming_differs=True,
    ),
    Case(
        "title's id given to an element after",
        f"Intro.\n\n{SEPARATOR}\n\nA paragraph.\n{{: #a-test-post-about-sleep }}\n\n{REST}",
        fallback="id before the separator",
        trimming_differs=True,
    ),
    Case(
        "title repeated as a heading after",
        f"Intro.\n\n{SEPARATOR}\n\n## A test post about sleep\n\nText.",
        fallback="id before the separator",
    ),
    Case("title is an FAQ heading", f"Intro.\n\n{SEPARATOR}\n\n## Is it safe?\n\nYes.", title="FAQ", fallback="wraps"),
    Case("title is a sources heading", f"- A source.\n\n{SEPARATOR}\n\n{REST}", title="Sources", fallback="wraps"),
    Case(
        "only a booking block after",
        f"Intro.\n\n{SEPARATOR}\n\n{BOOKING}\n",
        fallback="no plain text after",
        trimming_differs=True,
    ),
    Case("only footnote definitions after", f"Intro.\n\n{SEPARATOR}\n\n[^1]: Note.\n", fallback="no plain text after"),
    Case("footnote placeholder before", f"Intro.\n\n///Footnotes Go Here///\n\n{SEPARATOR}\n\n{REST}", fallback="open"),
]


# Building blocks for every combination "piece before the separator" x "piece after it" x title.
BEFORE = {
    "paragraph": "Intro text.",
    "inline markup": "Intro with a [link](https://example.org/), *emphasis* and `code`.",
    "list": "- one\n- two",
    "heading": "## What happens next\n\nText.",
    "top-level heading": "# An own heading\n\nText.",
    "admonition": "!!! note\n\n    Advice.",
    "table": "| a | b |\n|---|---|\n| 1 | 2 |",
    "takeaways": TAKEAWAYS,
    "booking": BOOKING,
    "footnote": "Claim.[^1]\n\n[^1]: Source.",
    "reference link": "See [it][r].\n\n[r]: https://example.org/",
    "abbreviation": "About CBT.\n\n*[CBT]: Cognitive behavioural therapy",
    "explicit id": "A paragraph.\n{: #what-happens-next }",
    "inline html": "Line<br>break.",
    "quote": "> Quoted.",
    "definition list": "Term\n:   Definition.",
    "indented code": "Code:\n\n    x = 1",
    "setext heading": "Heading\n-------\n\nText.",
    "FAQ": FAQ,
    "nothing": "",
}
AFTER = {
    "headings": "## What happens next\n\nMore.\n\n## Later\n\nText.",
    "takeaways": TAKEAWAYS + "\n\nText.",
    "only booking": BOOKING,
    "FAQ": FAQ,
    "footnote definition": "Text.\n\n[^1]: Other source.",
    "footnote": "Text.[^1]\n\n[^1]: Other source.",
    "reference definition": "Text.\n\n[r]: https://example.org/two",
    "abbreviation": "Text.\n\n*[Intro]: Introduction",
    "top-level heading": "# Top heading\n\nText.",
    "title's id": "Para.\n{: #a-test-post-about-sleep }",
    "heading's id": "Para.\n{: #what-happens-next }",
    "code fence": f"```\n# comment\n{SEPARATOR}\n```\n\nText.",
    "infographic": INFOGRAPHIC.format(number=4) + "\nText.",
    "raw html": "<div>\nRaw\n</div>",
    "paragraph": "Just text.",
    "list": "- a\n- b",
    "takeaways' heading": "## Key takeaways\n\nText.",
}
TITLES = ("A test post about sleep", "Key takeaways", "What happens next", "FAQ", "Intro")


@pytest.fixture(scope="module")
def site_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """mkdocs.yml's configuration (its markdown_extensions as the site declares them) with a temporary docs folder."""
    config = load_config(str(REPO / "mkdocs.yml"))
    configure_site(config)  # the extensions the engine adds
    config.docs_dir = str(tmp_path_factory.mktemp("excerpts") / "docs")
    (Path(config.docs_dir) / "blog" / "posts").mkdir(parents=True)
    logging.disable(logging.WARNING)  # link checks and block problems of the test documents are not the point here
    try:
        yield config
    finally:
        logging.disable(logging.NOTSET)


def rendered_post(config: Any, markdown: str, name: str) -> tuple[Post, Files]:
    """A Material ``Post`` read from ``markdown`` and rendered as its own page (as MkDocs does before listings)."""
    path = Path(config.docs_dir) / "blog" / "posts" / f"{name}.md"
    path.write_text(markdown, encoding="utf-8")
    file = File(f"blog/posts/{name}.md", config.docs_dir, str(Path(config.docs_dir).parent / "site"), True)
    files = Files([file])
    post = Post(file, config)
    post.render(config, files)
    return post, files


def toc_outline(toc: Any) -> list[Any]:
    return [(item.title, item.url, item.level, toc_outline(item.children)) for item in toc]


def excerpt_pair(config: Any, markdown: str, name: str) -> tuple[Excerpt, Excerpt]:
    post, files = rendered_post(config, markdown, name)
    material, ours = Excerpt(post, config, files), Excerpt(post, config, files)
    assert trim_excerpt(SimpleNamespace(excerpt=ours)) is False, "only a Post's excerpt is trimmed"
    assert trim_excerpt(post) is False, "the post has no excerpt until Material's blog gives it one"
    post.excerpt = ours
    assert trim_excerpt(post) is True
    assert type(ours) is TrimmedExcerpt
    assert trim_excerpt(post) is False, "installed once"
    return material, ours


def assert_same_excerpts(config: Any, case: Case, markdown: str) -> TrimmedExcerpt:
    material, ours = excerpt_pair(config, markdown, re.sub(r"[^a-z0-9]+", "-", case.name.lower()).strip("-"))
    for url in VIEWS:
        view = SimpleNamespace(url=url)
        material.render(view, SEPARATOR)
        ours.render(view, SEPARATOR)
        assert ours.content == material.content, f"{case.name}: content on {url}"
        assert bool(ours.more) == bool(material.more), f"{case.name}: 'Continue reading' on {url}"
        assert toc_outline(ours.toc) == toc_outline(material.toc), f"{case.name}: table of contents on {url}"
        assert ours.markdown == material.markdown
        assert ours.file.url == material.file.url == ours.post.url
    assert isinstance(ours, TrimmedExcerpt)
    return ours


@pytest.mark.parametrize("case", TRIMMED, ids=lambda case: case.name)
def test_trimmed_excerpts_are_materials(site_config: Any, case: Case) -> None:
    ours = assert_same_excerpts(site_config, case, make_post(case.body, title=json.dumps(case.title)))
    assert ours.fallback_reason is None, f"{case.name}: expected a trimmed rendering"
    assert ours.more == MORE_NOT_RENDERED


@pytest.mark.parametrize("case", FALLBACK, ids=lambda case: case.name)
def test_excerpts_that_need_the_whole_post_are_materials(site_config: Any, case: Case) -> None:
    ours = assert_same_excerpts(site_config, case, make_post(case.body, title=json.dumps(case.title)))
    assert case.fallback is not None
    assert ours.fallback_reason is not None and case.fallback in ours.fallback_reason, ours.fallback_reason


@pytest.mark.parametrize("case", [case for case in FALLBACK if case.trimming_differs], ids=lambda case: case.name)
def test_the_fallbacks_are_needed(site_config: Any, case: Case) -> None:
    """Cutting these documents at the separator changes the excerpt: the checks above are not decoration."""
    material, ours = excerpt_pair(site_config, make_post(case.body, title=json.dumps(case.title)), "needed")
    differs = False
    for url in VIEWS:
        view = SimpleNamespace(url=url)
        material.render(view, SEPARATOR)
        cut = excerpts.cut_at_separator(material.markdown, SEPARATOR)
        assert isinstance(cut, excerpts.Cut)
        ours.file.url = view.url
        ours.md.treeprocessors["excerpt"].base = view
        naive_content = ours.md.convert(cut.head).split(SEPARATOR, 1)[0]
        naive_toc = toc_outline(get_toc(getattr(ours.md, "toc_tokens", [])))
        differs = differs or (
            naive_content != material.content
            or not material.more  # a trimmed rendering always has "more" (MORE_NOT_RENDERED)
            or naive_toc != toc_outline(material.toc)
        )
    assert differs, f"{case.name}: a naive cut gives Material's excerpt; drop trimming_differs"


def titled_pairs(before: str) -> list[tuple[str, str]]:
    """Each piece after the separator with one title, turning through TITLES so that every title meets
    every piece before and every piece after (all pairs, not the whole product of the three)."""
    offset = sorted(BEFORE).index(before)
    return [(after, TITLES[(offset + index) % len(TITLES)]) for index, after in enumerate(sorted(AFTER))]


def test_the_titles_meet_every_piece_before_and_after() -> None:
    pairs = [(before, after, title) for before in BEFORE for after, title in titled_pairs(before)]
    assert {(before, title) for before, _, title in pairs} == {(b, t) for b in BEFORE for t in TITLES}
    assert {(after, title) for _, after, title in pairs} == {(a, t) for a in AFTER for t in TITLES}
    assert {(before, after) for before, after, _ in pairs} == {(b, a) for b in BEFORE for a in AFTER}


@pytest.mark.parametrize("before", sorted(BEFORE))
def test_every_combination_of_blocks_is_materials(site_config: Any, before: str) -> None:
    """Each piece before the separator with each piece after it, under titles that collide with their ids."""
    trimmed = 0
    for after, title in titled_pairs(before):
        body = (BEFORE[before] + "\n\n" if BEFORE[before] else "") + f"{SEPARATOR}\n\n{AFTER[after]}\n"
        case = Case(f"{before} then {after}, title {title}", body, title)
        ours = assert_same_excerpts(site_config, case, make_post(body, title=json.dumps(title)))
        trimmed += ours.fallback_reason is None
    if before not in {"footnote", "inline html"}:
        # The bar the whole product had (a fifth of the combinations trimmed), for one title per combination.
        assert trimmed * len(TITLES) >= len(AFTER), "combinations are trimmed, not all left to the fallback"


@pytest.mark.parametrize("path", sorted((REPO / "docs" / "blog" / "posts").glob("*.md")), ids=lambda path: path.stem)
def test_the_sites_posts_are_trimmed(site_config: Any, path: Path) -> None:
    case = Case(path.stem, "")
    ours = assert_same_excerpts(site_config, case, path.read_text(encoding="utf-8"))
    assert ours.fallback_reason is None


@pytest.mark.parametrize("number", [0, 1, 7])
def test_the_benchmarks_synthetic_posts_are_trimmed(site_config: Any, number: int) -> None:
    case = Case(f"synthetic {number}", "")
    ours = assert_same_excerpts(site_config, case, synthetic_post(number, infographic=number % 5 == 0))
    assert ours.fallback_reason is None


def test_a_post_not_rendered_yet_is_rendered_in_full(site_config: Any) -> None:
    path = Path(site_config.docs_dir) / "blog" / "posts" / "unrendered.md"
    path.write_text(make_post(f"Intro.\n\n{SEPARATOR}\n\n{REST}"), encoding="utf-8")
    file = File("blog/posts/unrendered.md", site_config.docs_dir, site_config.docs_dir + "/../site", True)
    post = Post(file, site_config)
    post.excerpt = Excerpt(post, site_config, Files([file]))
    assert trim_excerpt(post)
    post.excerpt.render(SimpleNamespace(url="blog/"), SEPARATOR)
    assert post.excerpt.fallback_reason == "the post's own page is not rendered yet"
    assert post.excerpt.content.startswith("<h2")


def test_installed_material_has_the_excerpt_render_we_followed() -> None:
    """Fails after a Material upgrade that changed ``Excerpt.render``: re-check TrimmedExcerpt against it."""
    assert not render_source_changed(), "Material's Excerpt.render changed; see therapy_site/material/excerpts.py"


def test_the_guard_notices_a_changed_render(monkeypatch: pytest.MonkeyPatch) -> None:
    source = excerpts.material_render_source()
    monkeypatch.setattr(excerpts, "material_render_source", lambda: source.replace("split(separator, 1)", "split()"))
    assert render_source_changed()


@pytest.mark.parametrize(("options", "trimmed"), [({}, True), ({"trim_excerpts": False}, False)])
def test_the_plugin_trims_unless_told_not_to(site_config: Any, options: dict[str, Any], trimmed: bool) -> None:
    post, files = rendered_post(site_config, make_post(f"Intro.\n\n{SEPARATOR}\n\n{REST}"), "plugin")
    post.excerpt = Excerpt(post, site_config, files)
    plugin = MaterialPlugin()
    errors, _warnings = plugin.load_config(options)
    assert not errors
    for handler in MaterialPlugin.on_page_markdown.methods:  # as MkDocs calls them
        handler(plugin, post.markdown, page=post, config=site_config, files=files)
    assert (type(post.excerpt) is TrimmedExcerpt) is trimmed
    assert MaterialPlugin._trim_excerpt.mkdocs_priority < BlogPlugin.on_page_markdown.mkdocs_priority


# -- the real site ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def untrimmed_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """``paged_build``'s sources with ``therapy-site/material: trim_excerpts: false``: Material's own excerpts."""
    project = paged_copy(tmp_path_factory.mktemp("untrimmed") / "project")
    return build_with_plugin_options(project, "therapy-site/material", {"trim_excerpts": False})


def listing_pages(build: Build) -> dict[str, bytes]:
    pages = {}
    for path in sorted((build.site / "blog").rglob("index.html")):
        data = path.read_bytes()
        if b"md-post--excerpt" in data:
            pages[str(path.relative_to(build.site))] = data
    return pages


def test_listing_pages_are_byte_identical_to_materials(paged_build: Build, untrimmed_build: Build) -> None:
    trimmed, untrimmed = listing_pages(paged_build), listing_pages(untrimmed_build)
    assert len(untrimmed) >= 7, sorted(untrimmed)
    assert sorted(trimmed) == sorted(untrimmed)
    for name, data in untrimmed.items():
        assert trimmed[name] == data, f"{name} differs from Material's own excerpts"
    for name in trimmed:
        articles = paged_build.html(str(Path(name).parent) + "/").xpath(
            "//article[contains(@class, 'md-post--excerpt')]"
        )
        assert articles, name
        for article in articles:
            assert article.xpath(".//div[contains(@class, 'md-post__content')]/p"), f"{name}: an excerpt without text"
            (link,) = article.xpath(".//div[@class='md-post__action']/a[@href]")
            assert link.text_content().strip(), f"{name}: an empty 'Continue reading' link"


def test_the_real_build_trims_every_post(objects_build: Any) -> None:
    """The same paged site built in this process: every post's excerpt was trimmed, none rendered in full."""
    posts = [page for page in objects_build.pages.values() if isinstance(page, Post)]
    assert len(posts) == len(list((REPO / "docs" / "blog" / "posts").glob("*.md")))
    for post in posts:
        assert type(post.excerpt) is TrimmedExcerpt
        assert post.excerpt.fallback_reason is None, post.file.src_uri
        assert post.excerpt.more == MORE_NOT_RENDERED
