"""schema.org structured data and Open Graph tags: the site's one graph builder.

* :mod:`therapy_site.schema.graph` builds each page's ``@graph`` (WebSite,
  the practice, the practitioner, the WebPage, and for posts BlogPosting,
  BreadcrumbList and FAQPage) from plain facts, and serialises it safely.
* :mod:`therapy_site.schema.opengraph` writes the ``og:``/``article:``/``twitter:`` tags.
* :mod:`therapy_site.schema.plugin` is the MkDocs plugin gathering the facts.
"""

from therapy_site.schema.graph import build_graph, serialise

__all__ = ["build_graph", "serialise"]
