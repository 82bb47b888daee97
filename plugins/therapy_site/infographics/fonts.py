"""Moved to :mod:`therapy_site.imaging.fonts`; ``validation/metadata.py`` still imports ``describe_character`` here.

TODO(issue 26): remove once that module (held by the source-map work) imports it from ``therapy_site.imaging.fonts``.
"""

from therapy_site.imaging.fonts import describe_character

__all__ = ["describe_character"]
