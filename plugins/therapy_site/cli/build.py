"""``therapy-site build`` and ``therapy-site serve``: MkDocs, run the way the site must always be built.

* ``build`` runs ``mkdocs build --strict`` into a fresh folder beside the
  site folder and puts it in place only when the build succeeded. MkDocs
  writes ``site/`` before it aborts a strict build, so building in place
  could leave a half-written site where a deploy would pick it up.
* Both pass ``NO_MKDOCS_2_WARNING=1`` to MkDocs, which silences Material's
  end-of-life banner: authors can do nothing about it.
* Never ``--quiet``: it hides warnings from the strict counter (mkdocs#4126).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

QUIET_THEME = {"NO_MKDOCS_2_WARNING": "1"}


def mkdocs_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def run_mkdocs(args: list[str], cwd: Path) -> int:
    """Run MkDocs in a child process with the banner switched off; return its exit code."""
    return subprocess.run(mkdocs_command(*args), cwd=cwd, env={**os.environ, **QUIET_THEME}, check=False).returncode


def replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, removing the old folder only after the new one is in place."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def build_site(config_file: Path, site_dir: Path) -> int:
    """Strict build into a temporary sibling of ``site_dir``; swap it in only on success."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    try:
        code = run_mkdocs(
            ["build", "--strict", "--config-file", str(config_file), "--site-dir", str(staging)], cwd=config_file.parent
        )
        if code == 0:
            replace_folder(staging, site_dir)
        return code
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def serve_site(config_file: Path, port: int) -> None:
    """Replace this process with ``mkdocs serve``, so Ctrl+C and signals reach MkDocs itself."""
    address = f"127.0.0.1:{port}"
    print(f"Preview at http://{address}/ (Ctrl+C stops it)", flush=True)
    os.chdir(config_file.parent)
    # Not strict: a page with a mistake is left out of the preview (the terminal says which and why) instead of
    # the preview stopping; `therapy-site build` stays strict. --dirty: rebuild only what an edit changes
    # (therapy-site/theme plans it: listings, related posts and neighbours included).
    command = mkdocs_command(
        "serve", "--config-file", str(config_file), "--dev-addr", address, "--livereload", "--no-strict", "--dirty"
    )
    os.execve(command[0], command, {**os.environ, **QUIET_THEME})
