"""``robots.txt``, written from the site's own address (a site may still ship its own in ``docs/``)."""

from __future__ import annotations

from urllib.parse import urljoin


def robots_txt(site_url: str | None) -> str:
    """Allow every crawler and name the sitemap at the site's own address (no sitemap line without one)."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {urljoin(site_url, 'sitemap.xml')}"]
    return "\n".join(lines) + "\n"
