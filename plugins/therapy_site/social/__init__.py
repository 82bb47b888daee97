"""Social cards: every page's share image (og:image), chosen once and drawn when needed.

Precedence for a page: ``social_image: infographic`` in the front matter (the
first infographic's drawn card), else the page's hero image (the schema plugin
uses it), else a generated 1200×630 card with the page title and description.
The choice goes to the page data (:class:`therapy_site.pagedata.SocialImage`);
the schema plugin writes the tags. MkDocs-only: Zensical builds no cards.
"""
