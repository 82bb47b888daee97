"""The build date: computed from the sources for each build, handed to sitemap and feeds, never put in os.environ."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from email.utils import formatdate
from pathlib import Path

import pytest
from mkdocs.config import load_config

from helpers import Build, copy_project
from therapy_site.feed.dates import SOURCE_DATE_EPOCH, build_date, newest_source_date

NEWEST = datetime(2025, 11, 20, tzinfo=UTC)  # the trust post's date.updated, the newest date in docs/


def test_build_date_is_the_newest_source_date_unless_the_environment_sets_one(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("---\ndate:\n  created: 2024-01-02\n  updated: 2024-03-04\n---\n# A\n")
    (docs / "b.md").write_text("---\ndate: 2024-02-01\n---\n# B\n")
    assert build_date(docs, environ={}) == datetime(2024, 3, 4, tzinfo=UTC)
    assert build_date(docs, environ={SOURCE_DATE_EPOCH: "86400"}) == datetime(1970, 1, 2, tzinfo=UTC)
    empty = tmp_path / "empty"
    empty.mkdir()
    now = datetime(2030, 1, 1, tzinfo=UTC)
    assert newest_source_date(empty) is None and build_date(empty, environ={}, now=now) == now


def test_every_build_recomputes_the_date_and_leaves_the_environment_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As ``mkdocs serve`` does: the config is loaded again and ``on_config`` runs again for each rebuild."""
    monkeypatch.delenv(SOURCE_DATE_EPOCH, raising=False)  # a caller's pinned date would hide the recomputation
    project = copy_project(tmp_path / "project")
    before = dict(os.environ)

    def configure() -> datetime:
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins["therapy-site"].on_config(config)  # the engine loads the feature plugins
        plugin = config.plugins["therapy-site/feed"]
        plugin.on_config(config)
        return plugin.build_date

    assert configure() == NEWEST
    post = project / "docs/blog/posts/role-of-trust-in-therapy.md"
    post.write_text(post.read_text(encoding="utf-8").replace("updated: 2025-11-20", "updated: 2026-02-03"))
    assert configure() == datetime(2026, 2, 3, tzinfo=UTC)
    # Material's own banner switch aside (it sets NO_MKDOCS_2_WARNING when loaded), nothing in the environment changed.
    ours = {key: value for key, value in os.environ.items() if key != "NO_MKDOCS_2_WARNING"}
    assert ours == {key: value for key, value in before.items() if key != "NO_MKDOCS_2_WARNING"}
    assert SOURCE_DATE_EPOCH not in os.environ


def test_sitemap_and_feeds_carry_dates_from_the_sources_not_the_clock(site_build: Build) -> None:
    sitemap = (site_build.site / "sitemap.xml").read_text(encoding="utf-8")
    # Each URL's lastmod is its own date (issue 15, tested in tests/seo): never later than the build date,
    # and the newest of them is the build date.
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert max(dates) == "2025-11-20" and len(dates) > 1
    stamp = formatdate(int(NEWEST.timestamp()))
    for feed in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        text = (site_build.site / feed).read_text(encoding="utf-8")
        assert f"<lastBuildDate>{stamp}</lastBuildDate>" in text, feed
        assert f"<pubDate>{stamp}</pubDate>" in text, feed


def _item_dates(build: Build, feed: str) -> dict[str, str]:
    text = (build.site / feed).read_text(encoding="utf-8")
    return dict(re.findall(r"<item>.*?<link>([^<]+)</link>\s*<pubDate>([^<]+)</pubDate>", text, re.DOTALL))


def test_posts_without_an_update_date_keep_their_creation_date_in_the_updated_feed(site_build: Build) -> None:
    created, updated = _item_dates(site_build, "feed_rss_created.xml"), _item_dates(site_build, "feed_rss_updated.xml")
    trust = "https://stillwater-therapy.example/blog/role-of-trust-in-therapy/"
    assert len(updated) == len(created) >= 4 and set(updated) == set(created)
    assert (created[trust], updated[trust]) == ("Fri, 14 Nov 2025 00:00:00 +0000", "Thu, 20 Nov 2025 00:00:00 +0000")
    for link in set(updated) - {trust}:  # no date.updated: the creation date, never the build date
        assert updated[link] == created[link], link
