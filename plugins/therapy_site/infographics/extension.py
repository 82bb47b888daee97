"""The ``/// infographic | Title`` block: YAML data in, accessible HTML out, a render job recorded.

Stateless per document: it writes no files. The images are drawn by the MkDocs
plugin from the jobs handed to the ``recorder``; the HTML already names them by
content hash, so excerpts and re-renders produce the same output. The figure is
built as ElementTree elements (item headings are real headings ``toc`` sees),
and what it shows goes to the page data (:class:`therapy_site.pagedata.Infographic`).
Fonts and icons come from an :class:`InfographicsContext` (the plugin's, or one
made on first use from the package's own files).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar
from xml.etree import ElementTree as etree

import yaml
from markdown import Markdown
from pymdownx.blocks.block import type_any

from therapy_site.blocks import BlockProblem, CheckedBlock, CheckedBlocksExtension
from therapy_site.blocks.base import record_problem
from therapy_site.blocks.links import register_late_hrefs
from therapy_site.infographics.context import InfographicsContext
from therapy_site.infographics.html import ImageUrls, fill_figure
from therapy_site.infographics.jobs import InfographicJob, infographic_key
from therapy_site.infographics.render import CARD_SIZE
from therapy_site.infographics.schema import (
    TOP_KEYS,
    KeyPath,
    glyph_problems,
    key_name,
    parse_infographic,
)
from therapy_site.infographics.toc import register_card_titles_out_of_toc
from therapy_site.options import NamedOptions
from therapy_site.pagedata import Infographic as InfographicData
from therapy_site.sources import SourceMap

_HEADING = re.compile(r"^h([1-6])$")


@dataclass(frozen=True)
class InfographicProblem(BlockProblem):
    """A block problem that points at the offending YAML key's own line when it can."""

    path: KeyPath | None = None  # None: the header line; otherwise the key's line in the body
    syntax: bool = False  # the body is not YAML: point at the parser's position
    fatal: bool = False  # a missing glyph: a build error even without --strict

    def located(self, path: str, source: str) -> str:
        source_map = SourceMap(source)
        header = source_map.block_header_line(self.block, self.occurrence) or 1
        line = header + body_line_offset(source_map, header, self.path, self.syntax)
        return f"{path}:{line}: {self.block} block: {self.message}"


