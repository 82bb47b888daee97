"""What every rule may look at besides the file itself: the project, every post's slug, the settings.

Built from the site's loaded config (our plugins' ``on_config`` applied), by
``therapy-site check`` and by the build's validation plugin alike.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from markdown import Markdown
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from therapy_site.project import Project
from therapy_site.dates import as_date
from therapy_site.faq.extension import DEFAULT_TITLES, FaqExtension
from therapy_site.review.freshness import DEFAULT_MAX_AGE_MONTHS
from therapy_site.validation.files import content_files
from therapy_site.validation.identity import TemplateIdentity, template_identity
from therapy_site.validation.source import SourceFile
from therapy_site.wiring import configured_extension

DEFAULT_IMAGE_BUDGET_KB = 200
DEFAULT_DESCRIPTION_LENGTH = (50, 160)
# Hard limits: beyond them an image is refused (the weight budget above is advice).
DEFAULT_IMAGE_MAX_MB = 5
DEFAULT_IMAGE_MAX_MEGAPIXELS = 40
PICTURES_PER_WORKER = 8  # fewer unknown pictures than this per core: judged one by one, no workers started


def default_phrases() -> dict[str, str]:
    """The packaged list of phrases to avoid or reword (``phrases.yml``)."""
    text = resources.files("therapy_site.validation").joinpath("phrases.yml").read_text(encoding="utf-8")
    return {str(phrase): str(advice) for phrase, advice in (yaml.safe_load(text) or {}).items()}


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as whole words, any spacing, any case."""
    words = (re.escape(word) for word in phrase.split())
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


@dataclass
class Settings:
    """``extra.therapy_check`` in mkdocs.yml; every key is optional."""

    image_budget_kb: int = DEFAULT_IMAGE_BUDGET_KB
    description_min: int = DEFAULT_DESCRIPTION_LENGTH[0]
    description_max: int = DEFAULT_DESCRIPTION_LENGTH[1]
    phrases: dict[str, str] = field(default_factory=default_phrases)
    faq_titles: tuple[str, ...] = DEFAULT_TITLES
    image_max_mb: float = DEFAULT_IMAGE_MAX_MB
    image_max_megapixels: float = DEFAULT_IMAGE_MAX_MEGAPIXELS
    review_max_age_months: int = DEFAULT_MAX_AGE_MONTHS  # warn when last_reviewed is older

    @cached_property
    def phrase_patterns(self) -> list[tuple[re.Pattern[str], str, str]]:
        """Each phrase compiled once per check run (no module-level cache), with its longest word case-folded:
        text whose case-folded form lacks that word cannot match, and a substring test is far cheaper."""
        return [
            (phrase_pattern(phrase), advice, max(phrase.split(), key=len).casefold())
            for phrase, advice in self.phrases.items()
        ]

    @classmethod
    def from_extra(cls, raw: dict[str, Any]) -> Settings:
        settings = cls()
        if "image_budget_kb" in raw:
            settings.image_budget_kb = int(raw["image_budget_kb"])
        if "image_max_mb" in raw:
            settings.image_max_mb = float(raw["image_max_mb"])
        if "image_max_megapixels" in raw:
            settings.image_max_megapixels = float(raw["image_max_megapixels"])
        if "review_max_age_months" in raw:
            settings.review_max_age_months = int(raw["review_max_age_months"])
        if "description_length" in raw:
            settings.description_min, settings.description_max = (int(value) for value in raw["description_length"])
        # A phrase mapped to false (or null) switches a default off; other values add or replace advice.
        for phrase, advice in (raw.get("phrases") or {}).items():
            if advice in (False, None):
                settings.phrases.pop(str(phrase), None)
            else:
                settings.phrases[str(phrase)] = str(advice)
        return settings


@dataclass
class PageRecord:
    path: Path  # resolved
    shown: str
    url: str
    is_post: bool


@dataclass
class PostRecord:
    path: Path  # resolved
    shown: str
    slug: str
    slug_line: int


