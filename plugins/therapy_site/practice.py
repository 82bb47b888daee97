"""The practice's identity, read from ``extra.practice`` in ``mkdocs.yml``.

It is the single place the practice name, practitioner, booking URL and crisis
line live: templates read ``config.extra.practice`` and plugins call
:func:`practice_from_config`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Practitioner:
    name: str
    job_title: str = ""
    credentials: tuple[str, ...] = ()
    knows_about: tuple[str, ...] = ()
    bio: str = ""
    image: str = ""
    about_page: str = "about/"
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True)
class CrisisLine:
    text: str = ""
    line_name: str = ""
    line_phone: str = ""
    emergency_phone: str = ""
    page: str = "urgent-help/"


@dataclass(frozen=True)
class Practice:
    name: str
    practitioner: Practitioner
    type: str = "ProfessionalService"
    description: str = ""
    logo: str = ""
    email: str = ""
    phone: str = ""
    booking_url: str = ""
    online: bool = True
    location: dict[str, str] = field(default_factory=dict)
    crisis: CrisisLine = field(default_factory=CrisisLine)


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)


def practice_from_config(config: Any) -> Practice:
    """Build the :class:`Practice` from a MkDocs config; fail clearly when it is missing."""
    raw = (config.get("extra") or {}).get("practice")
    if not isinstance(raw, dict) or not raw.get("name"):
        raise PluginError(
            "mkdocs.yml: 'extra.practice' with at least 'name' and 'practitioner.name' is required; "
            "it holds the practice's identity for templates and plugins."
        )
    person = raw.get("practitioner") or {}
    if not person.get("name"):
        raise PluginError("mkdocs.yml: 'extra.practice.practitioner.name' is required.")
    practitioner = Practitioner(
        name=str(person["name"]),
        job_title=str(person.get("job_title", "")),
        credentials=_tuple(person.get("credentials")),
        knows_about=_tuple(person.get("knows_about")),
        bio=str(person.get("bio", "")).strip(),
        image=str(person.get("image", "")),
        about_page=str(person.get("about_page", "about/")),
        same_as=_tuple(person.get("same_as")),
    )
    crisis_raw = raw.get("crisis") or {}
    crisis = CrisisLine(**{key: str(value) for key, value in crisis_raw.items() if key in CrisisLine.__annotations__})
    return Practice(
        name=str(raw["name"]),
        practitioner=practitioner,
        type=str(raw.get("type", "ProfessionalService")),
        description=str(raw.get("description", "")).strip(),
        logo=str(raw.get("logo", "")),
        email=str(raw.get("email", "")),
        phone=str(raw.get("phone", "")),
        booking_url=str(raw.get("booking_url", "")),
        online=bool(raw.get("online", True)),
        location={str(k): str(v) for k, v in (raw.get("location") or {}).items()},
        crisis=crisis,
    )
