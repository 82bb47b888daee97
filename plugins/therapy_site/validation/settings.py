"""The practice's contact details in ``mkdocs.yml`` that still point nowhere.

A new practice starts from a copy of this site, whose booking URL, email and
website are on the reserved ``.example`` domain and whose phone number is from
Ofcom's range for drama. Published like that, the booking button is dead and
nobody can call: a silent failure, so ``check`` warns with the line to change.

Given the site's :class:`~therapy_site.validation.identity.TemplateIdentity`, it
also reports (as errors, rule ``template-identity``) every value of ``mkdocs.yml``
that still names the template practice; a value reported so is not warned about
a second time as a placeholder.

``therapy-site init`` marks what it was not told (the practitioner's bio, photo,
services) with ``TODO``. In ``mkdocs.yml`` and the blog's ``.authors.yml`` each such
value is an error (rule ``placeholder``, as ``TODO`` in a page is), so neither
``check`` nor the strict build passes until it is replaced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import yaml

from therapy_site.booking.links import mailto_problem
from therapy_site.practice import NAME_KEYS, markup_in_name
from therapy_site.validation.findings import Finding, error, shorten, warning
from therapy_site.validation.identity import yaml_value_spans
from therapy_site.validation.placeholders import PLACEHOLDER

if TYPE_CHECKING:
    from therapy_site.validation.identity import TemplateIdentity

RULE = "practice-placeholder"
TODO_RULE = "placeholder"
NAME_RULE = "name-markup"

# RFC 2606 / RFC 6761 names that can never reach a real practice.
RESERVED_DOMAINS = ("example", "invalid", "test", "localhost", "example.com", "example.org", "example.net")

# Ofcom's numbers for drama (UK, national format without the leading 0) and the US 555-01xx range.
FICTIONAL_NUMBERS = re.compile(
    r"^(?:"
    r"(?:113|114|115|116|117|118|121|131|141|151|161)4960\d{3}"
    r"|1632960\d{3}|2079460\d{3}|2890180\d{3}|2920180\d{3}|1914980\d{3}"
    r"|7700900\d{3}|8081570\d{3}|9098790\d{3}|3069990\d{3}"
    r")$"
)
US_FICTIONAL = re.compile(r"^1?\d{3}55501\d{2}$")

# (the end of a key path in mkdocs.yml, what it is, kind of value); "*" stands for a list item.
CHECKED_KEYS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("site_url",), "the website address", "url"),
    (("extra", "practice", "booking_url"), "the booking link", "url"),
    (("extra", "practice", "email"), "the email address", "email"),
    (("extra", "practice", "phone"), "the phone number", "phone"),
    # The booking feature's own link, when set in its options (plugin or Markdown extension).
    (("therapy-site/booking", "url"), "the booking link", "url"),
    (("therapy_site.booking", "url"), "the booking link", "url"),
    (("therapy_site.infographics", "site_url"), "the website address", "url"),
)


def is_reserved_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in RESERVED_DOMAINS)


def is_fictional_phone(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("+44") or digits.startswith("44"):
        national = digits[2:]
    else:
        national = digits[1:] if digits.startswith("0") else digits
    return bool(FICTIONAL_NUMBERS.match(national) or US_FICTIONAL.match(digits))


def is_placeholder(value: str, kind: str) -> bool:
    if kind == "url":
        return is_reserved_host(urlsplit(value.strip()).hostname or "")
    if kind == "email":
        return is_reserved_host(value.strip().rpartition("@")[2])
    return is_fictional_phone(value)


def scalar_lines(config_file: Path) -> dict[tuple[str, ...], tuple[str, int, int]]:
    """Every scalar value of ``mkdocs.yml`` by its key path, with its 1-based line and column.

    Composing (not loading) reads the YAML without MkDocs' custom tags such as ``!ENV``.
    """
    root = yaml.compose(config_file.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    found: dict[tuple[str, ...], tuple[str, int, int]] = {}

    def walk(node: yaml.Node, path: tuple[str, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, str(key.value)))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, (*path, "*"))
        elif isinstance(node, yaml.ScalarNode):
            found[path] = (str(node.value), node.start_mark.line + 1, node.start_mark.column + 1)

    if root is not None:
        walk(root, ())
    return found


def check_todo_values(path: Path, shown: str) -> Iterator[Finding]:
    """An error for each value of a YAML settings file that still holds a ``TODO`` placeholder."""
    reported: set[tuple[int, int]] = set()
    for keys, (value, line, column) in sorted(scalar_lines(path).items(), key=lambda item: item[1][1:]):
        if (line, column) in reported or not PLACEHOLDER.search(value):
            continue
        key = ".".join(part for part in keys if part != "*")
        yield error(
            shown,
            line,
            f"'{key}' is still a placeholder ('{shorten(value)}'): replace it with your own before you publish",
            TODO_RULE,
            column,
        )
        reported.add((line, column))


def check_names(path: Path, shown: str, *, authors: bool = False) -> Iterator[Finding]:
    """An error for each name the theme prints unescaped that holds markup characters (see ``NAME_KEYS``).

    In ``mkdocs.yml`` the practice's and the site's names; in the blog's ``.authors.yml`` (``authors``) each
    author's ``name``, which Material prints in an image's ``alt``.
    """
    for keys, (value, line, column) in sorted(scalar_lines(path).items(), key=lambda item: item[1][1:]):
        is_name = (len(keys) == 3 and keys[0] == "authors" and keys[2] == "name") if authors else keys in NAME_KEYS
        problem = markup_in_name(value) if is_name else None
        if problem:
            key = ".".join(keys)
            message = f"'{key}': {problem} (the theme prints it into HTML as written)"
            yield error(shown, line, message, NAME_RULE, column)


def check_template_identity(config_file: Path, shown: str, identity: TemplateIdentity) -> list[Finding]:
    """An error for each template practice's name, email, domain or phone number in a value of ``mkdocs.yml``.

    Every key and value is searched (``extra.practice``, plugin and extension options, the feed's image,
    ``site_url``...), each where it is written: an alias (``*name``) is its anchor's value. Comments are not.
    """
    text = config_file.read_text(encoding="utf-8-sig")
    return identity.findings(text, yaml_value_spans(text), shown)


def check_practice_details(
    config_file: Path,
    shown: str,
    identity: TemplateIdentity | None = None,
    *,
    authors_file: Path | None = None,
    authors_shown: str | None = None,
) -> Iterator[Finding]:
    """Warn for each contact detail that is still a placeholder, at its line in ``mkdocs.yml``.

    With ``identity`` (the site's, :attr:`CheckContext.identity`), first the errors of
    :func:`check_template_identity`; a value with such an error is not warned about again.
    An error for each ``TODO`` value in ``mkdocs.yml`` and in the blog's ``.authors.yml``
    (``authors_file``, shown as ``authors_shown``).
    """
    if identity is not None:
        yield from check_template_identity(config_file, shown, identity)
    yield from check_todo_values(config_file, shown)
    yield from check_names(config_file, shown)
    if authors_file is not None and authors_file.is_file():
        yield from check_todo_values(authors_file, authors_shown or authors_file.as_posix())
        yield from check_names(authors_file, authors_shown or authors_file.as_posix(), authors=True)
    warned: set[tuple[int, int]] = set()  # a YAML alias (*name) shares its anchor's line: warn once there
    for path, (value, line, column) in sorted(scalar_lines(config_file).items(), key=lambda item: item[1][1:]):
        if (line, column) in warned or (identity is not None and next(identity.find(value), None)):
            continue
        if value.strip().lower().startswith("mailto:") and mailto_problem(value):
            key = ".".join(part for part in path if part != "*")
            yield error(shown, line, f"'{key}': '{shorten(value)}' {mailto_problem(value)}", "link-mailto", column)
            warned.add((line, column))
            continue
        for suffix, what, kind in CHECKED_KEYS:
            if path[-len(suffix) :] == suffix and (len(suffix) > 1 or len(path) == 1) and is_placeholder(value, kind):
                key = ".".join(part for part in path if part != "*")
                yield warning(
                    shown,
                    line,
                    f"{what} '{value}' is a placeholder from the template site: set '{key}' to your practice's "
                    "own before you publish (see 'Start your own site' in README.md)",
                    RULE,
                    column,
                )
                warned.add((line, column))
                break
