"""The one rule set, run over files: by ``therapy-site check`` and by the build's validation plugin.

Each rule is a function ``(SourceFile, CheckContext) -> Iterator[Finding]``;
:data:`RULES` lists them in the order their findings are printed for a line.
A rule that fails on content nobody foresaw still gives a located finding
(``internal``), never a traceback.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from datetime import date
from pathlib import Path

from therapy_site.processes import plan_workers, worker_pool
from therapy_site.validation.blocks import check_blocks, has_blocks, site_converts_faq
from therapy_site.validation.content_security import check_content_security
from therapy_site.validation.context import CheckContext
from therapy_site.validation.faq import check_faq, has_faq
from therapy_site.validation.files import (
    PAGE_SUFFIXES,
    ContentEntry,
    content_files,
    is_published_text,
    markdown_files,
    published_text_files,
)
from therapy_site.validation.findings import Finding, error
from therapy_site.validation.foreign import check_foreign_syntax
from therapy_site.validation.front_matter import check_front_matter
from therapy_site.validation.headings import check_headings
from therapy_site.validation.identity import check_published_file, check_template_identity, site_text_files
from therapy_site.validation.images import (
    UNPUBLISHABLE_PICTURES,
    check_images,
    check_unpublishable_picture,
    picture_files,
    unpublishable_pictures,
)
from therapy_site.validation.invisible import check_invisible_characters
from therapy_site.validation.language import check_language
from therapy_site.validation.link_syntax import check_link_syntax
from therapy_site.validation.links import check_links
from therapy_site.validation.metadata import check_metadata
from therapy_site.validation.pitfalls import check_markdown_pitfalls
from therapy_site.validation.placeholders import check_placeholders
from therapy_site.validation.placement import check_post_placement
from therapy_site.validation.review_age import check_review_age
from therapy_site.validation.source import SourceFile
from therapy_site.validation.structure import check_block_structure
from therapy_site.validation.svg import check_svg_file

Rule = Callable[[SourceFile, CheckContext], Iterator[Finding]]
RULES: tuple[Rule, ...] = (
    check_front_matter,
    check_metadata,
    check_post_placement,
    check_images,
    check_headings,
    check_block_structure,
    check_faq,
    check_blocks,
    check_content_security,
    check_foreign_syntax,
    check_markdown_pitfalls,
    check_invisible_characters,
    check_links,
    check_link_syntax,
    check_language,
    check_placeholders,
    check_review_age,
    check_template_identity,
)
CHECKS = RULES  # the name ``therapy-site check`` used


def _run(rule: Rule, source: SourceFile, context: CheckContext) -> list[Finding]:
    try:
        return list(rule(source, context))
    except Exception as problem:  # a rule tripped over content: say where, never a traceback
        name = rule.__name__.removeprefix("check_").replace("_", "-")
        message = (
            f"this file could not be checked ({name}: {type(problem).__name__}: {problem}); "
            "look for an unusual construct near the top, or report this message"
        )
        return [error(source.shown, 1, message, "internal")]


def converted_by_build(context: CheckContext) -> tuple[Rule, ...]:
    """The rules whose findings a build takes from its own conversion of each page.

    These rules convert the page with the site's Markdown extensions and report what the extensions met;
    a build converts every page anyway, with the same extensions, so it reports the same problems from
    that conversion (the validation plugin words them with :func:`blocks.conversion_finding`) instead of
    converting each page a second time.
    """
    return (check_blocks, check_faq) if site_converts_faq(context) else (check_blocks,)


def _has_unclosed_block(source: SourceFile, context: CheckContext) -> bool:
    return any(finding.rule == "block-unclosed" for finding in _run(check_block_structure, source, context))


def awaits_conversion(source: SourceFile, context: CheckContext) -> bool:
    """Whether the rules of :func:`converted_by_build` have something to judge in ``source``."""
    if source.read_error or source.meta_error or _has_unclosed_block(source, context):
        return False
    deferred = converted_by_build(context)
    return (check_blocks in deferred and has_blocks(source)) or (check_faq in deferred and has_faq(source, context))


def check_conversion(source: SourceFile, context: CheckContext) -> list[Finding]:
    """The findings of :func:`converted_by_build`'s rules, by converting ``source`` here (a page no build converts)."""
    findings = {finding for rule in converted_by_build(context) for finding in _run(rule, source, context)}
    return sorted(findings, key=lambda finding: (finding.line, finding.column, finding.rule, finding.message))


