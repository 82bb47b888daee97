"""Unique takeaways ids on blog listing pages.

Material's blog renders each post's excerpt on its own, so two excerpts with a
takeaways block on one listing page both carry ``id="key-takeaways"`` and two
sections point ``aria-labelledby`` at the same id (axe: duplicate-id-aria).
The post pages themselves are already unique; here, on the final page HTML,
later duplicates get the toc-style ``_1``, ``_2`` suffix on the heading id and
the section's label. Links into the posts (``post/#key-takeaways``) stay as
they are. Python-Markdown writes attributes in lexical order, which the
patterns rely on.
"""

from __future__ import annotations

import re
from collections import Counter

from markdown.extensions.toc import unique

_ID = re.compile(r'\sid="([^"]*)"')
_SECTION = re.compile(
    r'(?P<open><section aria-labelledby=")(?P<label>[^"]*)(?P<rest>" class="(?:[^"]* )?ts-takeaways(?: [^"]*)?"[^>]*>'
    r'(?:(?!</section>).)*?<h[1-6] class="ts-takeaways__title" id=")(?P<id>[^"]*)(?P<close>")',
    re.DOTALL,
)


def unique_takeaways_ids(page_html: str) -> str:
    """Rename repeated takeaways heading ids (and their labels) so every id on the page is unique."""
    counts = Counter(_ID.findall(page_html))
    if not any(counts[match.group("id")] > 1 for match in _SECTION.finditer(page_html)):
        return page_html
    used = set(counts)
    seen: set[str] = set()

    def rename(match: re.Match[str]) -> str:
        heading_id = match.group("id")
        if heading_id not in seen:
            seen.add(heading_id)
            return match.group(0)
        new_id = unique(heading_id, used)
        label = new_id if match.group("label") == heading_id else match.group("label")
        return f"{match.group('open')}{label}{match.group('rest')}{new_id}{match.group('close')}"

    return _SECTION.sub(rename, page_html)
