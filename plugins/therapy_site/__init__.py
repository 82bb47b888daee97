"""MkDocs plugins and Markdown extensions for a small therapy practice's website.

One subpackage per feature: ``theme`` (site foundation), ``faq``, ``takeaways``,
``infographics``, ``booking`` (content features: Markdown extensions declared in
``mkdocs.yml``, each with a thin MkDocs plugin), ``social`` (share images),
``review``, ``feed`` (build and feed dates), ``schema`` (the one schema.org graph
builder), ``blocks`` (what our ``///`` blocks share), ``cli`` (the
``therapy-site`` command). Features hand each other typed data
(:mod:`therapy_site.pagedata`); plugins report problems and keep page data
through :mod:`therapy_site.reporting`.
"""

__version__ = "0.1.0"
