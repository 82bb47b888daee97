"""Infographics: YAML data in a ``/// infographic`` block becomes accessible HTML cards on the page,
and the same data is drawn with Pillow as a 1200×630 social card and a 1000×1500 portrait.

The Markdown extension (:mod:`.extension`, declared in ``mkdocs.yml`` as
``therapy_site.infographics``) is stateless: it validates the data, builds the
figure, hands a render job to an optional ``recorder`` and the figure's facts to
the page data. The MkDocs plugin (:mod:`.plugin`) owns the drawing context
(:mod:`.context`), collects the jobs of the pages it renders, draws the images
(or takes them from the cache) and copies them into the site. Social cards for
pages without an image of their own are :mod:`therapy_site.social`'s.

Works in plain Python-Markdown, in any folder (fonts and icons are package data)::

    markdown.markdown(text, extensions=["therapy_site.infographics"])
"""

from typing import Any

RENDERER_VERSION = "1"


def makeExtension(**kwargs: Any) -> Any:
    from therapy_site.infographics.extension import InfographicsExtension

    return InfographicsExtension(**kwargs)