def check_source(
    source: SourceFile,
    context: CheckContext,
    *,
    build_converts: bool = False,
    converted: list[Finding] | None = None,
) -> list[Finding]:
    """Every rule's findings for ``source``; with ``build_converts``, not those the build's conversion gives.

    ``converted``: the findings of :func:`check_conversion` for ``source``, found ahead (:func:`convert_ahead`).
    """
    if source.read_error:
        line, column, message, rule = source.read_error
        return [error(source.shown, line, message, rule, column)]
    if source.meta_error:  # nothing else can be trusted until the front matter reads
        return _run(check_front_matter, source, context)
    if _has_unclosed_block(source, context):
        # An unclosed block swallows the rest of the page: the converted page says nothing reliable.
        rules = tuple(rule for rule in RULES if rule not in (check_faq, check_blocks))
    elif build_converts or converted is not None:
        rules = tuple(rule for rule in RULES if rule not in converted_by_build(context))
    else:
        rules = RULES
    findings = {finding for rule in rules for finding in _run(rule, source, context)}
    if converted is not None:
        findings.update(converted)
    return sorted(findings, key=lambda finding: (finding.line, finding.column, finding.rule, finding.message))


def check_entry(
    entry: ContentEntry,
    context: CheckContext,
    *,
    build_converts: bool = False,
    ahead: Mapping[str, list[Finding]] | None = None,
) -> list[Finding]:
    """The findings for one content entry; ``ahead``: conversion findings by absolute path (:func:`convert_ahead`)."""
    if entry.skipped:
        return []
    if entry.problem is not None:
        rule, message = entry.problem
        return [error(context.shown(entry.path), 1, message, rule)]
    try:
        source = context.source(entry.path)
    except Exception as problem:  # reading is built not to raise; if it still does, say where
        message = f"this file could not be read ({type(problem).__name__}: {problem}); save it again as UTF-8 text"
        return [error(context.shown(entry.path), 1, message, "internal")]
    converted = ahead.get(os.path.abspath(entry.path)) if ahead else None
    return check_source(source, context, build_converts=build_converts, converted=converted)


# Pages to convert per worker and core before converting ahead pays for starting workers.
CONVERSIONS_PER_WORKER = 8
# Set in each worker process by its initializer: the forked copy of the checking process's context.
_worker_contexts: list[CheckContext] = []


def _adopt_context(context: CheckContext) -> None:
    _worker_contexts[:] = [context]


def _convert_in_worker(paths: list[Path]) -> list[list[Finding]]:
    context = _worker_contexts[0]
    return [check_conversion(context.source(path), context) for path in paths]


def convert_ahead(entries: Iterable[ContentEntry], context: CheckContext) -> dict[str, list[Finding]]:
    """The findings of :func:`check_conversion` for the entries that need converting (:func:`convert_pages_ahead`)."""
    paths = [
        entry.path
        for entry in entries
        if not entry.skipped and entry.problem is None and awaits_conversion(context.source(entry.path), context)
    ]
    return convert_pages_ahead(paths, context)


