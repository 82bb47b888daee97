"""Ship files that live outside ``docs/`` (our fonts, each feature's stylesheet) into the site.

Stylesheets reach the reader as ONE small bundle: each feature registers its
sheet with :func:`add_stylesheet` in ``on_files``; the theme plugin, after every
other plugin's ``on_files``, calls :func:`bundle_stylesheets`, which joins the
registered sheets (in registration order, i.e. plugin order in ``mkdocs.yml``)
and then the site's own local ``extra_css`` (so the site's rules win) into
``assets/therapy-site/bundle.<hash>.css``, after any theme sheet the caller
hands over (Material's palette, see ``therapy_site.material.styles``). One
render-blocking request instead of one per feature; each part is minified
(``rcssmin``: comments and white space are a third of the gzipped bytes) under
a one-line comment naming it; the content hash in the name lets hosts cache it forever.
The registry is the build's own ``Files``: nothing outlives the build.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Sequence
from pathlib import Path

import rcssmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

PACKAGE_ASSET_PREFIX = "assets/therapy-site"
PART_PREFIX = f"{PACKAGE_ASSET_PREFIX}/parts/"
BUNDLE_NAME = re.compile(r"^assets/therapy-site/bundle\.[0-9a-f]+\.css$")
CSS_URL = re.compile(r"""url\(\s*(?P<quote>["']?)(?P<url>[^"')]+)(?P=quote)\s*\)""")


def add_file(files: Files, config: MkDocsConfig, site_path: str, source: Path) -> None:
    """Add ``source`` to the build as ``site_path`` unless the docs already hold that path."""
    if files.get_file_from_path(site_path) is None:
        files.append(File.generated(config, site_path, abs_src_path=str(source)))


def add_stylesheet(files: Files, config: MkDocsConfig, source: Path) -> str:
    """Register a packaged stylesheet for the site's bundle (call from ``on_files``); return its part path.

    The part is not published on its own: :func:`bundle_stylesheets` replaces all parts with the bundle.
    """
    site_path = f"{PART_PREFIX}{source.name}"
    add_file(files, config, site_path, source)
    return site_path


def add_stylesheet_text(files: Files, config: MkDocsConfig, name: str, css: str) -> str:
    """Register a stylesheet computed at build time (``name`` like ``fallback.css``) for the bundle."""
    site_path = f"{PART_PREFIX}{name}"
    existing = files.get_file_from_path(site_path)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, site_path, content=css))
    return site_path


def _rebase_urls(css: str, from_path: str, to_path: str) -> str:
    """Rewrite relative ``url()``s of a sheet published at ``from_path`` for one published at ``to_path``."""
    from_dir, to_dir = posixpath.dirname(from_path), posixpath.dirname(to_path)

    def rebase(match: re.Match[str]) -> str:
        url = match.group("url").strip()
        if re.match(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", url, re.IGNORECASE):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(from_dir, url))
        return f'url("{posixpath.relpath(target, to_dir or ".")}")'

    return CSS_URL.sub(rebase, css)


def bundle_stylesheets(files: Files, config: MkDocsConfig, leading: Sequence[File] = ()) -> str | None:
    """Join ``leading``, the registered parts and the local ``extra_css`` into one hashed sheet; reference only it.

    ``leading`` are sheets the theme publishes (they stay published; the caller stops linking them).
    Returns the bundle's site path (``None`` when there is nothing to bundle). Remote
    ``extra_css`` entries stay where they are. Safe to call again on ``mkdocs serve`` rebuilds.
    """
    extra_css = [path for path in config.extra_css if not BUNDLE_NAME.match(str(path))]
    parts: list[tuple[str, File]] = [(file.src_uri, file) for file in files if file.src_uri.startswith(PART_PREFIX)]
    local_extra = [str(path) for path in extra_css if files.get_file_from_path(str(path)) is not None]
    parts += [(path, files.get_file_from_path(path)) for path in local_extra]  # type: ignore[misc]
    if not parts:
        return None
    parts = [(file.src_uri, file) for file in leading] + parts
    placeholder = f"{PACKAGE_ASSET_PREFIX}/bundle.css"
    chunks = []
    for site_path, file in parts:
        # A part's relative URLs were written for the package folder it was published in before bundling.
        written_for = site_path.replace(PART_PREFIX, f"{PACKAGE_ASSET_PREFIX}/", 1)
        css = rcssmin.cssmin(_rebase_urls(file.content_string, written_for, placeholder))
        chunks.append(f"/* {posixpath.basename(site_path)} */\n{css.strip()}\n")
    text = "".join(chunks)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    bundle_path = f"{PACKAGE_ASSET_PREFIX}/bundle.{digest}.css"
    for _, file in parts:
        if file.src_uri.startswith(PART_PREFIX):
            files.remove(file)
    files.append(File.generated(config, bundle_path, content=text))
    config.extra_css[:] = [path for path in extra_css if str(path) not in local_extra] + [bundle_path]
    return bundle_path
