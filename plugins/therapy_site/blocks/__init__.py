"""What our ``///`` blocks share: options that fail loudly, and problems reported with file and line.

pymdownx Blocks turn a block whose header or options fail validation into
plain text without a word. Our blocks derive from :class:`CheckedBlock`
instead, which records every problem as a :class:`BlockProblem`. The problems
go to two places:

* ``md.therapy_block_problems``: the list for the current document, for
  plain Python-Markdown use (tests, ``therapy-site check``, Zensical);
* the extension's ``reporter`` callable, which our MkDocs plugins provide to
  turn each problem into a ``file:line`` warning that fails ``--strict``
  (:class:`therapy_site.reporting.PageSession`).

Blocks also hand what they rendered, as typed page data, to ``collector``
(see :mod:`therapy_site.pagedata`).
"""

from therapy_site.blocks.base import (
    BlockProblem,
    CheckedBlock,
    CheckedBlocksExtension,
    block_header_line,
)

__all__ = [
    "BlockProblem",
    "CheckedBlock",
    "CheckedBlocksExtension",
    "block_header_line",
]
