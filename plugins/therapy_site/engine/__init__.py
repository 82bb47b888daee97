"""The engine: one ``therapy-site`` plugin entry that sets up everything a practice's site needs.

A site's ``mkdocs.yml`` holds only its own facts (``site_name``, ``site_url``,
``extra.practice``, its pages); this plugin loads Material's blog, the rss
plugin and every ``therapy-site/<feature>`` plugin in the order they need, with
our defaults, and fills what follows from the practice's facts (extension
options, the feed image, the theme's settings). A practice upgrades with
``pip install -U therapy-site`` and its ``mkdocs.yml`` stays as it is.
"""
