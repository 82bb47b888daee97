"""Dates for feeds and the sitemap: one build date per build, taken from the sources, and each post's feed date.

Same sources, byte-identical ``sitemap.xml``, RSS and JSON feeds: see :mod:`.dates` and :mod:`.plugin`.
"""
