"""Citations: the sources a page cites, shown as a numbered list and stated as schema.org ``citation``.

* :mod:`therapy_site.citations.extension`: the Python-Markdown extension (``therapy_site.citations`` in
  ``mkdocs.yml`` ``markdown_extensions``): a ``/// sources`` block or a plain ``## Sources`` /
  ``## References`` section with ``- [Title](https://address), Publisher`` items.
* :mod:`therapy_site.citations.model`: whether a cited work is a ScholarlyArticle or a CreativeWork; the
  citations themselves are :class:`therapy_site.pagedata.Sources` page data, which the schema graph reads.
* :mod:`therapy_site.citations.plugin`: the thin ``therapy-site/citations`` plugin: hands the declared
  extension a page session (``file:line`` warnings, fatal with ``--strict``; the page's data).
"""

from typing import Any

from therapy_site.citations.extension import CitationsExtension


def makeExtension(**kwargs: Any) -> CitationsExtension:
    return CitationsExtension(**kwargs)


__all__ = ["CitationsExtension", "makeExtension"]
