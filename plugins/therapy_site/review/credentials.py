"""Credentials and ``sameAs`` links of the people in the blog's ``.authors.yml``.

Material's authors schema (``material/plugins/blog/author.py``) validates the keys it knows and keeps
any others without a warning, so the trust facts sit with the person::

    authors:
      anna:
        name: Anna Reyes
        ...
        job_title: Integrative psychotherapist
        credentials:
          - name: UKCP-registered psychotherapist
            category: Professional registration
            recognized_by: UK Council for Psychotherapy
            recognized_by_url: https://www.psychotherapy.org.uk/
        same_as:
          - https://www.psychotherapy.org.uk/...   # the public register entry

In the graph each credential becomes an ``EducationalOccupationalCredential`` whose ``recognizedBy`` is
the registering body. (Tests pin Material's tolerance of these keys.)
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


def profile_from_author(where: str, key: str, author: Any) -> Profile:
    """The profile in one ``.authors.yml`` entry (a Material ``Author`` config or a plain mapping)."""
    raw = {name: author.get(name) for name in ("job_title", "credentials", "same_as")}
    same_as = [str(url) for url in raw.get("same_as") or ()]
    for url in same_as:
        if not url.startswith("https://"):
            raise _fail(where, key, f"same_as link '{url}' must start with https://")
    return Profile(
        job_title=str(raw.get("job_title") or ""),
        credentials=tuple(credential_from(where, key, item) for item in raw.get("credentials") or ()),
        same_as=tuple(same_as),
    )
