"""What the engine sets up for every site: the plugins in their order, the Markdown extensions, the theme.

Pure data and pure functions of a site's own facts (``site_url``, ``extra.practice``):
the engine plugin applies them, and tests or tools (a Zensical config, which runs no
MkDocs plugin) can compute the same values.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from therapy_site.material.partials import TEMPLATES_DIR

# (option of the `therapy-site` plugin, plugin name MkDocs knows, our defaults), in the order the build needs:
# validation first (before any page is read); Material's blog before the features that read its posts;
# the rss plugin before feed and seo, which repair and date what it writes; seo last.
PLUGINS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("validation", "therapy-site/validation", {}),
    (
        "blog",
        "blog",
        {
            "blog_dir": "blog",
            "post_url_format": "{slug}",
            "post_date_format": "long",
            "post_readtime": True,
            "post_readtime_words_per_minute": 230,
            # A post dated in the future is scheduled: unpublished until that day (Material's own rule).
            "draft_if_future_date": True,
            "archive": True,
            "archive_date_format": "yyyy",
            "categories": True,
            "pagination": True,
            "pagination_per_page": 10,
            "authors": True,
            "authors_file": "{blog}/.authors.yml",
        },
    ),
    ("material", "therapy-site/material", {}),
    ("theme", "therapy-site/theme", {}),
    (
        "rss",
        "rss",
        {
            "match_path": "blog/posts/.*",
            # therapy-site/feed gives posts without date.updated their creation date, never the build time.
            "date_from_meta": {"as_creation": "date.created", "as_update": "date.updated"},
            "categories": ["categories"],
            "abstract_chars_count": 300,
            "use_git": False,
        },
    ),
    ("feed", "therapy-site/feed", {}),
    ("infographics", "therapy-site/infographics", {}),
    ("social", "therapy-site/social", {}),
    ("security", "therapy-site/security", {}),
    ("faq", "therapy-site/faq", {}),
    ("citations", "therapy-site/citations", {}),
    ("schema", "therapy-site/schema", {"page_types": {"book.md": "ContactPage"}}),
    ("booking", "therapy-site/booking", {"auto_end_of_post": True, "header_button": True}),
    ("takeaways", "therapy-site/takeaways", {}),
    ("seo", "therapy-site/seo", {}),
    ("guidance", "therapy-site/guidance", {}),  # the preview's writing-guidance panel; nothing in a build
    ("pictures", "therapy-site/pictures", {}),  # clean copies of the pictures MkDocs copied, after every other plugin
)

# Markdown extensions every page is written with, added when a site does not list them (its own options win).
STANDARD_EXTENSIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("abbr", {}),
    ("attr_list", {}),
    ("md_in_html", {}),
    ("def_list", {}),
    ("footnotes", {}),
    ("tables", {}),
    ("toc", {"permalink": True, "permalink_title": "Link to this section"}),
    ("admonition", {}),
    ("pymdownx.details", {}),
    ("pymdownx.superfences", {}),
    ("pymdownx.smartsymbols", {}),
    ("pymdownx.blocks.html", {}),
)

CONTENT_EXTENSIONS = (
    "therapy_site.takeaways",
    "therapy_site.faq",
    "therapy_site.infographics",
    "therapy_site.booking",
    "therapy_site.citations",
)

MATERIAL_FEATURES = ["navigation.tabs", "navigation.footer", "navigation.top", "toc.follow", "search.highlight"]

MATERIAL_PALETTE = [
    {
        "media": "(prefers-color-scheme: light)",
        "scheme": "default",
        "primary": "custom",
        "accent": "custom",
        "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"},
    },
    {
        "media": "(prefers-color-scheme: dark)",
        "scheme": "slate",
        "primary": "custom",
        "accent": "custom",
        "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"},
    },
]


def site_host(site_url: str | None) -> str:
    """``harbourlight-counselling.co.uk`` for ``https://harbourlight-counselling.co.uk/``."""
    return urlsplit(site_url or "").hostname or ""


