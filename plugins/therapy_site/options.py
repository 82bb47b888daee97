"""Our Markdown extensions check their options by name and type, in MkDocs and in plain Python-Markdown alike.

Python-Markdown raises a bare ``KeyError`` for an unknown option and takes any value for a known one: a
``titles: "FAQ"`` (text where a list belongs) silently matched nothing and a ``title: 42`` ended in a
traceback. Each option's type is its default's; the options a build hands over (reporter, collector, the
drawing context) are not the site's to set and are not listed as allowed.
"""

from __future__ import annotations

from typing import Any, ClassVar

# Options only the build sets (callables and objects that cannot be written in YAML).
RUNTIME_OPTIONS = frozenset({"reporter", "collector", "recorder", "context"})


class NamedOptions:
    """Mixin for ``markdown.Extension`` subclasses; ``EXTENSION_NAME`` is how mkdocs.yml names the extension."""

    EXTENSION_NAME = ""
    RUNTIME_OPTIONS: ClassVar[frozenset[str]] = RUNTIME_OPTIONS
    config: dict[str, list[Any]]

    def setConfig(self, key: str, value: Any) -> None:
        if key not in self.config:
            allowed = ", ".join(sorted(set(self.config) - self.RUNTIME_OPTIONS))
            raise ValueError(f"{self.EXTENSION_NAME}: unknown option '{key}'; allowed options: {allowed}")
        if key not in self.RUNTIME_OPTIONS:
            problem = type_problem(value, self.config[key][0])
            if problem:
                raise ValueError(f"{self.EXTENSION_NAME}: option '{key}' {problem}")
        super().setConfig(key, value)  # type: ignore[misc]


def type_problem(value: Any, default: Any) -> str | None:
    """What is wrong with ``value`` for an option whose default is ``default`` (its type is the default's)."""
    if isinstance(default, bool):
        return None if isinstance(value, bool) else f"must be true or false (found {value!r})"
    if isinstance(default, str):
        return None if isinstance(value, str) else f"must be text (found {value!r}); put it in quotes"
    if isinstance(default, int):
        whole = isinstance(value, int) and not isinstance(value, bool)
        return None if whole else f"must be a whole number (found {value!r})"
    if isinstance(default, list | tuple):
        if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
            return None
        example = f"[{value}]" if isinstance(value, str) else "[First, Second]"
        return f"must be a list of texts, e.g. {example} (found {value!r})"
    if isinstance(default, dict):
        return None if isinstance(value, dict) else f"must be a mapping of settings (found {value!r})"
    return None
