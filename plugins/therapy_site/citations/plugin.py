"""The ``therapy-site/citations`` plugin: thin glue between MkDocs and the declared ``therapy_site.citations``.

It hands the extension a page session: problems become ``file:line`` warnings (fatal with ``--strict``) and
the page's :class:`therapy_site.pagedata.Sources` land in its page data, where the schema graph reads them.
Excerpts that Material's blog renders for listing pages come while no page is open and are dropped.
"""

from __future__ import annotations

from therapy_site.citations.extension import CitationsExtension
from therapy_site.wiring import ExtensionHostPlugin


class CitationsPlugin(ExtensionHostPlugin):
    extension_name = "therapy_site.citations"
    extension_class = CitationsExtension
    plugin_name = "therapy-site/citations"
