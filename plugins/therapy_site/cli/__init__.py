"""The ``therapy-site`` command: authoring tools for the practitioner."""

from __future__ import annotations

import click


@click.group()
@click.version_option(package_name="therapy-site")
def main() -> None:
    """Authoring tools for the practice website."""
