"""The practice's identity, read from ``extra.practice`` in ``mkdocs.yml``.

It is the single place the practice name, practitioner, booking URL and crisis
line live: templates read ``config.extra.practice`` and plugins call
:func:`practice_from_config`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkdocs.exceptions import PluginError

from therapy_site.review.credentials import Credential, Profile, credential_from, profile_from_mapping

# Names the theme prints into HTML unescaped (``aria-label="{{ config.site_name }}"``, an author's
# ``alt``, the footer's ``copyright``): there a straight double quote ends the attribute and ``<``/``>``
# start markup.
NAME_KEYS: tuple[tuple[str, ...], ...] = (
    ("site_name",),
    ("site_author",),
    ("extra", "practice", "name"),
    ("extra", "practice", "practitioner", "name"),
    ("extra", "practice", "practitioner", "short_name"),
)


def markup_in_name(text: str) -> str | None:
    """What is wrong with a name the site prints in HTML, or ``None``: no ``<``, ``>`` or straight ``"``."""
    if "<" in text or ">" in text:
        return f"'{text}' contains '<' or '>'; leave them out"
    if '"' in text:
        return f"'{text}' contains a straight double quote (\"); use curly quotes (“ ”) or leave it out"
    return None


@dataclass(frozen=True)
class Practitioner:
    name: str
    # How pages call the practitioner in running text ("More about Mei"); the full name when not set.
    short_name: str = ""
    job_title: str = ""
    credentials: tuple[str, ...] = ()  # names, as pages show them
    # The same credentials with who recognises them (a credential may be written as a mapping).
    credential_details: tuple[Credential, ...] = ()
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
class Place:
    """A place the practice serves, e.g. ``Place("City", "Bristol")``: a real name, never a country code."""

    type: str
    name: str


@dataclass(frozen=True)
class Practice:
    name: str
    practitioner: Practitioner
    # schema.org retired ProfessionalService; a psychotherapy practice is a MedicalBusiness.
    type: str = "MedicalBusiness"
    # MedicalSpecialty enumeration member (e.g. "Psychiatric"); empty by default: schema.org has no
    # psychotherapy specialty, and claiming a medical one would overstate what the practice is.
    medical_specialty: str = ""
    # The treatments offered, each a schema.org PsychologicalTreatment named as the site names it.
    services: tuple[str, ...] = ()
    accepting_new_patients: bool | None = None
    area_served: tuple[Place, ...] = ()
    # Other authors' and reviewers' credentials and sameAs, by author id (extra.practice.people).
    people: dict[str, Profile] = field(default_factory=dict)
    description: str = ""
    logo: str = ""
    email: str = ""
    phone: str = ""
    booking_url: str = ""
    online: bool = True
    location: dict[str, str] = field(default_factory=dict)
    crisis: CrisisLine = field(default_factory=CrisisLine)


def _credential_details(person: dict[str, Any]) -> tuple[Credential, ...]:
    """``credentials`` (names, as pages show them) joined with ``credential_details`` (by name: category,
    recognized_by, recognized_by_url)."""
    where = "mkdocs.yml: extra.practice.practitioner"
    names = _tuple(person.get("credentials"))
    extra = person.get("credential_details") or {}
    if not isinstance(extra, dict):
        raise PluginError(f"{where}.credential_details: write one entry per credential name")
    unknown = sorted(set(map(str, extra)) - set(names))
    if unknown:
        raise PluginError(
            f"{where}.credential_details: {', '.join(unknown)} is not in 'credentials'; use the same name"
        )
    return tuple(credential_from(where, "credentials", {"name": name, **(extra.get(name) or {})}) for name in names)


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)


PLACE_TYPES = frozenset({"Place", "AdministrativeArea", "City", "State", "Country"})


def _places(value: Any) -> tuple[Place, ...]:
    """``area_served``: a list of ``{type: City, name: Bristol}`` (a bare string is a Place's name)."""
    places = []
    for item in value or ():
        if isinstance(item, str):
            places.append(Place("Place", item))
            continue
        if not isinstance(item, dict) or not item.get("name"):
            raise PluginError("mkdocs.yml: each extra.practice.area_served entry needs a 'name' (and a 'type')")
        kind = str(item.get("type", "Place"))
        if kind not in PLACE_TYPES:
            raise PluginError(
                f"mkdocs.yml: extra.practice.area_served type '{kind}' is not one of {', '.join(sorted(PLACE_TYPES))}"
            )
        places.append(Place(kind, str(item["name"])))
    return tuple(places)


def practice_from_config(config: Any) -> Practice:
    """Build the :class:`Practice` from a MkDocs config; fail clearly when it is missing."""
    raw = (config.get("extra") or {}).get("practice")
    if isinstance(raw, dict) and not raw.get("name") and config.get("site_name"):
        raw = {**raw, "name": config.get("site_name")}  # the practice's name is the site's unless it says otherwise
    if not isinstance(raw, dict) or not raw.get("name"):
        raise PluginError(
            "mkdocs.yml: 'extra.practice' with at least 'name' and 'practitioner.name' is required; "
            "it holds the practice's identity for templates and plugins."
        )
    person = raw.get("practitioner") or {}
    if not person.get("name"):
        raise PluginError("mkdocs.yml: 'extra.practice.practitioner.name' is required.")
    details = _credential_details(person)
    practitioner = Practitioner(
        name=str(person["name"]),
        short_name=str(person.get("short_name") or person["name"]),
        job_title=str(person.get("job_title", "")),
        credentials=tuple(detail.name for detail in details),
        credential_details=details,
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
        type=str(raw.get("type", "MedicalBusiness")),
        medical_specialty=str(raw.get("medical_specialty", "")),
        services=_tuple(raw.get("services")),
        accepting_new_patients=(
            None if raw.get("accepting_new_patients") is None else bool(raw.get("accepting_new_patients"))
        ),
        area_served=_places(raw.get("area_served")),
        people={
            str(key): profile_from_mapping("mkdocs.yml: extra.practice.people", str(key), value)
            for key, value in (raw.get("people") or {}).items()
        },
        description=str(raw.get("description", "")).strip(),
        logo=str(raw.get("logo", "")),
        email=str(raw.get("email", "")),
        phone=str(raw.get("phone", "")),
        booking_url=str(raw.get("booking_url", "")),
        online=bool(raw.get("online", True)),
        location={str(k): str(v) for k, v in (raw.get("location") or {}).items()},
        crisis=crisis,
    )
