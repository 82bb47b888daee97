"""MkDocs side of the takeaways block: hand the declared extension a page session, ship its stylesheet.

The extension itself is declared in ``mkdocs.yml`` (``markdown_extensions: - therapy_site.takeaways``,
option ``title``); this plugin reports its problems with ``file:line`` and keeps its data per page.
"""

from __future__ import annotations

from pathlib import Path

from therapy_site.takeaways.extension import TakeawaysExtension
from therapy_site.wiring import ExtensionHostPlugin


class TakeawaysPlugin(ExtensionHostPlugin):
    extension_name = "therapy_site.takeaways"
    extension_class = TakeawaysExtension
    plugin_name = "therapy-site/takeaways"
    stylesheet = Path(__file__).with_name("takeaways.css")