class CheckContext:
    def __init__(self, project: Project, cwd: Path | None = None) -> None:
        self.project = project
        # Findings name files relative to the project root (where mkdocs.yml is), so editors can open them.
        self.root = project.config_file.parent
        self.cwd = cwd or self.root
        self.settings = Settings.from_extra(project.settings)
        self._sources: dict[str, SourceFile] = {}
        self._images: dict[tuple[str, str], tuple[str, str] | None] = {}
        self.faq_titles = self._faq_titles()
        self.posts = self._read_posts()
        self._markdown: Markdown | None = None
        self._block_kinds: dict[str, BlockKind] | None = None
        self._pages: list[PageRecord] | None = None
        # The checks of one file run one after another and share its conversion (see check.blocks.render).
        self.last_rendered: tuple[SourceFile, Any] | None = None

    # -- files -----------------------------------------------------------------
    def shown(self, path: Path) -> str:
        """A path relative to the project root (else to the current folder, else as given), with '/'."""
        absolute = Path(os.path.abspath(path))
        for base in (self.root, self.cwd):
            try:
                return absolute.relative_to(os.path.abspath(base)).as_posix()
            except ValueError:
                continue
        return path.as_posix()

    def source(self, path: Path) -> SourceFile:
        """The file read once per context (the rules only read it; the slug and address maps reuse it)."""
        key = os.path.abspath(path)
        if key not in self._sources:
            self._sources[key] = self._read(path)
        return self._sources[key]

    def image_problem(self, path: Path, shown_src: str) -> tuple[str, str] | None:
        """:func:`images.image_problem` once per picture file per context (posts share pictures).

        Judging a picture decodes every pixel; a file whose exact bytes were judged sound before (by an
        earlier check or build of this project, :class:`GoodImages`) is not decoded again.
        """
        from therapy_site.validation.images import image_problem

        key = (os.path.abspath(path), shown_src)
        if key not in self._images:
            settings = self.settings
            fingerprint = self.good_images.fingerprint(path, self._image_limits)
            if fingerprint is not None and fingerprint in self.good_images:
                self._images[key] = None
            else:
                problem = image_problem(path, shown_src, settings.image_max_megapixels, settings.image_max_mb)
                if problem is None and fingerprint is not None:
                    self.good_images.add(fingerprint)
                self._images[key] = problem
        return self._images[key]

    @property
    def _image_limits(self) -> str:
        return f"{self.settings.image_max_megapixels}:{self.settings.image_max_mb}"

    def judge_pictures_ahead(self, paths: Iterable[Path]) -> None:
        """Decode the pictures not yet known sound across the machine's cores, before the rules run.

        The image rule then finds them in :attr:`good_images` instead of decoding them one after another
        (a site's first check or build decodes every picture). A picture found unsound is left to the rule,
        which decodes it again to word its finding. Too few pictures to pay for starting workers: nothing.
        """
        from therapy_site.processes import keep_freed_memory, plan_workers, worker_pool
        from therapy_site.validation.images import is_sound_picture

        unknown: dict[str, Path] = {}
        for path in paths:
            fingerprint = self.good_images.fingerprint(path, self._image_limits)
            if fingerprint is not None and fingerprint not in self.good_images:
                unknown.setdefault(fingerprint, path)
        plan = plan_workers(len(unknown), jobs_per_worker=PICTURES_PER_WORKER)
        if not plan.workers:
            return
        limits = (self.settings.image_max_megapixels, self.settings.image_max_mb)
        try:
            with worker_pool(plan, initializer=keep_freed_memory) as pool:
                verdicts = list(
                    pool.map(is_sound_picture, unknown.values(), repeat(limits), chunksize=PICTURES_PER_WORKER)
                )
        except Exception:  # a worker that crashed on a picture, or no processes here: the rule judges each one
            return
        for fingerprint, sound in zip(unknown, verdicts, strict=True):
            if sound:
                self.good_images.add(fingerprint)

    @cached_property
    def identity(self) -> TemplateIdentity:
        """The template practice's identity less this site's own (rule ``template-identity``), once per context."""
        return template_identity(self.project.config)

    @cached_property
    def good_images(self) -> GoodImages:
        return GoodImages(self.root / GOOD_IMAGES_FILE)

    def save_caches(self) -> None:
        """Keep what this run learnt for the next (only if it judged a picture)."""
        if "good_images" in vars(self):
            self.good_images.save()

    def _read(self, path: Path) -> SourceFile:
        docs = Path(os.path.abspath(self.project.docs_dir))
        absolute = Path(os.path.abspath(path))
        docs_path = absolute.relative_to(docs).as_posix() if absolute.is_relative_to(docs) else path.name
        is_post = absolute.is_relative_to(os.path.abspath(self.project.posts_dir))
        return SourceFile.read(path, self.shown(path), docs_path, is_post)

    def post_slug(self, source: SourceFile) -> str | None:
        return self.project.blog.post_slug(source.meta)

    def unpublished(self, source: SourceFile) -> str | None:
        """Why readers cannot reach ``source`` (a post): "a draft", "scheduled for 2026-03-01"; else ``None``."""
        if not source.is_post or source.read_error or source.meta_error:
            return None
        if source.meta.get("draft") is True:
            return "a draft"
        raw = source.meta.get("date")
        created = as_date(raw.get("created") if isinstance(raw, dict) else raw)
        if created is not None and created > date.today() and self.project.blog.future_is_draft:
            return f"scheduled for {created.isoformat()}"
        return None

    def _read_posts(self) -> list[PostRecord]:
        records = []
        for entry in content_files(self.project.posts_dir):
            if entry.problem is not None or entry.skipped:
                continue
            source = self.source(entry.path)
            slug = self.post_slug(source)
            if slug and isinstance(slug, str):
                records.append(PostRecord(entry.path.resolve(), source.shown, slug, source.key_line("slug")))
        return records

    def _faq_titles(self) -> tuple[str, ...]:
        """The FAQ titles of the ``therapy_site.faq`` extension the build uses; the settings' when it is off."""
        try:
            faq = configured_extension(
                self.project.config, name="therapy_site.faq", extension_class=FaqExtension, plugin="therapy-site/faq"
            )
        except PluginError:  # the site does not use the extension (or misspelt an option: the build says so)
            return self.settings.faq_titles
        return tuple(faq.getConfig("titles"))

    def pages_at(self, url: str) -> list[PageRecord]:
        """The readable pages and posts whose web address is ``url``."""
        if self._pages is None:
            self._pages = []
            for entry in content_files(self.project.docs_dir):
                if entry.problem is not None or entry.skipped:
                    continue
                source = self.source(entry.path)
                if source.read_error or source.meta_error:
                    continue
                page_url = self.page_url(source)
                if page_url is not None:
                    self._pages.append(PageRecord(entry.path.resolve(), source.shown, page_url, source.is_post))
        return [page for page in self._pages if page.url == url]

    # -- the site's /// blocks -----------------------------------------------------
    def block_kinds(self) -> dict[str, BlockKind]:
        """Every ``///`` block name the site's Markdown knows, with its options (from the registered classes)."""
        if self._block_kinds is None:
            self._block_kinds = block_kinds(self.markdown())
        return self._block_kinds

    # -- site URLs -------------------------------------------------------------
    @property
    def blog_dir(self) -> str:
        return self.project.blog.url_dir

    def page_url(self, source: SourceFile) -> str | None:
        """The page's URL path (``/about/``), or ``None`` when we cannot know it."""
        if source.is_post:
            return self.project.blog.post_url(self.post_slug(source))
        config = self.project.config
        file = File(source.docs_path, str(self.project.docs_dir), config.site_dir, config.use_directory_urls)
        return "/" + file.url.lstrip("./")

    def site_path_exists(self, url_path: str) -> bool:
        """Whether a site URL path such as ``/privacy/`` or ``/blog/my-post/`` will exist after the build."""
        path = posixpath.normpath(url_path).strip("/")
        if path in ("", "."):
            return True
        docs = self.project.docs_dir
        if (docs / path).is_file():
            return True
        if any((docs / candidate).is_file() for candidate in (f"{path}.md", f"{path}/index.md", f"{path}/README.md")):
            return True
        if path in GENERATED_FILES:
            return True
        return self.project.blog.view_exists(path, (record.slug for record in self.posts))

    # -- Markdown as the build converts it ---------------------------------------
    def markdown(self) -> Markdown:
        if self._markdown is None:
            config = self.project.config
            self._markdown = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        self._markdown.reset()
        return self._markdown


GOOD_IMAGES_FILE = ".cache/therapy-site/validation/good-images.json"


class GoodImages:
    """Fingerprints of picture files judged sound (content, limits, Pillow version), kept between runs."""

    def __init__(self, file: Path) -> None:
        self.file = file
        try:
            self.known = set(json.loads(file.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            self.known = set()
        self.changed = False

    @staticmethod
    def fingerprint(path: Path, limits: str) -> str | None:
        import PIL

        try:
            content = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
        return f"{content}:{limits}:{PIL.__version__}"

    def __contains__(self, fingerprint: str) -> bool:
        return fingerprint in self.known

    def add(self, fingerprint: str) -> None:
        self.known.add(fingerprint)
        self.changed = True

    def save(self) -> None:
        """Write the list if it grew (a folder that cannot be written to only costs the next run time)."""
        if not self.changed:
            return
        from therapy_site.imaging.cache import write_atomic

        try:
            write_atomic(self.file, json.dumps(sorted(self.known), indent=0).encode("utf-8"))
            self.changed = False
        except OSError:
            pass


GENERATED_FILES = frozenset(
    {"sitemap.xml", "sitemap.xml.gz", "404.html", "feed_rss_created.xml", "feed_rss_updated.xml", "search"}
)


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
