"""FAQ sections: a heading the FAQ plugin recognises must be followed by questions, each with an answer."""

from __future__ import annotations

from collections.abc import Iterator

from therapy_site.cli.check.context import CheckContext
from therapy_site.cli.check.findings import Finding, error
from therapy_site.cli.check.headings import Heading, headings
from therapy_site.cli.check.source import SourceFile


def _is_faq_title(heading: Heading, titles: tuple[str, ...]) -> bool:
    wanted = {" ".join(title.split()).casefold() for title in titles}
    return heading.level == 2 and " ".join(heading.text.split()).casefold() in wanted


def _has_text_between(source: SourceFile, start: int, end: int) -> bool:
    return any(text.strip() for number, text in source.body_lines() if start < number < end)


def check_faq(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    if source.meta.get("faq") is False:
        return
    found = headings(source)
    last_line = len(source.text.splitlines()) + 1
    for index, heading in enumerate(found):
        if not _is_faq_title(heading, context.faq_titles):
            continue
        section = []
        for following in found[index + 1 :]:
            if following.level <= 2:
                break
            section.append(following)
        section_end = found[index + 1 + len(section)].line if index + 1 + len(section) < len(found) else last_line
        questions = [item for item in section if item.level == 3]
        if not questions:
            message = f"'{heading.text}' has no questions: add '### Question?' headings, each followed by its answer"
            yield error(source.shown, heading.line, message, "faq")
            continue
        for question in questions:
            following = [item for item in section if item.line > question.line and item.level <= 3]
            end = following[0].line if following else section_end
            if not _has_text_between(source, question.line, end):
                message = f"question '{question.text}' has no answer: write it under the question"
                yield error(source.shown, question.line, message, "faq")
