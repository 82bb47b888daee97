"""Drawing images for the site, shared by the features that draw: infographics, social cards, hero images.

* :mod:`.fonts`, :mod:`.palette`: our fonts (glyph coverage, FreeType faces) and the site's colours;
* :mod:`.canvas`: text wrapped and fitted on a canvas drawn at 2×, the base of every renderer;
* :mod:`.png`: encoding without metadata;
* :mod:`.digest`: the content key that names an image after everything its pixels depend on;
* :mod:`.cache`: the image cache under ``.cache/`` (content-hash names, a manifest, atomic writes);
* :mod:`.pool`, :mod:`.batch`: the build's worker processes, and a build's image jobs drawn while it goes on.

Nothing here knows a feature: the features depend on this package, never the reverse.
"""
