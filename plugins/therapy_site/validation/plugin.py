"""MkDocs plugin ``therapy-site/validation``: the build runs ``therapy-site check``'s rules before it reads a page.

Thin by design. In ``on_files`` (first, before MkDocs or Material's blog read
a single page) it runs :func:`therapy_site.validation.check_site` over the
docs folder and logs every finding through MkDocs' logger with the same
``file:line:col: severity: message [rule]`` text ``check`` prints:

* errors are logged as errors; in a strict build the plugin then stops the
  build before any page is rendered or written; otherwise the pages with
  errors are withheld (never published half-broken or unsafe);
* warnings are logged at INFO level, so that ``check`` passing (exit 0) and
  ``mkdocs build --strict`` passing mean the same thing;
* a strict build does not convert the pages a second time for the rules that
  judge the converted page (``///`` blocks, FAQ sections: ``runner.converted_by_build``):
  it takes those problems from its own conversion (the same extensions hand them
  to the page's data, see :mod:`therapy_site.reporting`), words them as ``check``
  does, converts here only the pages the build leaves unconverted (drafts), and
  stops in ``on_env``, before any page or file is written (any build but a
  preview stops there on such an error: it can no longer be left out);
* editor lock and backup files are left out of the site;
* the preview (``mkdocs serve``) shows a page it leaves out as a page listing its findings
  (:mod:`therapy_site.validation.preview_page`), at the page's own address.

(The text authors write in front matter is escaped where the theme prints it: ``therapy-site/material``.)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from therapy_site.material.blog import post_dest_uri
from therapy_site.pagedata import page_data
from therapy_site.project import project_from_config
from therapy_site.validation.blocks import conversion_finding
from therapy_site.validation.context import CheckContext
from therapy_site.validation.files import PAGE_SUFFIXES, is_editor_leftover
from therapy_site.validation.findings import Finding
from therapy_site.validation.images import PRIVATE_RULE
from therapy_site.validation.preview_page import write_error_pages
from therapy_site.validation.runner import (
    Memo,
    awaits_conversion,
    check_conversion,
    check_site,
    convert_pages_ahead,
)
from therapy_site.validation.settings import check_practice_details
from therapy_site.validation.svg import RULE as SVG_RULE

log = get_plugin_logger(__name__)


def _printed_order(finding: Finding) -> tuple[int, int, str, str]:
    return (finding.line, finding.column, finding.rule, finding.message)


class ValidationConfig(Config):
    enabled = c.Type(bool, default=True)


class ValidationPlugin(BasePlugin[ValidationConfig]):
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.withheld: set[str] = set()
        # The preview's pages with errors: output path -> (source, findings), see validation.preview_page.
        self.error_pages: dict[str, tuple[str, list[Finding]]] = {}
        self.serving = False
        self.context: CheckContext | None = None
        # Strict builds: pages whose conversion rules the build's own conversion answers (by absolute path).
        self.awaiting: dict[str, Path] = {}
        self.late_errors = 0
        # Findings per file by content, kept across `mkdocs serve` rebuilds (MkDocs keeps this instance):
        # a rebuild re-checks only the files that changed.
        self.memo: Memo = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` keeps previewing: pages with errors are left out instead of stopping the preview.
        self.serving = command == "serve"

    @event_priority(100)  # before every plugin that reads pages (Material's blog reads posts in on_files)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        build_converts = self._stops_on_errors(config)
        try:
            context = CheckContext(project_from_config(config, Path(config.config_file_path)))
            results = check_site(context, self.memo, build_converts=build_converts)
            config_file = context.project.config_file
            # The site's own settings, as `therapy-site check` judges them when it checks the whole site.
            authors_file = context.project.authors_file
            settings = list(
                check_practice_details(
                    config_file,
                    context.shown(config_file),
                    context.identity,
                    authors_file=authors_file,
                    authors_shown=context.shown(authors_file) if authors_file else None,
                )
            )
        except Exception as problem:  # never a traceback: say what failed and where to look
            raise PluginError(
                f"therapy-site/validation could not check the pages ({type(problem).__name__}: {problem}); "
                "run 'therapy-site check' to see which file it stops at"
            ) from problem
        self.context, self.late_errors = context, 0
        self.awaiting = (
            {os.path.abspath(path): path for path in results if awaits_conversion(context.source(path), context)}
            if build_converts
            else {}
        )
        if build_converts and any(finding.severity == "error" for found in results.values() for finding in found):
            # The build stops here: give the whole list, as `check` does, converting the pages here.
            results = self._with_conversion(results, context)
        self.findings = [*settings, *(finding for findings in results.values() for finding in findings)]
        # Pages with errors, and SVGs that would run code; a stylesheet or robots.txt with an error is reported only.
        self.withheld = {
            os.path.abspath(path)
            for path, findings in results.items()
            if (path.name.lower().endswith(PAGE_SUFFIXES) and any(finding.severity == "error" for finding in findings))
            or any(finding.rule in (SVG_RULE, PRIVATE_RULE) for finding in findings)
        }
        for finding in self.findings:
            if finding.severity == "error":
                log.error(finding.as_text())
            else:
                log.info(finding.as_text())
        errors = sum(finding.severity == "error" for finding in self.findings)
        if errors and build_converts:
            raise PluginError(
                f"{errors} error(s) in the pages, listed above with file:line:column; fix them and build again "
                "(nothing was built)"
            )
        found = {os.path.abspath(path): findings for path, findings in results.items()}
        self.error_pages = {}
        for file in list(files):
            path = os.path.abspath(file.abs_src_path or "")
            if path in self.withheld and self.serving:
                findings = found[path]  # a page is withheld for an error: never empty
                self.error_pages[post_dest_uri(file, config)] = (findings[0].path, findings)
            if path in self.withheld or is_editor_leftover(Path(file.src_uri).name):
                files.remove(file)
        if self.withheld:
            log.warning(f"{len(self.withheld)} page(s) or drawing(s) with errors were left out of the site")
        return files

    @event_priority(-100)  # after every feature plugin closed its page session
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        path = page.file.abs_src_path
        if path is None or self.context is None:
            return html
        self.awaiting.pop(os.path.abspath(path), None)
        problems = page_data(page).problems
        if problems:
            source = self.context.source(Path(path))
            self._report_late([conversion_finding(source, problem) for problem in problems])
        return html

    @event_priority(100)  # first: nothing has been written before on_env
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        context, awaiting = self.context, self.awaiting
        self.awaiting, self.context = {}, None  # every page is converted: the sources need not stay in memory
        if context is not None:
            for path in sorted(awaiting.values()):  # pages the build did not convert (drafts): convert them here
                self._report_late(check_conversion(context.source(path), context))
        if self.late_errors and self.config.enabled and not self.serving:
            raise PluginError(
                f"{self.late_errors} error(s) in the pages, listed above with file:line:column; fix them and build "
                "again (nothing was written)"
            )
        return env

    @event_priority(-100)  # last: the preview's clean-up of pages no longer built (therapy-site/theme) is done
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The preview shows each page it left out as its findings, at the page's address (never a build)."""
        if self.serving and self.error_pages:
            write_error_pages(config.site_dir, self.error_pages)

    def _with_conversion(self, results: dict[Path, list[Finding]], context: CheckContext) -> dict[Path, list[Finding]]:
        awaiting, self.awaiting = set(self.awaiting.values()), {}
        ahead = convert_pages_ahead(sorted(awaiting), context)

        def converted(path: Path) -> list[Finding]:
            found = ahead.get(os.path.abspath(path))
            return check_conversion(context.source(path), context) if found is None else found

        return {
            path: sorted({*found, *converted(path)}, key=_printed_order) if path in awaiting else found
            for path, found in results.items()
        }

    def _stops_on_errors(self, config: MkDocsConfig) -> bool:
        return bool(self.config.enabled and config.strict and not self.serving)

    def _report_late(self, findings: list[Finding]) -> None:
        """Log what the conversion found, once (a preview may also have found it before the build)."""
        logged = set(self.findings)
        for finding in sorted(set(findings) - logged):
            self.findings.append(finding)
            if finding.severity == "error":
                self.late_errors += 1
                log.error(finding.as_text())
            else:
                log.info(finding.as_text())
