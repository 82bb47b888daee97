"""Shared pieces of the search/sharing/trust tests: the variant site and readers for JSON-LD and meta tags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import Build, copy_project, load_config, make_post, paginate, run_build, write_config

VARIANT_POSTS = {
    # A post with a plain "## Sources" section, a reviewer, no hero and FAQ markup switched off.
    "sources-heading.md": make_post(
        "Intro paragraph.\n\n<!-- more -->\n\n## Body\n\nA claim that needs a source.\n\n"
        "## Frequently Asked Questions\n\n### Is this a question?\n\nYes, it is.\n\n"
        "## Sources\n\n"
        "- [The alliance in adult psychotherapy](https://doi.org/10.1037/pst0000172), Psychotherapy, "
        "American Psychological Association\n"
        "- [Control mastery theory](https://en.wikipedia.org/wiki/Control_mastery_theory), Wikipedia\n",
        title="Sources written as a heading",
        slug="sources-heading",
        date="2025-06-01",
        extra="faq: false\nreviewed_by: anna\nlast_reviewed: 2020-01-15\n",
    ),
    # Three short posts so that listings paginate, with distinct created/updated dates.
    "older.md": make_post("Older body.\n", title="An older post", slug="older", date="2025-01-10"),
    "updated.md": make_post("Updated body.\n", title="An updated post", slug="updated", date="2025-02-10").replace(
        "  created: 2025-02-10\n", "  created: 2025-02-10\n  updated: 2025-03-05\n"
    ),
}


def build_variant(
    tmp: Path,
    *,
    posts: dict[str, str] | None = None,
    tweak: Any = None,
    git: bool = False,
    paged: bool = False,
    warm: bool = True,
) -> Build:
    """Copy the project, add posts, let ``tweak(config, project)`` change it, optionally commit it to git, build."""
    import subprocess

    project = copy_project(tmp / "project", warm=warm)
    for name, markdown in (posts or {}).items():
        (project / "docs" / "blog" / "posts" / name).write_text(markdown, encoding="utf-8")
    if tweak is not None or paged:
        config = load_config(project)
        if paged:  # two posts a page, so that listings have a page 2 (the site itself lists ten)
            paginate(config, 2)
        if tweak is not None:
            tweak(config, project)
        write_config(project, config)
    if git:
        env = {
            "GIT_AUTHOR_DATE": "2025-04-03T10:00:00+00:00",
            "GIT_COMMITTER_DATE": "2025-04-03T10:00:00+00:00",
            "HOME": str(tmp),
            "PATH": "/usr/bin:/bin",
        }
        for command in (
            ["git", "init", "-q"],
            ["git", "add", "-A"],
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "site"],
        ):
            subprocess.run(command, cwd=project, env=env, check=True)
    return run_build(project)


def meta_content(build: Build, url_path: str, attribute: str, name: str) -> list[str]:
    return build.html(url_path).xpath(f"//head/meta[@{attribute}='{name}']/@content")
