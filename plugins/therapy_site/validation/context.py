"""What every rule may look at besides the file itself: the project, every post's slug, the settings.

Built from the site's loaded config (our plugins' ``on_config`` applied), by
``therapy-site check`` and by the build's validation plugin alike. Each concern is a part of its own:
the source files (:mod:`.source_files`), the pages' addresses (:mod:`.addresses`), the verdicts on
pictures (:mod:`.pictures`), the settings (:mod:`.check_settings`); the context holds them for the rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markdown import Markdown
from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from therapy_site.project import Project
from therapy_site.faq.extension import FaqExtension
from therapy_site.validation.addresses import PageRecord, PostRecord, SiteAddresses
from therapy_site.validation.check_settings import Settings
from therapy_site.validation.identity import TemplateIdentity, template_identity
from therapy_site.validation.pictures import PictureVerdicts
from therapy_site.validation.source import SourceFile
from therapy_site.validation.source_files import SourceFiles
from therapy_site.wiring import configured_extension


class CheckContext:
    def __init__(self, project: Project, cwd: Path | None = None) -> None:
        self.project = project
        self.files = SourceFiles(project, cwd)
        self.root, self.cwd = self.files.root, self.files.cwd
        self.settings = Settings.from_extra(project.settings)
        self.pictures = PictureVerdicts(self.root, self.settings)
        self.faq_titles = self._faq_titles()
        self.addresses = SiteAddresses(project, self.files.source)
        self.posts: list[PostRecord] = self.addresses.posts
        self._markdown: Markdown | None = None
        self._block_kinds: dict[str, BlockKind] | None = None
        # The checks of one file run one after another and share its conversion (see check.blocks.render).
        self.last_rendered: tuple[SourceFile, Any] | None = None
        self.page_anchors: dict[Path, frozenset[str]] = {}  # the ids each linked page's HTML holds (validation.links)

    # -- files -----------------------------------------------------------------
    def shown(self, path: Path) -> str:
        return self.files.shown(path)

    def source(self, path: Path) -> SourceFile:
        return self.files.source(path)

    # -- pictures --------------------------------------------------------------
    def image_problem(self, path: Path, shown_src: str) -> tuple[str, str] | None:
        return self.pictures.image_problem(path, shown_src)

    def judge_pictures_ahead(self, paths: Iterable[Path]) -> None:
        self.pictures.judge_ahead(paths)

    def save_caches(self) -> None:
        """Keep what this run learnt for the next."""
        self.pictures.save()

    @cached_property
    def identity(self) -> TemplateIdentity:
        """The template practice's identity less this site's own (rule ``template-identity``), once per context."""
        return template_identity(self.project.config)

    def _faq_titles(self) -> tuple[str, ...]:
        """The FAQ titles of the ``therapy_site.faq`` extension the build uses; the settings' when it is off."""
        try:
            faq = configured_extension(
                self.project.config, name="therapy_site.faq", extension_class=FaqExtension, plugin="therapy-site/faq"
            )
        except PluginError:  # the site does not use the extension (or misspelt an option: the build says so)
            return self.settings.faq_titles
        return tuple(faq.getConfig("titles"))

    # -- posts -----------------------------------------------------------------
    def post_slug(self, source: SourceFile) -> str | None:
        return self.addresses.post_slug(source)

    def unpublished(self, source: SourceFile) -> str | None:
        return self.addresses.unpublished(source)

    def pages_at(self, url: str) -> list[PageRecord]:
        return self.addresses.pages_at(url)

    # -- the site's /// blocks -----------------------------------------------------
    def block_kinds(self) -> dict[str, BlockKind]:
        """Every ``///`` block name the site's Markdown knows, with its options (from the registered classes)."""
        if self._block_kinds is None:
            self._block_kinds = block_kinds(self.markdown())
        return self._block_kinds

    # -- site URLs -------------------------------------------------------------
    @property
    def blog_dir(self) -> str:
        return self.addresses.blog_dir

    def page_url(self, source: SourceFile) -> str | None:
        return self.addresses.page_url(source)

    def site_path_exists(self, url_path: str) -> bool:
        return self.addresses.site_path_exists(url_path)

    # -- Markdown as the build converts it ---------------------------------------
    def markdown(self) -> Markdown:
        if self._markdown is None:
            config = self.project.config
            self._markdown = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        self._markdown.reset()
        return self._markdown


@dataclass(frozen=True)
class BlockKind:
    name: str
    options: frozenset[str]
    ours: bool  # one of our checked blocks (takeaways, booking, infographic): they do not nest
    raw_body: bool = False  # the body is data (an infographic's YAML), not Markdown


def block_kinds(md: Markdown) -> dict[str, BlockKind]:
    from pymdownx.blocks import BlocksProcessor

    from therapy_site.blocks.base import CheckedBlock

    kinds: dict[str, BlockKind] = {}
    for processor in md.parser.blockprocessors:
        if isinstance(processor, BlocksProcessor):
            for name, block in processor.blocks.items():
                options = frozenset(block.OPTIONS) | {"attrs"}
                kinds[name] = BlockKind(name, options, issubclass(block, CheckedBlock), _raw_body(block))
    return kinds


def _raw_body(block: type) -> bool:
    try:
        return block.on_markdown(None) == "raw"  # type: ignore[attr-defined]
    except Exception:  # a block whose on_markdown needs an instance: its body is Markdown
        return False
