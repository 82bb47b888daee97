"""Booking links: which URLs a call to action may use, UTM parameters, and what print shows.

A booking link only ever points at ``https:``, ``mailto:`` or ``tel:``.
Anything else (``javascript:``, ``data:``, plain ``http:``, a relative path)
is refused with a message meant for the author.

UTM parameters tell the practice which visits came from the website. They are
fixed per site (source, medium, campaign) and never describe the page: a
therapy topic or post title in the booking vendor's logs would be health data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

ALLOWED_SCHEMES = ("https", "mailto", "tel")
_TEL = re.compile(r"^\+?[0-9][0-9().-]*$")
_MAX_SHOWN = 60


def _shown(url: str) -> str:
    return url if len(url) <= _MAX_SHOWN else url[: _MAX_SHOWN - 1] + "…"


def check_cta_url(value: object) -> str:
    """Return ``value`` stripped when it is a safe booking link; raise ``ValueError`` saying why not."""
    if value is None or not str(value).strip():
        raise ValueError("is empty: give an https:, mailto: or tel: link")
    url = str(value).strip()
    if any(character.isspace() or ord(character) < 32 for character in url):
        raise ValueError(f"'{_shown(url)}' contains spaces or control characters; write the link without them")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        found = f"'{scheme}:'" if scheme else "no scheme"
        raise ValueError(
            f"'{_shown(url)}' has {found}; booking links must start with https:, mailto: or tel: "
            "(javascript:, data:, http: and relative links are refused)"
        )
    if scheme == "https" and not parts.hostname:
        raise ValueError(f"'{_shown(url)}' has no host; write a full address such as https://example.org/book")
    if scheme == "mailto" and "@" not in parts.path:
        raise ValueError(f"'{_shown(url)}' has no email address after 'mailto:'")
    problem = mailto_problem(url) if scheme == "mailto" else None
    if problem:
        raise ValueError(f"'{_shown(url)}' {problem}")
    problem = tel_problem(url) if scheme == "tel" else None
    if problem:
        raise ValueError(f"'{_shown(url)}' {problem}")
    return url


def tel_problem(url: str) -> str | None:
    """What keeps a ``tel:`` link from dialling (spaces, letters), or ``None``."""
    number = urlsplit(url.strip()).path
    if _TEL.match(number):
        return None
    digits = re.sub(r"[^0-9+]", "", number)
    example = f"tel:{digits}" if len(digits) >= 3 else "tel:+441174960123"
    return f"is not a phone number a phone can dial; write it without spaces or letters, e.g. {example}"


# What a mailto: link may set besides its one address (RFC 6068 headers; anything else adds or redirects mail).
MAILTO_FIELDS = frozenset({"subject", "body"})
_LINE_BREAK = re.compile(r"%0[ad]|[\r\n]", re.IGNORECASE)


def mailto_problem(url: str) -> str | None:
    """Why a ``mailto:`` link could send mail to someone besides its one address (``None``: it cannot).

    More than one address, ``cc``/``bcc``/``to`` or any field but ``subject`` and ``body``, and line
    breaks (``%0A``, ``%0D``), which some mail programs read as the start of another header.
    """
    parts = urlsplit(url.strip())
    addresses = [part for part in re.split(r",|;|%2c|%3b", unquote(parts.path), flags=re.IGNORECASE) if part.strip()]
    if len(addresses) > 1:
        return (
            f"sends the email to {len(addresses)} addresses; a contact link must reach only you: "
            "keep one address"
        )
    query = parse_qsl(parts.query, keep_blank_values=True)
    if not addresses and [key.strip().lower() for key, _ in query].count("to") == 1:  # mailto:?to=one@address
        addresses = [value for key, value in query if key.strip().lower() == "to"]
        query = [(key, value) for key, value in query if key.strip().lower() != "to"]
        if len(re.split(r"[,;]", addresses[0])) > 1:
            return "sends the email to more than one address; a contact link must reach only you: keep one address"
    fields = sorted({key.strip().lower() for key, _ in query} - MAILTO_FIELDS)
    if fields:
        return (
            f"adds '{fields[0]}=' to the email (other recipients or headers); a contact link must reach only you: "
            "keep 'mailto:' with one address (and 'subject=' or 'body=' if you like)"
        )
    if _LINE_BREAK.search(url):
        return (
            "contains a line break (%0A or %0D), which can add hidden recipients in some mail programs; "
            "remove it"
        )
    return None


def check_label(value: object) -> str:
    """A button label must say what happens ("Book a free consultation"), so it may not be empty."""
    label = " ".join(str(value).split()) if value is not None else ""
    if not label:
        raise ValueError("is empty: write what the button does, e.g. 'Book a free consultation'")
    return label


def is_external(url: str) -> bool:
    return urlsplit(url).scheme.lower() == "https"


def with_utm(url: str, params: Mapping[str, str]) -> str:
    """Add the site's UTM parameters to an ``https:`` URL, keeping any the author already wrote."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" or not params:
        return url
    query = parse_qsl(parts.query, keep_blank_values=True)
    present = {key for key, _ in query}
    query += [(key, value) for key, value in params.items() if value and key not in present]
    return urlunsplit(parts._replace(query=urlencode(query)))


def printable(url: str) -> str:
    """What a printed page shows for a link: the address without tracking query or fragment."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "https":
        return urlunsplit(parts._replace(query="", fragment=""))
    return parts.path  # the email address or the phone number


def tel_href(number: str) -> str:
    """``tel:`` link for a phone number as people write it ("116 123" -> "tel:116123")."""
    return "tel:" + re.sub(r"[^0-9+]", "", number)