def derived_extension_options(practice: dict[str, Any], site_url: str | None) -> dict[str, dict[str, Any]]:
    """Our extensions' options that follow from the practice's facts (a site's own options win over these)."""
    crisis = practice.get("crisis") or {}
    contact = {key: practice[key] for key in ("phone", "email") if practice.get(key)}
    urgent = {
        key: crisis[key] for key in ("text", "line_name", "line_phone", "emergency_phone") if crisis.get(key)
    }
    booking: dict[str, Any] = {}
    if practice.get("booking_url"):
        booking["url"] = str(practice["booking_url"])
    if contact:
        booking["contact"] = {"text": "Prefer not to book online?", **contact}
    if urgent:
        booking["urgent"] = {
            **urgent,
            "url": "/" + str(crisis.get("page") or "urgent-help/").lstrip("/"),
            "link_text": "Where to get urgent help",
        }
    infographics: dict[str, Any] = {"brand": str(practice.get("name") or "")}
    if site_url:
        infographics.update(domain=site_host(site_url), site_url=site_url)
    return {"therapy_site.booking": booking, "therapy_site.infographics": infographics}


def feed_image(site_url: str | None, favicon: str | None) -> str | None:
    """The feeds' channel image: the site's own favicon at its own address."""
    if not site_url or not favicon:
        return None
    return urljoin(site_url, favicon)


def feature_options(
    option: str, defaults: dict[str, Any], chosen: Any, site_url: str | None, favicon: str | None
) -> dict[str, Any] | None:
    """One feature plugin's options: our defaults under the site's own (``chosen``); ``None`` when it is off."""
    if chosen is False:
        return None
    options = {**defaults, **(chosen if isinstance(chosen, dict) else {})}
    if option == "rss" and "image" not in options:
        image = feed_image(site_url, favicon)
        if image:
            options["image"] = image
    return options


def extension_configs(practice: dict[str, Any], site_url: str | None, declared: dict[str, Any]) -> dict[str, Any]:
    """Every extension the engine would run, with its options: for a tool that runs no MkDocs plugin (Zensical)."""
    derived = derived_extension_options(practice, site_url)
    result: dict[str, Any] = {name: {**options, **(declared.get(name) or {})} for name, options in STANDARD_EXTENSIONS}
    for name in CONTENT_EXTENSIONS:
        result[name] = {**derived.get(name, {}), **(declared.get(name) or {})}
    return result


def site_templates_left_out(site: dict[str, Any]) -> str | None:
    """The site's own template folder, which :func:`explicit_site_config` cannot keep beside the package's."""
    custom_dir = (site.get("theme") or {}).get("custom_dir")
    return str(custom_dir) if custom_dir else None


def explicit_site_config(site: dict[str, Any]) -> dict[str, Any]:
    """A site's ``mkdocs.yml`` (as loaded YAML) with everything the engine sets up written out.

    The plugins one by one (``search`` and the site's others, then ours in their order, with their
    options), every Markdown extension with its options, the theme's settings: what a tool that runs
    no ``therapy-site`` plugin needs (Zensical), and what a test that changes one plugin starts from.
    """
    result = dict(site)
    practice = dict((site.get("extra") or {}).get("practice") or {})
    practice.setdefault("name", site.get("site_name"))
    result["extra"] = {**(site.get("extra") or {}), "practice": practice}
    engine: dict[str, Any] = {}
    plugins: list[Any] = []
    for entry in site.get("plugins") or []:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        if name == "therapy-site":
            engine = dict((entry[name] if isinstance(entry, dict) else None) or {})
            continue
        plugins.append(entry)
    theme = dict(site.get("theme") or {})
    theme["font"] = False
    # The package's templates as the theme's one folder of its own (Zensical has no plugin to put them on its
    # path, and takes one such folder: a site's own overrides/ are left out, see site_templates_left_out).
    theme["custom_dir"] = str(TEMPLATES_DIR)
    theme.setdefault("features", list(MATERIAL_FEATURES))
    theme.setdefault("palette", [dict(scheme) for scheme in MATERIAL_PALETTE])
    result["theme"] = theme
    for option, name, defaults in PLUGINS:
        options = feature_options(option, defaults, engine.get(option), site.get("site_url"), theme.get("favicon"))
        if options is not None:
            plugins.append({name: options} if options else name)
    result["plugins"] = plugins
    declared: dict[str, Any] = {}
    for entry in site.get("markdown_extensions") or []:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        declared[name] = dict((entry[name] if isinstance(entry, dict) else None) or {})
    configs = {**declared, **extension_configs(practice, site.get("site_url"), declared)}
    result["markdown_extensions"] = [
        {name: options} if options or name in CONTENT_EXTENSIONS else name for name, options in configs.items()
    ]
    return result
