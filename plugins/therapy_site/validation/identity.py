"""The template practice's identity left in a site that is not the template practice (``template-identity``).

A new practice starts from a copy of this site, whose demo practice ("Stillwater Therapy", its
practitioner, email, domain and phone number: ``therapy_site/data/template_identity.yml``) is written
into pages, mkdocs.yml, robots.txt, the logo's label and more. Each of these strings, in any case,
is an error wherever a reader or a search engine can see it: in a page or post (body and front
matter), in a value of mkdocs.yml, in a text file published from docs/ (SVG, robots.txt, JSON,
stylesheets, scripts, ``.authors.yml``...) and in the theme's own templates (``custom_dir``).

What the site says is its own identity (:class:`OwnIdentity`: ``extra.practice``'s name, practitioner
name, email and phone, the booking link's host, ``site_name`` and the host of ``site_url``) is never
reported: the template site itself passes, and a practice really called so keeps its name. YAML
comments are not read by anyone, so they are not searched.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import yaml

from therapy_site.data import DATA_DIR
from therapy_site.validation.files import published_text_files
from therapy_site.validation.findings import Finding, error, shorten
from therapy_site.validation.source import FRONT_MATTER, SourceFile

if TYPE_CHECKING:
    from therapy_site.validation.context import CheckContext

RULE = "template-identity"
TEMPLATE_IDENTITY_FILE = DATA_DIR / "template_identity.yml"

YAML_SUFFIXES = (".yml", ".yaml")

# Between the words of a name: spaces (also as HTML writes a no-break space), a hyphen, an underscore.
NAME_GAP = r"(?:[\s_\-]|&nbsp;|&#0*160;|&#x0*a0;)+"
# Between the digits of a phone number: what people write there ("0117 496 0123", "(0117) 496-0123").
DIGIT_GAP = r"[\s.\-/()]{0,3}"
# After a domain: not more of a name ("stillwater-therapy.example.com" is another domain).
DOMAIN_END = r"(?![\w-]|\.[a-z0-9])"
SUBDOMAINS = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*"

WHAT = {
    "practice_names": "name",
    "practitioner_names": "practitioner name",
    "emails": "email address",
    "domains": "web address",
    "phones": "phone number",
}


def name_pattern(name: str) -> str:
    return r"(?<!\w)" + NAME_GAP.join(re.escape(word) for word in name.split()) + r"(?!\w)"


def domain_pattern(domain: str) -> str:
    return r"(?<![\w.-])" + SUBDOMAINS + re.escape(domain.strip().lower().rstrip(".")) + DOMAIN_END


def email_pattern(email: str) -> str:
    return r"(?<![\w.+-])" + re.escape(email.strip().lower()) + DOMAIN_END


def phone_pattern(number: str) -> str:
    """Digits of ``number`` ('+44 117 496 0123'): with the country code or the trunk '0' or neither, any spacing."""
    text = number.strip()
    digits = re.sub(r"\D", "", text)
    country = text.lstrip("+").split()[0] if text.startswith("+") else ""
    national = digits[len(country) :] if country else digits.lstrip("0")
    prefixes = [r"0" + DIGIT_GAP]
    if country:
        prefixes.insert(0, r"(?:\+|00)?" + re.escape(country) + DIGIT_GAP + r"(?:\(0\)" + DIGIT_GAP + r")?")
    return r"(?<![\w+])(?:" + "|".join(prefixes) + r")?" + DIGIT_GAP.join(national) + r"(?!\d)"


PATTERNS = {  # by key of template_identity.yml
    "emails": email_pattern,
    "domains": domain_pattern,
    "practice_names": name_pattern,
    "practitioner_names": name_pattern,
    "phones": phone_pattern,
}


def host_of(url: object) -> str:
    if not isinstance(url, str) or not url.strip():
        return ""
    text = url.strip()
    return (urlsplit(text if "//" in text else f"//{text}").hostname or "").rstrip(".").lower()


@dataclass(frozen=True)
class OwnIdentity:
    """What the site says it is: never reported, even where it is the template's."""

    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config: Any) -> OwnIdentity:
        """From the loaded config: ``extra.practice`` (its email's domain too), ``site_name``, ``site_url``."""
        extra = config.get("extra") or {}  # MkDocs' own config type, or a plain mapping
        practice = extra.get("practice") if hasattr(extra, "get") else None
        practice = practice if isinstance(practice, dict) else {}
        practitioner = practice.get("practitioner")
        practitioner = practitioner if isinstance(practitioner, dict) else {}

        def texts(*values: object) -> tuple[str, ...]:
            return tuple(value.strip() for value in values if isinstance(value, str) and value.strip())

        # The email's domain too: `mkdocs serve` replaces site_url with the preview's own address.
        email_host = str(practice.get("email") or "").rpartition("@")[2]
        hosts = (host_of(config.get("site_url")), host_of(practice.get("booking_url")), email_host.strip().lower())
        return cls(
            names=texts(practice.get("name"), practitioner.get("name"), config.get("site_name")),
            emails=tuple(email.lower() for email in texts(practice.get("email"))),
            phones=texts(str(practice["phone"]) if practice.get("phone") is not None else None),
            hosts=tuple(host for host in hosts if host),
        )

    def owns_host(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == own or host.endswith("." + own) for own in self.hosts)


@dataclass(frozen=True)
class Leftover:
    """One template value the site does not own: how to find it, and a word it cannot be found without."""

    kind: str  # its key in template_identity.yml
    pattern: re.Pattern[str]
    needle: str  # case-folded; empty for phone numbers (their digits may be spaced in any way)


