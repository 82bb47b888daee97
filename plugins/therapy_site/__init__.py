"""MkDocs plugins and Markdown extensions for a small therapy practice's website.

One subpackage per feature: ``theme`` (site foundation), ``faq``, ``takeaways``,
``infographics``, ``booking``, ``schema`` (the one schema.org graph builder),
``blocks`` (what our ``///`` blocks share: error reporting with file and line)
and ``cli`` (the ``therapy-site`` command).
"""

__version__ = "0.1.0"
