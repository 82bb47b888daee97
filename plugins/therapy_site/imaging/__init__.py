"""Drawing images for the site, shared by the features that draw: infographics, social cards, hero images.

* :mod:`.pool`: the build's worker processes and each plugin's jobs (results by job key);
* :mod:`.batch`: a build's image jobs, drawn while the build goes on, or copied from the cache;
* :mod:`.cache`: the image cache under ``.cache/`` (content-hash names, a manifest, atomic writes);
* :mod:`.digest`: the content key that names an image after everything its pixels depend on.

Nothing here knows a feature: the features depend on this package, never the reverse.
"""