def convert_pages_ahead(paths: list[Path], context: CheckContext) -> dict[str, list[Finding]]:
    """The findings of :func:`check_conversion` for ``paths`` (pages to convert), by absolute path, across the cores.

    Converting a page with the site's extensions is most of what checking it costs, and each page
    converts alone: a first ``therapy-site check`` or preview of a 500-post site converted them one
    after another on one core. Workers are forked, so each starts with this context as it is (its
    extensions built, its pages read) and nothing is pickled but paths and findings. Where forking is
    not possible (another thread runs, as in a preview's rebuilds, or not POSIX), with too few pages to
    pay for the workers, or when a worker fails: nothing, and the rules convert each page themselves.
    """
    plan = plan_workers(len(paths), jobs_per_worker=CONVERSIONS_PER_WORKER, inherits_state=True)
    if not plan.workers:
        return {}
    context.markdown()  # built once here, inherited by every worker
    per_chunk = max(1, min(CONVERSIONS_PER_WORKER, len(paths) // (plan.workers * 4)))
    chunks = [paths[start : start + per_chunk] for start in range(0, len(paths), per_chunk)]
    try:
        with worker_pool(plan, initializer=_adopt_context, initargs=(context,)) as pool:
            found = [findings for chunk in pool.map(_convert_in_worker, chunks) for findings in chunk]
    except Exception:  # a worker that died, or no processes here: the rules convert each page themselves
        return {}
    return {os.path.abspath(path): findings for path, findings in zip(paths, found, strict=True)}


def check_file(path: Path, context: CheckContext) -> list[Finding]:
    return [finding for entry in markdown_files([path]) for finding in check_entry(entry, context)]


def check_paths(paths: Iterable[Path], context: CheckContext, *, theme: bool = False) -> list[Finding]:
    """The findings for the Markdown files named or found in the folders named, and for the other text files
    published from those folders (named, or found: :func:`files.published_text_files`); with ``theme``, for the
    theme's templates too (``therapy-site check`` of the whole site). By file, in the order of their paths."""
    paths = list(paths)
    texts = [path for path in paths if path.is_file() and is_published_text(path)]
    entries = list(markdown_files(path for path in paths if path not in texts))
    texts += [found for path in paths if path.is_dir() for found in published_text_files(path)]
    pictures = [found for path in paths if path.is_dir() for found in unpublishable_pictures(path)]
    pictures += [path for path in paths if path.is_file() and path.suffix.lower() in UNPUBLISHABLE_PICTURES]
    if theme:
        texts += site_text_files(context)
    ahead = convert_ahead(entries, context)
    by_file = {os.path.abspath(entry.path): (entry.path, check_entry(entry, context, ahead=ahead)) for entry in entries}
    for path in texts:
        by_file.setdefault(os.path.abspath(path), (path, published_file_findings(path, context)))
    for path in pictures:
        by_file.setdefault(os.path.abspath(path), (path, check_unpublishable_picture(path, context.shown(path))))
    context.save_caches()
    ordered = sorted(by_file.values(), key=lambda item: item[0].as_posix())
    return [finding for _, found in ordered for finding in found]


# Per file: the key it was checked under and what was found (see :func:`check_site`).
Memo = MutableMapping[str, tuple[str, list[Finding]]]


def check_site(
    context: CheckContext, memo: Memo | None = None, *, build_converts: bool = False
) -> dict[Path, list[Finding]]:
    """Findings of every content entry of the docs folder, by path (entries without findings included), then of
    every other text file the site publishes (under docs/, and the theme's templates: :func:`identity.site_text_files`).

    ``build_converts``: leave out the findings of :func:`converted_by_build` (a build takes them from its
    own conversion of the pages).

    With a ``memo`` (the build's validation plugin keeps one across ``mkdocs serve`` rebuilds), a file whose
    bytes and whose surroundings (:func:`site_fingerprint`) are unchanged is not checked again: the rules are
    functions of exactly these, so the findings are the same.
    """
    entries = content_files(context.project.docs_dir)
    context.judge_pictures_ahead(picture_files(context.project.docs_dir))
    if memo is None:
        ahead = {} if build_converts else convert_ahead(entries, context)
        found = {
            entry.path: check_entry(entry, context, build_converts=build_converts, ahead=ahead) for entry in entries
        }
        found.update(_published_text(context))
        context.save_caches()
        return found
    site = f"{site_fingerprint(context)}:{build_converts}"
    keys = {entry.path: f"{site}:{file_digest(entry.path)}" for entry in entries}
    unknown = [entry for entry in entries if memo.get(os.path.abspath(entry.path), ("",))[0] != keys[entry.path]]
    ahead = {} if build_converts else convert_ahead(unknown, context)
    results: dict[Path, list[Finding]] = {}
    for entry in entries:
        path, key = os.path.abspath(entry.path), keys[entry.path]
        remembered = memo.get(path)
        if remembered is None or remembered[0] != key:
            found = check_entry(entry, context, build_converts=build_converts, ahead=ahead)
            remembered = memo[path] = (key, found)
        results[entry.path] = remembered[1]
    for stale in set(memo) - {os.path.abspath(entry.path) for entry in entries}:
        del memo[stale]  # deleted or renamed files
    results.update(_published_text(context))
    context.save_caches()
    return results


def _published_text(context: CheckContext) -> dict[Path, list[Finding]]:
    """The findings of the site's published text files (few, small, searched by one rule: never memoised), and of
    the pictures that cannot be published clean (rule ``image-private``)."""
    found = {path: published_file_findings(path, context) for path in site_text_files(context)}
    for path in unpublishable_pictures(context.project.docs_dir):
        found[path] = check_unpublishable_picture(path, context.shown(path))
    return found


def published_file_findings(path: Path, context: CheckContext) -> list[Finding]:
    """The findings of a text file the site publishes as it is: template identity; an SVG's scripts."""
    found = check_published_file(path, context)
    if path.suffix.lower() == ".svg":
        found += check_svg_file(path, context.shown(path))
    return sorted(found, key=lambda finding: (finding.line, finding.column, finding.rule, finding.message))


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as problem:  # unreadable, a folder, a dangling link: check it every time
        return f"unreadable-{type(problem).__name__}-{id(problem)}"


def _page_face(path: Path, context: CheckContext) -> str:
    source = context.source(path)
    if source.read_error or source.meta_error:
        return "unreadable"
    slug = context.post_slug(source) if source.is_post else ""
    return f"{context.page_url(source)}\0{slug}\0{context.unpublished(source)}"  # links to drafts are judged


def site_fingerprint(context: CheckContext) -> str:
    """What a page's findings depend on besides its own text: settings, today, pictures, other pages, slugs.

    Markdown files count by what other pages see of them (readable or not, web address, post slug); every
    other file under docs (pictures, data) by size and modification time.
    """
    digest = hashlib.sha256()
    config_file = context.project.config_file
    for path in (config_file,):
        stat = path.stat() if path.is_file() else None
        digest.update(f"{path}\0{stat and stat.st_size}\0{stat and stat.st_mtime_ns}\n".encode())
    digest.update(repr(sorted(context.project.settings.items(), key=str)).encode())
    digest.update(date.today().isoformat().encode())  # review-age judges last_reviewed against today
    for directory, subdirectories, names in os.walk(context.project.docs_dir):
        subdirectories.sort()
        for name in sorted(names):
            path = os.path.join(directory, name)
            if name.lower().endswith(PAGE_SUFFIXES):
                continue  # below, by what other pages see of it
            try:
                stat = os.stat(path)
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
            except OSError:
                digest.update(f"{path}\0missing\n".encode())
    for entry in content_files(context.project.docs_dir):  # the pages other pages' links and addresses meet
        seen = "stray" if entry.problem else "skipped" if entry.skipped else _page_face(entry.path, context)
        digest.update(f"{entry.path}\0{seen}\n".encode())
    for record in context.posts:
        digest.update(f"{record.path}\0{record.shown}\0{record.slug}\0{record.slug_line}\n".encode())
    return digest.hexdigest()


__all__ = [
    "CHECKS",
    "RULES",
    "CheckContext",
    "Finding",
    "awaits_conversion",
    "check_conversion",
    "check_entry",
    "check_file",
    "check_paths",
    "check_site",
    "check_source",
    "convert_ahead",
    "convert_pages_ahead",
    "markdown_files",
]