def load_yaml(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's parser when PyYAML has it (the block is parsed on every excerpt render).

    Both build the same Python values (the constructor and resolver are PyYAML's own); on an error the pure
    Python parser runs again, so the author reads the message the tests know.
    """
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return yaml.safe_load(text)
    try:
        return yaml.load(str(text), Loader=loader)
    except yaml.YAMLError:
        return yaml.safe_load(text)


def block_body(source_map: SourceMap, header_line: int) -> str:
    """The text between a block's header line and its closing ``///`` (as the source map pairs them), dedented."""
    block = source_map.block_at(header_line)
    return textwrap.dedent("\n".join(source_map.block_body(block))) if block else ""


def body_line_offset(source_map: SourceMap, header_line: int, path: KeyPath | None, syntax: bool) -> int:
    """How many lines below the header the YAML problem sits (0 when unknown)."""
    body = block_body(source_map, header_line)
    if syntax:
        try:
            yaml.safe_load(body)
        except yaml.MarkedYAMLError as error:
            return error.problem_mark.line + 1 if error.problem_mark else 0
        return 0
    if not path:
        return 0
    try:
        node = yaml.compose(body, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return 0
    line = 0
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


Recorder = Callable[[InfographicJob], None]


def _ignore_job(job: InfographicJob) -> None:
    """Default recorder in plain Python-Markdown: nothing draws the images."""


def heading_level_after(parent: etree.Element, element: etree.Element) -> int:
    """One below the last heading before ``element`` among its siblings; ``h2`` when there is none."""
    level = 1
    for child in parent:
        if child is element:
            break
        match = _HEADING.match(str(child.tag))
        if match:
            level = int(match.group(1))
    return min(level + 1, 6)


class InfographicBlock(CheckedBlock):
    """``/// infographic | Title`` with a YAML body: layout, items, summary, source."""

    NAME = "infographic"
    ARGUMENT = True
    # The data may also be written as options indented under the header.
    OPTIONS: ClassVar[dict[str, list[Any]]] = {key: [None, type_any] for key in TOP_KEYS}

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.parent_element = parent
        return etree.SubElement(parent, "figure")

    def report(self, message: str, path: KeyPath | None, *, syntax: bool = False, fatal: bool = False) -> None:
        reporter = self.config["reporter"]
        key = key_name(path) if path is not None else ""
        text = f"{key}: {message}" if key else message
        problem = InfographicProblem(self.NAME, self.occurrence, text, path=path, syntax=syntax, fatal=fatal)
        record_problem(self.md, problem, reporter)

    def read_data(self, text: str) -> Any:
        header = {key: value for key, value in self.options.items() if key in TOP_KEYS and value is not None}
        if not text.strip():
            return header
        try:
            body = load_yaml(text)
        except yaml.YAMLError as error:
            problem = getattr(error, "problem", None) or "not valid YAML"
            self.report(f"the body is not valid YAML ({problem}); check indentation and quoting", None, syntax=True)
            return None
        if isinstance(body, dict):
            return {**header, **body}
        return body

    def on_end(self, block: etree.Element) -> None:
        raw = block.text or ""
        block.text = None
        config = self.config
        context: InfographicsContext = config["context"]()
        data = self.read_data(raw)
        problems: list[Any] = []
        info = None
        if data is not None:
            info, problems = parse_infographic(str(self.argument or ""), data, set(context.icons))
        for problem in problems:
            self.report(problem.message, problem.path)
        if info is not None:
            for problem in glyph_problems(info, context.fonts):
                self.report(problem.message, problem.path, fatal=True)
                info = None
        key = ""
        if info is not None:
            key = infographic_key(info, context.renderer, config["brand"], config["domain"])
            misfit = context.fit_problem(key, info, config["brand"], config["domain"])
            if misfit is not None:
                self.report(str(misfit), misfit.path)
                info = None
        if info is None:
            block.tag = "div"
            block.set("class", "ts-infographic-invalid")
            return
        job = InfographicJob(key, info, config["brand"], config["domain"], self.occurrence)
        url = config["images_url"] + job.file_name("portrait", "png")
        urls = ImageUrls(
            portrait_png=url,
            pin_media=config["site_url"].rstrip("/") + url if config["site_url"] else url,
            download_name=job.download_name(),
        )
        fill_figure(block, info, urls, heading_level_after(self.parent_element, block), context.icons)
        config["recorder"](job)
        self.collect(
            InfographicData(
                title=info.title,
                summary=info.summary,
                key=key,
                card_src=job.site_path("card", "png"),
                portrait_src=job.site_path("portrait", "png"),
                card_size=CARD_SIZE,
            )
        )


class InfographicsExtension(NamedOptions, CheckedBlocksExtension):
    """Python-Markdown extension for ``/// infographic`` blocks (needs ``pymdownx.blocks``)."""

    EXTENSION_NAME = "therapy_site.infographics"

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        super().extendMarkdownBlocks(md, block_mgr)
        register_late_hrefs(md)
        register_card_titles_out_of_toc(md)

    BLOCKS = (InfographicBlock,)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.config = {
            "recorder": [_ignore_job, "Callable receiving each InfographicJob (the MkDocs plugin draws them)"],
            "context": ["", 'InfographicsContext shared with the plugin that draws; default (""): made on first use'],
            "assets_dir": ["", "Folder holding fonts/ and icons/; default: the package's own"],
            "palette": ["light", "Palette of the drawn images: light or dark"],
            "brand": ["", "Practice name drawn on the images"],
            "domain": ["", "Site domain drawn on the images"],
            "images_url": ["/assets/infographics/", "URL path of the images folder (ends with /)"],
            "site_url": ["", "Absolute site URL for data-pin-media (no path)"],
        }
        super().__init__(*args, **kwargs)
        self._own_context: InfographicsContext | None = None

    def drawing_context(self) -> InfographicsContext:
        """The configured context, else one of this extension's own, made the first time a block needs it."""
        given = self.getConfig("context")
        if isinstance(given, InfographicsContext):
            return given
        if self._own_context is None:
            self._own_context = InfographicsContext(self.getConfig("assets_dir"), self.getConfig("palette"))
        return self._own_context

    def block_config(self) -> dict[str, Any]:
        # Blocks get the context lazily (plain Python-Markdown pays for fonts only when a block appears).
        return {**super().block_config(), "context": self.drawing_context}


def makeExtension(**kwargs: Any) -> InfographicsExtension:
    return InfographicsExtension(**kwargs)
