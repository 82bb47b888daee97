"""The Content-Security-Policy and security headers of the built files."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from helpers import Build
from therapy_site.security.csp import InlineCode, csp_meta_tag, insert_meta, policy

EXECUTABLE_SCRIPT_TYPES = {None, "", "module", "text/javascript"}
EVENT_HANDLER = re.compile(r"^on[a-z]+$")


def html_pages(build: Build) -> list[Path]:
    return sorted(build.site.rglob("*.html"))


def meta_policy(page: lxml_html.HtmlElement) -> str:
    (content,) = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    return content


def directives(policy_text: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy_text.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_every_page_has_a_strict_policy_before_its_first_script(site_build: Build) -> None:
    for path in html_pages(site_build):
        page = lxml_html.fromstring(path.read_bytes())
        rules = directives(meta_policy(page))
        assert rules["default-src"] == ["'self'"], path
        assert rules["object-src"] == ["'none'"], path
        assert rules["base-uri"] == ["'self'"], path
        for name in ("script-src", "style-src"):
            assert "'unsafe-inline'" not in rules[name] and "'unsafe-eval'" not in rules[name], (path, name)
            assert rules[name][0] == "'self'", (path, name)
        assert "frame-ancestors" not in rules, "ignored in <meta>: belongs in _headers only"
        head = page.xpath("//head/*")
        meta_index = next(i for i, e in enumerate(head) if e.get("http-equiv") == "Content-Security-Policy")
        assert all(element.tag != "script" for element in head[:meta_index]), path
        assert page.xpath("//meta[@name='referrer']/@content") == ["no-referrer"], path


def test_every_inline_script_is_allowed_by_exactly_its_hash(site_build: Build) -> None:
    for path in html_pages(site_build):
        text = path.read_text(encoding="utf-8")
        page = lxml_html.fromstring(text)
        inline = [
            script.text or ""
            for script in page.xpath("//script[not(@src)]")
            if script.get("type") in EXECUTABLE_SCRIPT_TYPES
        ]
        assert inline, f"{path}: Material's inline scripts are expected on every page"
        hashes = [source for source in directives(meta_policy(page))["script-src"] if source.startswith("'sha256-")]
        assert sorted(hashes) == sorted({script_hash(body) for body in inline}), path


def test_no_inline_event_handlers_or_javascript_urls(site_build: Build) -> None:
    """Hashes cannot allow these under a strict policy, so none may exist."""
    for path in html_pages(site_build):
        page = lxml_html.fromstring(path.read_bytes())
        for element in page.iter():
            if not isinstance(element.tag, str):
                continue
            handlers = [name for name in element.attrib if EVENT_HANDLER.match(name)]
            assert handlers == [], f"{path}: <{element.tag}> has {handlers}"
            for name in ("href", "src", "action", "formaction"):
                value = (element.get(name) or "").strip().lower()
                assert not value.startswith("javascript:"), f"{path}: <{element.tag} {name}={value!r}>"


def test_every_page_loads_only_same_origin_resources(site_build: Build) -> None:
    """Static counterpart of the browser test: no absolute URL in anything a page loads."""
    for path in html_pages(site_build):
        page = lxml_html.fromstring(path.read_bytes())
        loaded = page.xpath("//script/@src | //img/@src | //img/@srcset | //source/@srcset | //iframe/@src")
        loaded += page.xpath("//link[not(@rel='canonical') and not(@rel='alternate')]/@href")
        remote = [url for url in loaded if re.match(r"^(https?:)?//", url.strip())]
        assert remote == [], f"{path}: {remote}"


def parse_headers_file(text: str) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.startswith((" ", "\t")):
            current = rules.setdefault(line.strip(), {})
            continue
        assert current is not None, "a header before any path"
        name, _, value = line.strip().partition(":")
        current[name] = value.strip()
    return rules


def test_headers_file_for_static_hosts(site_build: Build) -> None:
    rules = parse_headers_file((site_build.site / "_headers").read_text(encoding="utf-8"))
    headers = rules["/*"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    header_rules = directives(headers["Content-Security-Policy"])
    assert header_rules["frame-ancestors"] == ["'none'"]
    # The header allows every page's inline scripts, and nothing beyond the pages' own policies.
    page_hashes: set[str] = set()
    for path in html_pages(site_build):
        page_rules = directives(meta_policy(lxml_html.fromstring(path.read_bytes())))
        page_hashes.update(page_rules["script-src"])
        for name, sources in page_rules.items():
            assert set(sources) <= set(header_rules[name]), (path, name)
    assert set(header_rules["script-src"]) == page_hashes


def test_policy_hashes_inline_code_and_ignores_data_blocks() -> None:
    page = (
        '<html><head><meta charset="utf-8"><script>run()</script>'
        '<script type="application/ld+json">{"@type": "Thing"}</script>'
        '<script id="__config" type="application/json">{}</script>'
        '<script src="bundle.js"></script><style>p{color:red}</style></head>'
        '<body><p style="color: red &amp; blue">x</p></body></html>'
    )
    code = InlineCode.of_page(page, {script_hash("run()")})
    assert code.scripts == [script_hash("run()")]
    # A script the theme did not write (one that came with the page's content) is never trusted.
    assert InlineCode.of_page(page, {script_hash("theme()")}).scripts == []
    assert InlineCode.of_page(page).scripts == []
    assert code.styles == [script_hash("p{color:red}")]
    # Attribute values are hashed after character references are decoded, as browsers do.
    assert code.style_attributes == [script_hash("color: red & blue")]
    rules = directives(policy(code))
    assert rules["script-src"] == ["'self'", script_hash("run()")]
    assert rules["style-src"] == [
        "'self'",
        script_hash("p{color:red}"),
        "'unsafe-hashes'",
        script_hash("color: red & blue"),
    ]


def test_policy_meta_goes_right_after_the_charset() -> None:
    page = '<html><head><meta charset="utf-8"><title>t</title><script>x()</script></head></html>'
    tag = csp_meta_tag(policy(InlineCode.of_page(page)))
    result = insert_meta(page, [tag])
    assert result.index("Content-Security-Policy") < result.index("<title>")
    assert '"' not in tag.split('content="', 1)[1][:-2], "the policy must not break out of its attribute"
    with pytest.raises(ValueError):
        insert_meta("<p>no head</p>", [tag])


def test_the_theme_script_partials_are_those_jinja_lists(site_build: Build, tmp_path: Path) -> None:
    """Listing only the partials' folders finds what Jinja's own listing of every template finds, ours first."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader
    from mkdocs.config import load_config

    from therapy_site.security.csp import THEME_SCRIPT_PARTIALS, theme_script_partials

    override = tmp_path / "overrides" / THEME_SCRIPT_PARTIALS
    override.mkdir(parents=True)
    (override / "ours.html").write_text("<script>1</script>", encoding="utf-8")
    config = load_config(str(site_build.project / "mkdocs.yml"))
    folders = [str(tmp_path / "overrides"), *config.theme.dirs]
    listed = Environment(loader=FileSystemLoader(folders)).list_templates(
        filter_func=lambda name: name.startswith(THEME_SCRIPT_PARTIALS) and name.endswith(".html")
    )
    found = theme_script_partials(Environment(loader=FileSystemLoader(folders)))
    assert found == sorted(listed) and f"{THEME_SCRIPT_PARTIALS}ours.html" in found
    assert f"{THEME_SCRIPT_PARTIALS}palette.html" in found
    assert theme_script_partials(Environment(loader=ChoiceLoader([FileSystemLoader(folders)]))) == found
