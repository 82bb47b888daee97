"""Every content feature loads by name in plain Python-Markdown, anywhere; the plugins find what mkdocs.yml declares."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import markdown
import pytest

from helpers import copy_project, explicit_config, load_config, run_build, write_config
from therapy_site.project import close_project, load_project

# Runs in a fresh interpreter whose working directory is outside the repository.
PLAIN_MARKDOWN = textwrap.dedent(
    """
    import json, sys
    import markdown

    TEXTS = {
        "therapy_site.takeaways": "/// takeaways\\n- **Calm.** A point.\\n///\\n",
        "therapy_site.faq": "## FAQ\\n\\n### Why?\\n\\nBecause it helps.\\n",
        "therapy_site.booking": "/// booking | Talk to us\\n    url: https://book.example/\\nA short text.\\n///\\n",
        "therapy_site.infographics": (
            "/// infographic | Two ideas\\nlayout: grid\\nitems:\\n"
            "  - title: Breathe\\n    icon: leaf\\n    text: Slow breaths out.\\n"
            "  - title: Move\\n    text: A short walk.\\n///\\n"
        ),
    }
    result = {}
    for name, text in TEXTS.items():
        html = markdown.markdown(text, extensions=[name, "toc"])
        md = markdown.Markdown(extensions=[name, "toc"])
        md.convert(text)
        data = md.therapy_page_data
        result[name] = {"html": html, "data": repr(data)}
    jobs = []
    md = markdown.Markdown(extensions=["toc"])
    from therapy_site.infographics.extension import InfographicsExtension
    extension = InfographicsExtension(recorder=jobs.append, brand="Practice", domain="practice.example")
    md = markdown.Markdown(extensions=[extension, "toc"])
    md.convert(TEXTS["therapy_site.infographics"])
    images = jobs[0].render(extension.drawing_context().renderer)
    result["images"] = {path: len(data) for path, data in images.items()}
    print(json.dumps(result))
    """
)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    folder = tmp_path_factory.mktemp("elsewhere")
    result = subprocess.run(
        [sys.executable, "-c", PLAIN_MARKDOWN], cwd=folder, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert not any(folder.iterdir()), "plain Python-Markdown writes nothing"
    return json.loads(result.stdout)


def test_takeaways_load_by_name(plain: dict[str, dict[str, str]]) -> None:
    html = plain["therapy_site.takeaways"]["html"]
    assert '<section aria-labelledby="key-takeaways" class="ts-takeaways">' in html
    assert "Takeaways(title='Key takeaways', items=('Calm. A point.',))" in plain["therapy_site.takeaways"]["data"]


def test_faq_loads_by_name(plain: dict[str, dict[str, str]]) -> None:
    assert 'class="ts-faq"' in plain["therapy_site.faq"]["html"]
    assert "question='Why?'" in plain["therapy_site.faq"]["data"]
    assert "answer_text='Because it helps.'" in plain["therapy_site.faq"]["data"]


def test_booking_loads_by_name(plain: dict[str, dict[str, str]]) -> None:
    html = plain["therapy_site.booking"]["html"]
    assert 'href="https://book.example/"' in html and "Talk to us" in html
    assert (
        "Booking(heading='Talk to us', button='Book a free consultation', url='https://book.example/')"
        in (plain["therapy_site.booking"]["data"])
    )


def test_infographics_load_by_name_and_draw_with_the_packaged_fonts(plain: dict[str, dict[str, str]]) -> None:
    html = plain["therapy_site.infographics"]["html"]
    assert '<figure class="ts-infographic ts-infographic--grid"' in html
    assert '<h2 class="ts-infographic__title" id="breathe">Breathe</h2>' in html, "a real heading, seen by toc"
    assert "title='Two ideas'" in plain["therapy_site.infographics"]["data"]
    images = plain["images"]
    assert sorted(Path(path).name.split("-", 1)[1] for path in images) == ["card.png", "portrait.png"]
    assert all(size > 1000 for size in images.values())


def _without(config: dict, name: str) -> dict:
    config["markdown_extensions"] = [
        entry
        for entry in config["markdown_extensions"]
        if not (entry == name or (isinstance(entry, dict) and name in entry))
    ]
    return config


@pytest.mark.parametrize(
    ("extension", "plugin"),
    [
        ("therapy_site.faq", "therapy-site/faq"),
        ("therapy_site.takeaways", "therapy-site/takeaways"),
        ("therapy_site.booking", "therapy-site/booking"),
        ("therapy_site.infographics", "therapy-site/infographics"),
    ],
)
def test_plugin_without_its_declared_extension_says_what_to_add(tmp_path: Path, extension: str, plugin: str) -> None:
    project = copy_project(tmp_path / "project")
    write_config(project, _without(explicit_config(load_config(project)), extension))
    build = run_build(project)
    assert build.returncode != 0
    assert f"{plugin}: the Markdown extension '{extension}' is not enabled; add it under 'markdown_extensions'" in (
        build.output
    )
    assert "Traceback" not in build.output


def test_unknown_extension_option_is_named(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = explicit_config(load_config(project))
    config["markdown_extensions"] = [
        {"therapy_site.takeaways": {"titel": "Oops"}}
        if isinstance(entry, dict) and "therapy_site.takeaways" in entry
        else entry
        for entry in config["markdown_extensions"]
    ]
    write_config(project, config)
    build = run_build(project)
    assert build.returncode != 0
    assert "therapy_site.takeaways: unknown option 'titel'; allowed options: title" in build.output


def test_the_engine_enables_every_content_extension_the_site_does_not_list() -> None:
    """The repository's mkdocs.yml lists only the FAQ extension (for its own titles): the engine adds the rest."""
    project = load_project(Path(__file__).resolve().parents[2] / "mkdocs.yml")
    try:
        modules = {type(entry).__module__ for entry in project.config.markdown_extensions if not isinstance(entry, str)}
        names = {entry for entry in project.config.markdown_extensions if isinstance(entry, str)}
    finally:
        close_project(project)
    content = {"takeaways", "faq", "infographics", "booking", "citations"}
    assert {f"therapy_site.{name}.extension" for name in content} <= modules
    assert {"attr_list", "md_in_html", "admonition", "pymdownx.superfences"} <= names
    assert project.config.mdx_configs["toc"]["permalink"] is True


