"""The FAQ plugin: thin glue between MkDocs and the declared ``therapy_site.faq`` extension.

* hands the extension (declared with its ``titles`` under ``markdown_extensions``
  in ``mkdocs.yml``) a page session: FAQ problems of each page become ``file:line``
  warnings (``--strict`` fails), and the page's FAQ is kept as typed page data
  (:class:`therapy_site.pagedata.Faq`) for the schema plugin;
* pages with ``faq: false`` are neither checked nor given FAQ data.

That the published ``FAQPage`` JSON-LD says exactly what the page shows, and
that listing pages carry none, is checked by the test suite over the real site.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page

from therapy_site.faq import FaqExtension, faq_enabled
from therapy_site.wiring import ExtensionHostPlugin


class FaqPlugin(ExtensionHostPlugin):
    extension_name = "therapy_site.faq"
    extension_class = FaqExtension
    plugin_name = "therapy-site/faq"

    def collects(self, page: Page) -> bool:
        return faq_enabled(page.meta)
