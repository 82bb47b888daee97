"""The ``therapy-site`` MkDocs plugin: the one plugin entry a practice's ``mkdocs.yml`` lists.

In ``on_config`` (before any other plugin's) it

* gives the practice's facts their defaults (``extra.practice.name`` from ``site_name``,
  ``site_author`` and ``copyright`` from the practice);
* sets the theme up as every site needs it: no web fonts from another origin
  (``font: false``, always), our palette and features unless the site chose its own;
* adds the Markdown extensions pages are written with, and fills our extensions' options
  that follow from ``extra.practice`` and ``site_url`` (a site's own options win);
* loads Material's blog, the rss plugin and each ``therapy-site/<feature>`` plugin in the
  order the build needs, with our defaults under the site's own options
  (``therapy-site: {blog: {categories_allowed: [...]}}``; ``false`` leaves one out), and
  places their events where this plugin stands in the site's list, as Material's group
  plugin does for its plugins.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import version
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from therapy_site.engine.settings import (
    CONTENT_EXTENSIONS,
    MATERIAL_FEATURES,
    MATERIAL_PALETTE,
    PLUGINS,
    STANDARD_EXTENSIONS,
    derived_extension_options,
    feature_options,
)
from therapy_site.material.plugin import add_templates_dir

PLUGIN = "therapy-site"


class EngineConfig(Config):
    validation = c.Optional(c.Type((dict, bool)))
    blog = c.Optional(c.Type((dict, bool)))
    material = c.Optional(c.Type((dict, bool)))
    theme = c.Optional(c.Type((dict, bool)))
    rss = c.Optional(c.Type((dict, bool)))
    feed = c.Optional(c.Type((dict, bool)))
    infographics = c.Optional(c.Type((dict, bool)))
    social = c.Optional(c.Type((dict, bool)))
    security = c.Optional(c.Type((dict, bool)))
    faq = c.Optional(c.Type((dict, bool)))
    citations = c.Optional(c.Type((dict, bool)))
    schema = c.Optional(c.Type((dict, bool)))
    booking = c.Optional(c.Type((dict, bool)))
    takeaways = c.Optional(c.Type((dict, bool)))
    seo = c.Optional(c.Type((dict, bool)))
    guidance = c.Optional(c.Type((dict, bool)))
    pictures = c.Optional(c.Type((dict, bool)))
    # <meta name="generator" content="therapy-site X.Y.Z"> on every page: off unless the practice wants it.
    generator = c.Type(bool, default=False)


class EnginePlugin(BasePlugin[EngineConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.starting = True
        self.features: dict[str, BasePlugin] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Once per ``mkdocs build`` or ``serve`` process: the features loaded next start the same way."""
        self.command, self.dirty, self.starting = command, dirty, True

    @event_priority(150)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        configure_site(config)
        self._load_features(config)
        return config

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        env.globals["therapy_generator"] = f"therapy-site {version('therapy-site')}" if self.config.generator else ""
        return env

    def _load_features(self, config: MkDocsConfig) -> None:
        schema: Any = dict(config._schema)["plugins"]
        self.features = {}
        created: list[BasePlugin] = []
        for option, name, defaults in PLUGINS:
            options = feature_options(option, defaults, self.config[option], config.site_url, config.theme["favicon"])
            if options is None:
                continue
            if name in config.plugins or f"material/{name}" in config.plugins:
                raise PluginError(
                    f"mkdocs.yml: plugins: '{name}' is set up by '{PLUGIN}'; remove it from 'plugins' "
                    f"(its options go under '{PLUGIN}: {{{option}: ...}}')"
                )
            cached = set(schema.plugin_cache.values())
            try:
                registered, plugin = schema.load_plugin_with_namespace(name, options)
            except ValidationError as error:
                raise PluginError(f"mkdocs.yml: plugins: {PLUGIN}: {option}: {error}") from error
            self.features[registered] = plugin
            if plugin not in cached:
                created.append(plugin)
        for events in config.plugins.events.values():
            _place_events(events, config, self)
        starting = list(self.features.values()) if self.starting else created
        self.starting = False
        for plugin in starting:
            startup = getattr(plugin, "on_startup", None)
            if callable(startup):
                startup(command=self.command, dirty=self.dirty)


def configure_site(config: MkDocsConfig) -> None:
    """Everything the engine sets up but the plugins: the practice's defaults, the extensions, the theme."""
    practice = config.extra.setdefault("practice", {})
    if isinstance(practice, dict):
        _practice_defaults(config, practice)
        _add_extensions(config, practice)
    _theme_defaults(config)


def _practice_defaults(config: MkDocsConfig, practice: dict[str, Any]) -> None:
    practice.setdefault("name", config.site_name)
    person = practice.get("practitioner") or {}
    if not config.site_author and isinstance(person, dict) and person.get("name"):
        config.site_author = str(person["name"])
    if not config.copyright and practice.get("name"):
        config.copyright = str(practice["name"])


def _add_extensions(config: MkDocsConfig, practice: dict[str, Any]) -> None:
    """Add the standard and content extensions a site does not list; derived options under the site's own."""
    names = [entry for entry in config.markdown_extensions if isinstance(entry, str)]
    for name, options in STANDARD_EXTENSIONS:
        if name not in names:  # MkDocs lists toc and tables itself: those keep their place, with our options
            config.markdown_extensions.append(name)
        config.mdx_configs[name] = {**options, **(config.mdx_configs.get(name) or {})}
    derived = derived_extension_options(practice, config.site_url)
    for name in CONTENT_EXTENSIONS:
        if name not in names and f"{name}.extension" not in names:
            config.markdown_extensions.append(name)
        if name in derived:
            config.mdx_configs[name] = {**derived[name], **(config.mdx_configs.get(name) or {})}


def _theme_defaults(config: MkDocsConfig) -> None:
    """Material's settings every practice's site needs; the palette and features only when the site set none."""
    theme = config.theme
    add_templates_dir(theme)  # before any plugin reads a template (Material's search reads the language's)
    theme["font"] = False  # Material would load Google Fonts: a request to another company on every page
    if not theme.get("features"):
        theme["features"] = list(MATERIAL_FEATURES)
    if not theme.get("palette"):
        theme["palette"] = [dict(scheme) for scheme in MATERIAL_PALETTE]
    if theme.custom_dir and theme.custom_dir not in config.watch:
        config.watch.append(theme.custom_dir)


def _place_events(events: list[Callable[..., Any]], config: MkDocsConfig, engine: EnginePlugin) -> None:
    """Order ``events`` by priority, then by where each plugin stands, the features where the engine stands."""
    positions = {id(plugin): index for index, plugin in enumerate(config.plugins.values())}
    engine_position = positions.get(id(engine), len(positions))
    feature_rank = {id(plugin): index for index, plugin in enumerate(engine.features.values())}
    ranks: list[float] = []
    for method in events:
        owner = getattr(method, "__self__", None)
        if id(owner) in feature_rank:
            rank = engine_position + (1 + feature_rank[id(owner)]) / (len(feature_rank) + 2)
        elif owner is not None and id(owner) in positions:
            rank = float(positions[id(owner)])
        else:
            rank = ranks[-1] if ranks else -1.0  # a hook: keep it where it is
        ranks.append(rank)
    ordered = sorted(
        zip(events, ranks, strict=True), key=lambda pair: (-getattr(pair[0], "mkdocs_priority", 0), pair[1])
    )
    events[:] = [method for method, _ in ordered]
