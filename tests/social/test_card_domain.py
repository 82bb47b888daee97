"""Share cards draw the published domain, in a build and under ``mkdocs serve`` (which swaps site_url for its
own address): the same card, the same cache key, so a preview reuses the cards the build drew."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config

from helpers import copy_project
from therapy_site.social.cards import page_card_key


def card_plugin(project: Path, command: str):  # type: ignore[no-untyped-def]
    config = load_config(config_file=str(project / "mkdocs.yml"))
    config.plugins.on_startup(command=command, dirty=False)
    if command == "serve":
        config.site_url = "http://127.0.0.1:8000/"  # what `mkdocs serve` does before the build runs
    config = config.plugins.on_config(config)
    return config, config.plugins["therapy-site/social"]


def test_serve_draws_and_keys_cards_with_the_configured_domain(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    built_config, built = card_plugin(project, "build")
    served_config, served = card_plugin(project, "serve")
    configured = urlsplit(built_config.site_url).netloc
    assert configured and "127.0.0.1" not in configured
    assert served_config.site_url.startswith("http://127.0.0.1:8000")
    assert served.domain == built.domain == configured
    renderer = built.renderer
    assert page_card_key("T", "D", renderer, served.brand, served.domain) == page_card_key(
        "T", "D", renderer, built.brand, built.domain
    )
