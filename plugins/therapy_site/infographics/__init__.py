"""Infographics: YAML data in a ``/// infographic`` block becomes accessible HTML cards on the page,
and the same data is drawn with Pillow as a 1200×630 social card and a 1000×1500 portrait.

The Markdown extension (:mod:`.extension`) is stateless: it validates the data,
emits the HTML with image URLs derived from a content hash, and hands a render
job to an optional ``recorder``. The MkDocs plugin (:mod:`.plugin`) collects the
jobs of the pages it renders, draws the images (or takes them from the cache)
and copies them into the site. It also gives every page without an image of
its own a generated social card.
"""

RENDERER_VERSION = "1"
