"""How a MkDocs plugin reaches the Markdown extension its feature declares in ``mkdocs.yml``.

Content features are Markdown extensions, listed with their options under
``markdown_extensions`` (so plain Python-Markdown and Zensical run them too).
The feature's plugin does not add the extension; it finds the declared entry
and replaces it, in place, by an instance built from the same options plus what
only a build has: the reporter of ``file:line`` problems, the page-data
collector, the infographics drawing context.
"""

from __future__ import annotations

from typing import Any, TypeVar

from markdown import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

E = TypeVar("E", bound=Extension)


def configured_extension(
    config: MkDocsConfig,
    *,
    name: str,
    extension_class: type[E],
    plugin: str,
    **runtime: Any,
) -> E:
    """The instance of ``name`` (e.g. ``therapy_site.faq``) the build will use, with ``runtime`` options set.

    ``runtime`` holds callables and objects that cannot be written in YAML. A clear
    :class:`PluginError` names what to add when the site enabled the plugin but
    removed the extension.
    """
    aliases = {name, f"{name}.extension"}
    for index, entry in enumerate(config.markdown_extensions):
        if isinstance(entry, extension_class):  # on_config ran before on this config (e.g. the CLI, then a build)
            entry.setConfigs(runtime)
            return entry
        if not isinstance(entry, str) or entry not in aliases:
            continue
        entry_name = entry
        options = dict(config.mdx_configs.pop(entry_name, None) or {})
        try:
            extension = extension_class(**options, **runtime)
        except ValueError as error:  # our extensions name a mistyped option (therapy_site.options)
            raise PluginError(f"mkdocs.yml: markdown_extensions: {error}") from error
        config.markdown_extensions[index] = extension  # type: ignore[call-overload]
        return extension
    raise PluginError(
        f"{plugin}: the Markdown extension '{name}' is not enabled; add it under 'markdown_extensions' "
        f"in mkdocs.yml (e.g. '  - {name}'), or remove '{plugin}' from 'plugins'"
    )
