"""Booking calls to action: the ``/// booking`` block, an invitation at the end of every post, a header button.

A call to action is a plain, fast, accessible link to the practice's booking
page; booking vendors' embeds (scripts, cookies, iframes) are never loaded.
Each CTA carries a short urgent-help line, so a booking form is never the only
route for someone in danger.
"""

from therapy_site.booking.extension import BookingBlock, BookingExtension, makeExtension
from therapy_site.booking.links import check_cta_url, with_utm

__all__ = ["BookingBlock", "BookingExtension", "check_cta_url", "makeExtension", "with_utm"]
