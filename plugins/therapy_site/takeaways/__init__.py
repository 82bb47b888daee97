"""Key-takeaway callouts: the ``/// takeaways`` block.

Authoring::

    /// takeaways | Optional title
    - **Trust is the ground of therapy.** Without it, clients hold back what matters most.
    ///

The block renders ``<section class="ts-takeaways" aria-labelledby="ID">``
holding an ``<h2 id="ID">`` (listed in the table of contents, with the toc
permalink) and the author's list, each opening bold phrase marked
``strong.ts-takeaways__lead``. The block's title and the text of its key points
go to the page data (:class:`therapy_site.pagedata.Takeaways`), which the
structured-data feature reads for the BlogPosting ``abstract``. An empty block,
a block without a list and an unknown option are reported with file and line
(and fail ``mkdocs build --strict``).

Works in plain Python-Markdown::

    markdown.markdown(text, extensions=["therapy_site.takeaways"])
"""

from therapy_site.takeaways.extension import (
    DEFAULT_TITLE,
    LEAD_CLASS,
    SECTION_CLASS,
    TakeawaysBlock,
    TakeawaysExtension,
    makeExtension,
)

__all__ = ["DEFAULT_TITLE", "LEAD_CLASS", "SECTION_CLASS", "TakeawaysBlock", "TakeawaysExtension", "makeExtension"]
