"""The countries ``therapy-site init`` writes sites for: names, languages, data-protection wording, crisis lines.

The crisis lines come from one data file, ``crisis_lines.yml`` beside this module:
the Urgent help page and ``extra.practice.crisis`` (the footer) are both made from it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

LANGUAGES = ("en-GB", "en-US", "en-IE", "en-CA", "en-AU", "en-NZ")


@dataclass(frozen=True)
class Country:
    code: str
    name: str  # a real place name for schema.org's areaServed (never the code)
    language: str  # the site language a practice there most likely wants
    privacy_law: str  # Markdown: the sentence saying which law the practice's records follow
    privacy_rights: str  # Markdown: what a client may ask, and where to complain


_NEUTRAL_LAW = (
    "I keep what you send me confidential and handle it in line with the data-protection law that applies to my "
    "practice."
)
_NEUTRAL_RIGHTS = "You can ask me what information I hold about you."

COUNTRIES: dict[str, Country] = {
    "GB": Country(
        "GB",
        "United Kingdom",
        "en-GB",
        "I keep what you send me confidential and handle it in line with UK GDPR and the Data Protection Act 2018.",
        "You can ask to see, correct or delete the information I hold about you. If you are unhappy with how I "
        "handle it, you can complain to the [Information Commissioner's Office](https://ico.org.uk/).",
    ),
    "US": Country("US", "United States", "en-US", _NEUTRAL_LAW, _NEUTRAL_RIGHTS),
    "IE": Country(
        "IE",
        "Ireland",
        "en-IE",
        "I keep what you send me confidential and handle it in line with the GDPR and the Data Protection Act 2018.",
        "You can ask to see, correct or delete the information I hold about you. If you are unhappy with how I "
        "handle it, you can complain to the [Data Protection Commission](https://www.dataprotection.ie/).",
    ),
    "CA": Country("CA", "Canada", "en-CA", _NEUTRAL_LAW, _NEUTRAL_RIGHTS),
    "AU": Country("AU", "Australia", "en-AU", _NEUTRAL_LAW, _NEUTRAL_RIGHTS),
    "NZ": Country("NZ", "New Zealand", "en-NZ", _NEUTRAL_LAW, _NEUTRAL_RIGHTS),
}


@dataclass(frozen=True)
class Line:
    """A crisis line: reached by ``call``, by ``text`` (with a ``keyword`` to send, if any), or both."""

    name: str
    what: str
    source: str
    call: str = ""
    text: str = ""
    keyword: str = ""


@dataclass(frozen=True)
class CrisisLines:
    emergency_numbers: tuple[str, ...]
    emergency_what: str
    emergency_source: str
    footer: Line  # the line every page's footer names
    lines: tuple[Line, ...]


def dial(number: str) -> str:
    """A ``tel:``/``sms:`` target: the digits (and a leading +) only."""
    return re.sub(r"[^\d+]", "", number)


def _line(code: str, raw: dict[str, Any]) -> Line:
    line = Line(
        name=str(raw["name"]),
        what=str(raw["what"]),
        source=str(raw["source"]),
        call=str(raw.get("call") or ""),
        text=str(raw.get("text") or ""),
        keyword=str(raw.get("keyword") or ""),
    )
    if not (line.call or line.text) or not line.source.startswith("https://"):
        raise ValueError(f"crisis_lines.yml: {code}: '{line.name}' needs 'call' or 'text', and an https:// source")
    return line


@functools.cache
def crisis_lines(code: str) -> CrisisLines:
    """The crisis lines for a country code (one of :data:`COUNTRIES`)."""
    data = yaml.safe_load(resources.files("therapy_site.init").joinpath("crisis_lines.yml").read_text("utf-8"))
    entry = data[code]
    lines = tuple(_line(code, raw) for raw in entry["lines"])
    footer = next((line for line in lines if line.name == entry["footer"] and line.call), None)
    if footer is None:
        raise ValueError(f"crisis_lines.yml: {code}: 'footer' must name one of its lines that has a 'call' number")
    emergency = entry["emergency"]
    return CrisisLines(
        emergency_numbers=tuple(str(number) for number in emergency["numbers"]),
        emergency_what=str(emergency["what"]),
        emergency_source=str(emergency["source"]),
        footer=footer,
        lines=lines,
    )
