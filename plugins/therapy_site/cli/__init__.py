"""The ``therapy-site`` command: authoring tools for the practitioner.

``therapy-site init DIR`` writes a new practice's site; ``therapy-site new "Title"``
starts a post; ``therapy-site check`` finds mistakes in posts and pages without
building the site; ``therapy-site build``
and ``therapy-site serve`` run MkDocs the way the site must be built. See
AUTHORING.md.
"""

from __future__ import annotations

import logging
from pathlib import Path

import click
import yaml

from therapy_site.cli.build import build_site, serve_site
from therapy_site.cli.check import CheckContext, check_paths, render
from therapy_site.cli.new import plan_post, write_post
from therapy_site.engine.settings import explicit_site_config, site_templates_left_out
from therapy_site.guidance.check import guide_paths, print_guidance, with_guidance_json
from therapy_site.init import AnswersProblem, ask_answers, is_empty_folder, load_answers, write_site
from therapy_site.project import Project, close_project, find_config_file, load_project
from therapy_site.validation.settings import check_practice_details

CONFIG_OPTION = click.option(
    "--config-file",
    "-f",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="The site's mkdocs.yml (default: the nearest one in this folder or above).",
)


class ConfigProblem(click.ClickException):
    """The site's configuration could not be loaded: exit code 2, unlike findings (1)."""

    exit_code = 2