@pytest.mark.parametrize(
    ("extension", "options", "message"),
    [
        ("therapy_site.faq", {"titles": "FAQ"}, "option 'titles' must be a list of texts, e.g. [FAQ]"),
        ("therapy_site.takeaways", {"title": 42}, "option 'title' must be text (found 42)"),
        ("therapy_site.citations", {"titles": [1, 2]}, "option 'titles' must be a list of texts"),
        ("therapy_site.booking", {"contact": "call me"}, "option 'contact' must be a mapping of settings"),
        ("therapy_site.infographics", {"palette": True}, "option 'palette' must be text"),
    ],
)
def test_a_wrong_option_type_is_named_in_plain_markdown_and_in_the_build(
    tmp_path: Path, extension: str, options: dict, message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(f"{extension}: {message}")):
        markdown.Markdown(extensions=[extension], extension_configs={extension: options})
    project = copy_project(tmp_path / "project")
    config = load_config(project)
    entries = config.get("markdown_extensions", [])
    listed = [entry for entry in entries if not (isinstance(entry, dict) and extension in entry)]
    config["markdown_extensions"] = [*listed, {extension: options}]
    write_config(project, config)
    build = run_build(project)
    assert build.returncode != 0
    # MkDocs checks the extensions as it reads mkdocs.yml: it names the setting, then our message.
    assert "Config value 'markdown_extensions'" in build.output
    assert f"{extension}: {message}" in build.output
    assert "Traceback" not in build.output
