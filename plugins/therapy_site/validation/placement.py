"""A post saved outside the blog's posts folder (rule ``post-placement``).

Material's blog makes posts only of the files in ``docs/blog/posts/``: a post saved one folder up, or
beside the pages, is published as a plain page (no listing, no feed, no date shown) and nothing says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, error
from therapy_site.validation.source import SourceFile

POST_ONLY_KEYS = ("categories", "authors")  # settings only a post has; a page may well say 'date'


def check_post_placement(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    if source.is_post or "date" not in source.meta:
        return
    keys = [key for key in POST_ONLY_KEYS if key in source.meta]
    if not keys:
        return
    posts = context.shown(context.project.blog.posts_dir)
    message = (
        f"this file has a post's settings ('date', '{keys[0]}') but is not in {posts}/, so the blog does not list "
        f"it and it is published as a plain page: move it into {posts}/"
    )
    yield error(source.shown, source.key_line("date"), message, "post-placement")