@click.group()
@click.version_option(package_name="therapy-site")
def main() -> None:
    """Authoring tools for the practice website."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")


def _load(config_file: Path | None) -> Project:
    try:
        return load_project(config_file)
    except click.ClickException as problem:
        raise ConfigProblem(problem.message) from problem


@main.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--answers",
    "answers_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A YAML file with the answers (practice, site_url, practitioner, ...) instead of the questions.",
)
def init(directory: Path, answers_file: Path | None) -> None:
    """Write a new practice's website into DIRECTORY (default: this folder), which must be empty.

    Asks about the practice (or reads --answers FILE), then writes mkdocs.yml, the pages in
    docs/, a first blog post and neutral pictures. What it was not told is marked TODO.
    """
    if not is_empty_folder(directory):
        what = "a file" if not directory.is_dir() else "not empty"
        raise click.ClickException(
            f"{directory} is {what}; give the name of a new folder, e.g. therapy-site init my-site"
        )
    try:
        answers = load_answers(answers_file) if answers_file else ask_answers(Path.cwd())
    except AnswersProblem as problem:
        lines = "\n".join(f"  {answers_file}: {message}" for message in problem.problems)
        raise ConfigProblem(f"the answers cannot make a site; fix them and run init again:\n{lines}") from None
    written = write_site(directory, answers)
    click.echo(f"Created the website of {answers.practice} in {directory} ({len(written)} files).")
    missing = [
        what
        for what, given in (
            ("your photo", answers.photo),
            ("a few sentences about you (bio)", answers.bio),
            ("your fees", answers.fees),
            ("your services", answers.services),
        )
        if not given
    ]
    if missing:
        click.echo(f"Still to write: {', '.join(missing)}. Each is marked TODO.")
    click.echo(
        "\nNext:\n"
        f"  cd {directory}\n"
        "  pip install therapy-site     (once, if it is not installed yet)\n"
        "  therapy-site serve           preview the site at http://127.0.0.1:8000/\n"
        "  therapy-site check           list what to fix, as file:line\n"
        "  therapy-site build           build the finished site into site/\n"
        "Edit the pages in docs/ (plain text, in Markdown). Replace each TODO: 'therapy-site check' lists\n"
        "every one, and the site is not built until none is left. Read the Urgent help page's numbers once more."
    )


@main.command()
@click.argument("title")
@click.option("--category", "-c", default=None, help="The post's category (default: the first allowed one).")
@click.option("--slug", default=None, help="The web address after /blog/ (default: made from the title).")
@click.option("--author", default=None, help="Author key from .authors.yml (default: the first one).")
@CONFIG_OPTION
def new(title: str, category: str | None, slug: str | None, author: str | None, config_file: Path | None) -> None:
    """Start a new blog post called TITLE, with every block ready to fill in."""
    project = _load(config_file)
    try:
        context = CheckContext(project, Path.cwd())
        post = plan_post(project, context, title, category, slug, author)
        path, hero = write_post(project, post)
    finally:
        close_project(project)
    click.echo(f"Created {context.shown(path)}")
    if hero is not None:
        click.echo(f"Created {context.shown(hero)} (a placeholder picture: replace it with your own)")
    click.echo("Next: replace every TODO, preview with 'make serve', then run 'therapy-site check'.")
    click.echo("The post is a draft until you delete the line 'draft: true'.")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text: file:line:col lines; json: for tools; github: GitHub Actions annotations.",
)
@click.option("--guidance", "guidance_table", is_flag=True, help="Also print the writing guidance, one row per post.")
@click.option("--strict-guidance", is_flag=True, help="Exit with 1 when there is a writing-guidance warning too.")
@CONFIG_OPTION
def check(
    paths: tuple[Path, ...], output_format: str, guidance_table: bool, strict_guidance: bool, config_file: Path | None
) -> None:
    """Check PATHS (Markdown files or folders; default: the whole docs folder) for mistakes.

    Prints one line per finding as file:line:column: error|warning: message [rule], then the writing
    guidance (warnings and notes that never block publishing unless --strict-guidance).
    Exits with 1 when there is an error, 2 when the site's configuration cannot be read.
    """
    project = _load(config_file)
    try:
        context = CheckContext(project, Path.cwd())
        findings = check_paths(paths or (project.docs_dir,), context, theme=not paths)
        if not paths:  # the whole site: its settings too
            shown = context.shown(project.config_file)
            authors = project.authors_file
            findings[:0] = check_practice_details(
                project.config_file,
                shown,
                context.identity,
                authors_file=authors,
                authors_shown=context.shown(authors) if authors else None,
            )
        guided = guide_paths(paths or (project.docs_dir,), context)
    finally:
        close_project(project)
    output = render(findings, output_format)
    if output_format == "json":
        output = with_guidance_json(output, guided)
    if output:
        click.echo(output)
    errors = sum(finding.severity == "error" for finding in findings)
    if output_format != "json":
        click.echo(f"{errors} error(s), {len(findings) - errors} warning(s)", err=True)
    print_guidance(guided, output_format, show_table=guidance_table)
    if errors or (guided.fails and (strict_guidance or guided.settings.strict)):
        raise SystemExit(1)


@main.command()
@click.option(
    "--site-dir",
    "-d",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the finished site goes (default: site_dir in mkdocs.yml).",
)
@CONFIG_OPTION
def build(site_dir: Path | None, config_file: Path | None) -> None:
    """Build the site strictly; the site folder is replaced only when the build succeeds."""
    path = (config_file or find_config_file(Path.cwd())).resolve()
    target = site_dir or Path(_site_dir_of(path))
    code = build_site(path, target)
    if code:
        click.echo(f"The build failed: fix what is listed above. {target} was left as it was.", err=True)
        raise SystemExit(code)
    click.echo(f"Built the site into {target}", err=True)


@main.command()
@click.option("--port", "-p", type=int, default=8000, show_default=True, help="The local port to serve on.")
@CONFIG_OPTION
def serve(port: int, config_file: Path | None) -> None:
    """Preview the site at http://127.0.0.1:PORT/, rebuilt on every save."""
    path = (config_file or find_config_file(Path.cwd())).resolve()
    serve_site(path, port)


@main.command("explicit-config")
@CONFIG_OPTION
def explicit_config(config_file: Path | None) -> None:
    """Print the site's mkdocs.yml with everything the therapy-site plugin sets up written out.

    For a tool that runs no MkDocs plugin, such as Zensical:
    therapy-site explicit-config > zensical.yml && zensical build -f zensical.yml
    """
    path = (config_file or find_config_file(Path.cwd())).resolve()
    try:
        site = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as error:  # MkDocs' own tags (!ENV, !relative) included: write their values out
        raise ConfigProblem(f"{path}: {error}") from error
    if not isinstance(site, dict):
        raise ConfigProblem(f"{path}: not a mapping of settings")
    click.echo(yaml.safe_dump(explicit_site_config(site), sort_keys=False, allow_unicode=True), nl=False)
    left_out = site_templates_left_out(site)
    if left_out:
        click.echo(
            f"Note: the site's own templates ({left_out}) are not in this configuration: it names the package's "
            "templates as the theme's one folder of its own.",
            err=True,
        )


def _site_dir_of(config_file: Path) -> str:
    from mkdocs.config import load_config

    try:
        return str(load_config(config_file=str(config_file)).site_dir)
    except Exception as error:  # MkDocs reports configuration errors in many exception types
        raise ConfigProblem(f"{config_file}: {error}") from error
