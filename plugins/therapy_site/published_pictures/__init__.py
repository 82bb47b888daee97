"""Published pictures: the build publishes a clean copy of every raster picture it copies from docs/ or the
theme (no location or camera details, upright; :mod:`therapy_site.pictures`), never touching the original."""
