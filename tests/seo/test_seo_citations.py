"""Sources: a `/// sources` block or a `## Sources` section, shown as a numbered list and stated as `citation`."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from jsonld import graph_of, one
from lxml import html as lxml_html

from helpers import REPO, Build, build_copy, make_post
from therapy_site.citations.model import citation_kind
from therapy_site.pagedata import document_data

TRUST = "blog/role-of-trust-in-therapy/"
DOI = "https://doi.org/10.1037/pst0000172"


def convert(text: str) -> tuple[str, markdown.Markdown]:
    md = markdown.Markdown(extensions=["toc", "attr_list", "therapy_site.citations"])
    return md.convert(text), md


@pytest.mark.parametrize(
    "source",
    [
        f"## Sources\n\n- Author A (2018). [A meta-analysis]({DOI}), Psychotherapy 55(4), APA\n",
        f"## References\n\n* [A meta-analysis]({DOI}) — APA\n",
        f"/// sources\n- [A meta-analysis]({DOI}), APA\n///\n",
    ],
)
def test_both_forms_render_a_numbered_list_of_cited_links(source: str) -> None:
    html, md = convert("Text.\n\n" + source)
    document = lxml_html.fragment_fromstring(html, create_parent="div")
    (section,) = document.xpath("//section[@class='ts-sources']")
    (heading,) = section.xpath("./h2")
    assert section.get("aria-labelledby") == heading.get("id")
    (item,) = section.xpath("./ol[@class='ts-sources__list']/li")
    assert item.xpath("./cite/a/@href") == [DOI]
    sources = document_data(md).sources
    assert sources is not None and len(sources.citations) == 1
    citation = sources.citations[0]
    assert (citation.title, citation.url, citation.publisher, citation_kind(citation.url)) == (
        "A meta-analysis",
        DOI,
        "APA",
        "ScholarlyArticle",
    )
    assert md.therapy_citation_problems == []


def test_the_extension_keeps_no_state_between_documents() -> None:
    md = markdown.Markdown(extensions=["therapy_site.citations"])
    md.convert(f"## Sources\n\n- [A]({DOI}), B\n")
    assert len(document_data(md).sources.citations) == 1
    md.reset()
    md.convert("No sources here.\n")
    assert document_data(md).sources is None


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- A book without a link, Publisher", "has no link"),
        ("- [Old site](http://example.org/x), Publisher", "https://"),
        (f"- [A meta-analysis]({DOI})", "names no publisher"),
    ],
)
def test_bad_sources_are_reported(item: str, expected: str) -> None:
    _, md = convert(f"## Sources\n\n{item}\n")
    (problem,) = md.therapy_citation_problems
    assert expected in problem.message


def test_wikipedia_entries_are_creative_works() -> None:
    assert citation_kind("https://en.wikipedia.org/wiki/Swift_trust_theory") == "CreativeWork"
    assert citation_kind("https://pubmed.ncbi.nlm.nih.gov/12345/") == "ScholarlyArticle"


def test_trust_post_cites_its_sources_visibly_and_in_markup(site_build: Build) -> None:
    document = site_build.html(TRUST)
    (section,) = document.xpath("//article//section[@class='ts-sources']")
    links = section.xpath("./ol/li/cite/a")
    article = one(graph_of(site_build, TRUST), "BlogPosting")
    citations = article["citation"]
    assert [(link.text_content(), link.get("href")) for link in links] == [(c["name"], c["url"]) for c in citations]
    assert len(citations) >= 4
    kinds = {citation["url"]: citation["@type"] for citation in citations}
    assert kinds[DOI] == "ScholarlyArticle"
    assert all(
        citation["publisher"]["@type"] == "Organization" and citation["publisher"]["name"] for citation in citations
    )
    # Real, checkable works only: DOIs of the two alliance meta-analyses and encyclopaedia entries; no invented DOI.
    dois = sorted(url for url in kinds if url.startswith("https://doi.org/"))
    assert dois == ["https://doi.org/10.1037/a0022186", "https://doi.org/10.1037/pst0000172"]
    assert all(url.startswith(("https://doi.org/", "https://en.wikipedia.org/wiki/")) for url in kinds), (
        "cite only what can be named precisely"
    )


def test_trust_post_text_points_to_its_sources() -> None:
    text = (REPO / "docs/blog/posts/role-of-trust-in-therapy.md").read_text(encoding="utf-8")
    body = text.split("## Sources", 1)[0]
    assert "strongest predictors" not in body, "the uncited claim is rewritten to what the sources say"
    assert "Flückiger" in body and "Horvath" in body


def test_plain_sources_heading_becomes_citations_on_the_variant_post(variant_build: Build) -> None:
    article = one(graph_of(variant_build, "blog/sources-heading/"), "BlogPosting")
    assert [citation["url"] for citation in article["citation"]] == [
        DOI,
        "https://en.wikipedia.org/wiki/Control_mastery_theory",
    ]
    for url_path in ["blog/", "blog/category/anxiety/"]:
        assert "citation" not in variant_build.text(url_path), url_path


def test_bad_source_fails_the_strict_build_with_file_and_line(tmp_path: Path) -> None:
    post = make_post("Intro.\n\n## Body\n\nText.\n\n## References\n\n- A book without a link, Publisher\n", slug="bad")
    line = post.splitlines().index("## References") + 1
    build = build_copy(tmp_path, posts={"bad-source.md": post})
    assert build.returncode != 0
    assert f"blog/posts/bad-source.md:{line}:" in build.output and "sources: a source has no link" in build.output


def test_bad_sources_block_fails_the_strict_build_at_the_block_header(tmp_path: Path) -> None:
    post = make_post("Intro.\n\n/// sources\n- [Old](http://example.org/), X\n///\n", slug="bad-block")
    line = post.splitlines().index("/// sources") + 1
    build = build_copy(tmp_path, posts={"bad-block.md": post})
    assert build.returncode != 0
    assert f"blog/posts/bad-block.md:{line}:" in build.output and "sources block: the source 'Old'" in build.output


def test_check_command_reports_a_bad_source_at_its_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    from helpers import copy_project

    project = copy_project(tmp_path / "project")
    post = make_post("Intro.\n\n## Sources\n\n- A book without a link, Publisher\n", slug="bad-check")
    (project / "docs/blog/posts/bad-check.md").write_text(post, encoding="utf-8")
    line = post.splitlines().index("## Sources") + 1
    therapy_site = str(Path(sys.executable).with_name("therapy-site"))
    result = subprocess.run(
        [therapy_site, "check", "docs/blog/posts/bad-check.md"], cwd=project, capture_output=True, text=True
    )
    assert f"docs/blog/posts/bad-check.md:{line}:1: error: sources: a source has no link" in result.stdout
    assert result.returncode != 0
