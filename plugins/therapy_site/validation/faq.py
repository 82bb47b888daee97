"""FAQ sections, judged by the FAQ extension itself (``therapy_site.faq``): questions present, each answered."""

from __future__ import annotations

from collections.abc import Iterator

from therapy_site.faq import faq_enabled, find_faq_problems
from therapy_site.validation.blocks import located_finding, render, site_converts_faq
from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error
from therapy_site.validation.source import SourceFile


def check_faq(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    if not faq_enabled(source.meta):
        return
    if site_converts_faq(context):
        # The site's FAQ plugin added the extension: its problems come from the same conversion as the build's.
        for problem in render(source, context).faq_problems:
            yield located_finding(source, problem, "faq")
        return
    # The FAQ plugin is not enabled: still check, with the FAQ package's own entry point for tools.
    for line, message in find_faq_problems(source.text, titles=context.faq_titles):
        yield error(source.shown, line, message, "faq")