@dataclass
class TemplateIdentity:
    """The template's names, emails, domains and phone numbers, less what the site owns."""

    own: OwnIdentity
    leftovers: list[Leftover] = field(default_factory=list)

    @classmethod
    def build(cls, template: dict[str, Any], own: OwnIdentity) -> TemplateIdentity:
        identity = cls(own)
        for kind in PATTERNS:
            for value in template.get(kind) or ():
                value = str(value).strip()
                pattern = re.compile(PATTERNS[kind](value), re.IGNORECASE)
                if value and not identity._owned_entry(kind, pattern):
                    needle = "" if kind == "phones" else max(value.split(), key=len).casefold()
                    identity.leftovers.append(Leftover(kind, pattern, needle))
        return identity

    def _owned_entry(self, kind: str, pattern: re.Pattern[str]) -> bool:
        """Whether the site's own identity is this template value (then it is the site's, everywhere)."""
        own = {
            "practice_names": self.own.names,
            "practitioner_names": self.own.names,
            "emails": self.own.emails,
            "phones": self.own.phones,
        }.get(kind, ())
        return any(pattern.search(value) for value in own)

    def _owned_match(self, kind: str, text: str) -> bool:
        if kind == "domains":
            return self.own.owns_host(text)
        if kind == "emails":
            return text.lower() in self.own.emails or self.own.owns_host(text.rpartition("@")[2])
        return False

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str, str]]:
        """``(index, text as written, what it is)`` of each template string in ``text[start:end]``.

        Where two overlap, the one that starts first (then the longer) is the one written: an email
        address, not the domain in it; a web address, not the name in it (``stillwater-therapy.example``).
        One pattern per value with a word to look for first (alternatives in one pattern cost twice the time).
        """
        end = len(text) if end is None else end
        folded = text[start:end].casefold()
        matches = sorted(
            (match.start(), -match.end(), leftover.kind, match.group())
            for leftover in self.leftovers
            if leftover.needle in folded
            for match in leftover.pattern.finditer(text, start, end)
        )
        reached = start
        for index, negative_end, kind, written in matches:
            if index < reached:
                continue  # inside one written before
            reached = -negative_end
            if not self._owned_match(kind, written):
                yield index, written, WHAT[kind]

    def findings(self, text: str, spans: Iterable[tuple[int, int]], shown: str) -> list[Finding]:
        """One error per template string in the ``spans`` of ``text``, at its line and column."""
        starts = line_starts(text)
        found = []
        for start, end in spans:
            for index, written, what in self.find(text, start, end):
                line = bisect_right(starts, index)
                found.append(error(shown, line, message(written, what), RULE, index - starts[line - 1] + 1))
        return found


def message(written: str, what: str) -> str:
    return (
        f"'{shorten(written)}' is the template practice's {what}, not yours: "
        "replace it with your own (or remove it) before you publish"
    )


def read_template_identity(path: Path = TEMPLATE_IDENTITY_FILE) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data if isinstance(data, dict) else {}


def template_identity(config: Any) -> TemplateIdentity:
    """The template's identity as it concerns the site of ``config`` (its own identity left out)."""
    return TemplateIdentity.build(read_template_identity(), OwnIdentity.from_config(config))


# -- where readers see text ---------------------------------------------------------


def line_starts(text: str) -> list[int]:
    return [0, *(index + 1 for index, character in enumerate(text) if character == "\n")]


def yaml_value_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """The spans of ``text`` (YAML) that hold keys and values: everything but comments (and YAML's syntax).

    YAML that cannot be read: every line but those that start with '#'.
    """
    spans = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken):
                start, end = token.start_mark.index, token.end_mark.index
                if token.style in ("|", ">"):  # the header line ('>-  # a comment') is not the value
                    newline = text.find("\n", start, end)
                    start = end if newline < 0 else newline + 1
                spans.append((offset + start, offset + end))
    except yaml.YAMLError:
        spans, position = [], 0
        for line in text.splitlines(keepends=True):
            if not line.lstrip().startswith("#"):
                spans.append((offset + position, offset + position + len(line)))
            position += len(line)
    return spans


def check_template_identity(source: SourceFile, context: CheckContext) -> Iterator[Finding]:
    """Rule ``template-identity`` for a page or post: its body and its front matter's values."""
    match = FRONT_MATTER.match(source.text)
    spans = [(0, len(source.text))]
    if match:
        spans = [*yaml_value_spans(match.group(1), match.start(1)), (match.end(), len(source.text))]
    yield from context.identity.findings(source.text, spans, source.shown)


def read_text(path: Path) -> str | None:
    """The file's text; ``None`` for what is not UTF-8 text (a binary file is not searched)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"\x00" in data:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_published_file(path: Path, context: CheckContext) -> list[Finding]:
    """Rule ``template-identity`` for a text file published from docs/ or the theme (comments of YAML aside)."""
    text = read_text(path)
    if not text:
        return []
    spans = yaml_value_spans(text) if path.name.lower().endswith(YAML_SUFFIXES) else [(0, len(text))]
    return context.identity.findings(text, spans, context.shown(path))


def theme_folder(context: CheckContext) -> Path | None:
    custom_dir = getattr(context.project.config.theme, "custom_dir", None)
    return Path(custom_dir) if custom_dir else None


def site_text_files(context: CheckContext) -> list[Path]:
    """Every published text file of the site: under docs/, then the theme's custom_dir (once each)."""
    folders = [context.project.docs_dir]
    theme = theme_folder(context)
    if theme is not None:
        folders.append(theme)
    found: dict[str, Path] = {}
    for folder in folders:
        for path in published_text_files(folder):
            found.setdefault(os.path.abspath(path), path)
    return list(found.values())
