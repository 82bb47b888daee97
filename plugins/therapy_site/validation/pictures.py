"""Verdicts on the site's pictures: each decoded once per run, and a file judged sound once is remembered
(by content) in ``.cache/`` so later checks and builds do not decode it again."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from functools import cached_property
from itertools import repeat
from pathlib import Path

from therapy_site.imaging.cache import write_atomic
from therapy_site.processes import keep_freed_memory, plan_workers, worker_pool
from therapy_site.validation.check_settings import Settings

PICTURES_PER_WORKER = 8  # fewer unknown pictures than this per core: judged one by one, no workers started


class PictureVerdicts:
    """The check's verdicts on picture files, for the project in ``root`` under ``settings``' limits."""

    def __init__(self, root: Path, settings: Settings) -> None:
        self.root = root
        self.settings = settings
        self._images: dict[tuple[str, str], tuple[str, str] | None] = {}

    def image_problem(self, path: Path, shown_src: str) -> tuple[str, str] | None:
        """:func:`images.image_problem` once per picture file per run (posts share pictures).

        Judging a picture decodes every pixel; a file whose exact bytes were judged sound before (by an
        earlier check or build of this project, :class:`GoodImages`) is not decoded again.
        """
        from therapy_site.validation.images import image_problem  # it imports the check context, which uses this

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

    def judge_ahead(self, paths: Iterable[Path]) -> None:
        """Decode the pictures not yet known sound across the machine's cores, before the rules run.

        The image rule then finds them in :attr:`good_images` instead of decoding them one after another
        (a site's first check or build decodes every picture). A picture found unsound is left to the rule,
        which decodes it again to word its finding. Too few pictures to pay for starting workers: nothing.
        """
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
    def good_images(self) -> GoodImages:
        return GoodImages(self.root / GOOD_IMAGES_FILE)

    def save(self) -> None:
        """Keep what this run learnt for the next (only if it judged a picture)."""
        if "good_images" in vars(self):
            self.good_images.save()


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
        try:
            write_atomic(self.file, json.dumps(sorted(self.known), indent=0).encode("utf-8"))
            self.changed = False
        except OSError:
            pass
