"""Credentials and ``sameAs`` links of the people who write or review pages, from ``extra.practice``.

Zensical (Material's successor) rejects unknown keys in ``.authors.yml`` ("unknown option(s)"), so these
trust facts live in ``mkdocs.yml``: the practitioner's in ``extra.practice.practitioner`` (``credentials``,
``credential_details``, ``same_as``), anyone else's in ``extra.practice.people`` keyed by their author id::

    extra:
      practice:
        people:
          sam:
            job_title: Clinical psychologist
            credentials:
              - name: Practitioner psychologist
                category: Professional registration
                recognized_by: Health and Care Professions Council
                recognized_by_url: https://www.hcpc-uk.org/
            same_as:
              - https://...   # the public register entry

In the graph each credential becomes an ``EducationalOccupationalCredential`` whose ``recognizedBy`` is
the registering body.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Credential:
    name: str
    category: str = ""  # e.g. "Professional registration", "Degree"
    recognized_by: str = ""  # the registering or awarding body
    recognized_by_url: str = ""


@dataclass(frozen=True)
class Profile:
    job_title: str = ""
    credentials: tuple[Credential, ...] = ()
    same_as: tuple[str, ...] = ()


def _fail(where: str, key: str, message: str) -> PluginError:
    return PluginError(f"{where}: '{key}': {message}")


def credential_from(where: str, key: str, raw: Any) -> Credential:
    """A credential from YAML: a plain name, or ``{name, category, recognized_by, recognized_by_url}``."""
    if isinstance(raw, str):
        return Credential(raw)
    if not isinstance(raw, dict) or not raw.get("name"):
        raise _fail(where, key, "each credential needs a 'name' (and ideally 'recognized_by', the registering body)")
    url = str(raw.get("recognized_by_url") or "")
    if url and not url.startswith("https://"):
        raise _fail(where, key, f"recognized_by_url '{url}' must start with https://")
    return Credential(str(raw["name"]), str(raw.get("category") or ""), str(raw.get("recognized_by") or ""), url)


def profile_from_mapping(where: str, key: str, raw: Any) -> Profile:
    """The profile of one person (``job_title``, ``credentials``, ``same_as``)."""
    if not isinstance(raw, dict):
        raise _fail(where, key, "write job_title, credentials and same_as under the person's author id")
    same_as = [str(url) for url in raw.get("same_as") or ()]
    for url in same_as:
        if not url.startswith("https://"):
            raise _fail(where, key, f"same_as link '{url}' must start with https://")
    return Profile(
        job_title=str(raw.get("job_title") or ""),
        credentials=tuple(credential_from(where, key, item) for item in raw.get("credentials") or ()),
        same_as=tuple(same_as),
    )
