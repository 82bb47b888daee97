"""Citations: the sources a page cites, shown as a numbered list and stated as schema.org ``citation``.

* :mod:`therapy_site.citations.extension`: the Python-Markdown extension (``therapy_site.citations`` in
  ``mkdocs.yml`` ``markdown_extensions``): a ``/// sources`` block or a plain ``## Sources`` /
  ``## References`` section with ``- [Title](https://address), Publisher`` items.
* :mod:`therapy_site.citations.model`: :class:`Citation`, the typed data the schema graph reads.
* :mod:`therapy_site.citations.plugin`: the thin ``therapy-site/citations`` plugin: wires the extension's
  reporter (``file:line`` warnings, fatal with ``--strict``) and collects each page's citations.
"""

from typing import Any

from therapy_site.citations.extension import CitationsExtension
from therapy_site.citations.model import Citation


def makeExtension(**kwargs: Any) -> CitationsExtension:
    return CitationsExtension(**kwargs)


__all__ = ["Citation", "CitationsExtension", "makeExtension"]
