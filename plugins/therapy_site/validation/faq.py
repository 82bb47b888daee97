"""FAQ sections, judged by the FAQ extension itself (``therapy_site.faq``): questions present, each answered."""

from __future__ import annotations

from collections.abc import Iterator

from therapy_site.faq import faq_enabled, find_faq_problems
from therapy_site.faq.extension import normalise_title, source_headings
from therapy_site.validation.blocks import located_finding, render, site_converts_faq
from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error
from therapy_site.validation.source import SourceFile


def has_faq_heading(source: SourceFile, titles: tuple[str, ...]) -> bool:
    """Whether any ``##`` heading of the source is an FAQ title (else there is nothing to convert and check)."""
    wanted = {normalise_title(title) for title in titles}
    return any(level == 2 and normalise_title(text) in wanted for _line, level, text in source_headings(source.text))


def has_faq(source: SourceFile, context: CheckContext) -> bool:
    """Whether the page has an FAQ section the FAQ extension judges (else there is nothing to check)."""
    return faq_enabled(source.meta) and has_faq_heading(source, context.faq_titles)


def check_faq(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    if not has_faq(source, context):
        return
    if site_converts_faq(context):
        # The site's FAQ plugin added the extension: its problems come from the same conversion as the build's.
        for problem in render(source, context).faq_problems:
            yield located_finding(source, problem, "faq")
        return
    # The FAQ plugin is not enabled: still check, with the FAQ package's own entry point for tools.
    for line, message in find_faq_problems(source.text, titles=context.faq_titles):
        yield error(source.shown, line, message, "faq")
