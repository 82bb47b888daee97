"""The one house for everything that depends on Material for MkDocs' internals and markup.

* :mod:`.blog`: accessors for Material's blog plugin (posts, listings, authors,
  categories, dates, excerpts, settings): no other module touches
  ``material.plugins.blog`` or its objects' attributes;
* ``templates/partials/``: copies of Material's partials with our changes (the
  header with the booking button, search, excerpt); :mod:`.partials` records
  which Material files they came from;
* :mod:`.repairs`: the repairs of Material's markup that no template block or
  partial reaches, done with a parser;
* :mod:`.excerpts`: Material's blog excerpts converting only the Markdown before
  the separator (output byte-identical to Material's);
* :mod:`.plugin`: the ``therapy-site/material`` MkDocs plugin that applies them.

A Material upgrade, or the move to Zensical, touches this folder only. This
module imports nothing, so Markdown extensions can use :mod:`.blog` cheaply.
"""
