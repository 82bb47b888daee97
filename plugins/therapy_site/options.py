"""Our Markdown extensions name a mistyped option (Python-Markdown would raise a bare ``KeyError``)."""

from __future__ import annotations

from typing import Any


class NamedOptions:
    """Mixin for ``markdown.Extension`` subclasses; ``EXTENSION_NAME`` is how mkdocs.yml names the extension."""

    EXTENSION_NAME = ""
    config: dict[str, list[Any]]

    def setConfig(self, key: str, value: Any) -> None:
        if key not in self.config:
            allowed = ", ".join(sorted(self.config))
            raise ValueError(f"{self.EXTENSION_NAME}: unknown option '{key}'; allowed options: {allowed}")
        super().setConfig(key, value)  # type: ignore[misc]
