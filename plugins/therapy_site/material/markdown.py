"""What Material's blog does to a Python-Markdown instance, known without importing Material.

Markdown extensions import this module, never :mod:`.blog`: loading ``therapy_site.booking`` in plain
Python-Markdown (or Zensical) must not import Material's blog plugin and MkDocs with it.
"""

from __future__ import annotations

from markdown import Markdown

# The tree processor Material's blog registers while it renders a post as an excerpt for a listing.
EXCERPT_PROCESSOR = "excerpt"


def renders_excerpt(md: Markdown) -> bool:
    """Whether ``md`` is Material's blog re-rendering a post as an excerpt for a listing page."""
    return EXCERPT_PROCESSOR in md.treeprocessors
