"""The answers ``therapy-site init`` builds a site from: asked one by one, or read from a YAML file.

Every key is checked by the same function either way; a file's problems are all
reported at once, each naming its key (:class:`AnswersProblem`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click
import yaml
from PIL import Image, UnidentifiedImageError

from therapy_site.init.countries import COUNTRIES, LANGUAGES
from therapy_site.practice import markup_in_name


class AnswersProblem(Exception):
    """The answers cannot make a site: one message per problem, each naming its key."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Registration:
    name: str
    url: str
    credential: str = ""  # which of the credentials is this registration (default: found by its words)


@dataclass(frozen=True)
class Answers:
    practice: str
    site_url: str
    practitioner: str
    short_name: str
    job_title: str
    credentials: tuple[str, ...]
    registered_with: Registration
    email: str
    phone: str
    booking_url: str
    country: str
    language: str
    online: bool = True
    city: str = ""  # empty: online only
    bio: str = ""  # empty: a TODO
    photo: Path | None = None  # None: a TODO picture
    fees: tuple[str, ...] = ()  # empty: a TODO
    services: tuple[str, ...] = ()  # empty: a TODO
    free_consultation: int = 0  # minutes of a free first call; 0: none is offered (the site promises none)


def _text(value: Any, *, limit: int = 120) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("write it as text")
    text = " ".join(str(value).split())
    if not text:
        raise ValueError("it is empty")
    if len(text) > limit:
        raise ValueError(f"it is {len(text)} characters; keep it to {limit}")
    return text


def _name(value: Any) -> str:
    """A name the site prints in many places (titles, feeds, structured data): no markup characters.

    Some of the theme's templates print names inside HTML attributes unescaped, where a straight
    double quote would end the attribute.
    """
    text = _text(value)
    problem = markup_in_name(text)
    if problem:
        raise ValueError(problem)
    return text


def _long_text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("write it as text")
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", value.strip())]
    return "\n\n".join(part for part in paragraphs if part)


def _https_url(value: Any) -> str:
    url = _text(value, limit=300)
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or "." not in parts.hostname or " " in url:
        raise ValueError(f"'{url}' is not a web address starting with https://")
    return url


def _site_url(value: Any) -> str:
    url = _https_url(value)
    parts = urlsplit(url)
    if parts.query or parts.fragment:
        raise ValueError(f"'{url}' should be the site's address alone, without '?' or '#'")
    return url if url.endswith("/") else url + "/"


EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")


def _email(value: Any) -> str:
    email = _text(value, limit=254)
    if not EMAIL.match(email):
        raise ValueError(f"'{email}' is not an email address")
    return email


def _phone(value: Any) -> str:
    phone = _text(value, limit=30)
    if not re.fullmatch(r"\+?[\d\s().-]+", phone) or len(re.sub(r"\D", "", phone)) < 5:
        raise ValueError(f"'{phone}' is not a phone number (digits, spaces and a leading + only)")
    return phone


def _country(value: Any) -> str:
    code = _text(value, limit=10).upper()
    if code not in COUNTRIES:
        raise ValueError(f"'{value}' is not supported; use one of {', '.join(COUNTRIES)}")
    return code


def _language(value: Any) -> str:
    text = _text(value, limit=10)
    for language in LANGUAGES:
        if text.lower().replace("_", "-") == language.lower():
            return language
    raise ValueError(f"'{text}' is not supported; use one of {', '.join(LANGUAGES)}")


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("write true or false")
    return value


def _minutes(value: Any) -> int:
    if value is False:
        return 0
    try:
        minutes = int(str(value).strip())
    except ValueError:
        raise ValueError(f"'{value}' is not a number of minutes (write e.g. 15, or false for none)") from None
    if minutes and not 5 <= minutes <= 120:
        raise ValueError(f"{minutes} minutes: write a number from 5 to 120, or false for none")
    return minutes


def _text_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ValueError("write a list, one '- item' line each")
    items = []
    for number, item in enumerate(value, 1):
        try:
            items.append(_text(item, limit=160))
        except ValueError as problem:
            raise ValueError(f"item {number}: {problem}") from None
    if len(set(items)) != len(items):
        raise ValueError("an item is listed twice")
    return tuple(items)


def _registration(value: Any) -> Registration:
    if not isinstance(value, dict):
        raise ValueError("write 'name:' (the registering body) and 'url:' (its website) under it")
    unknown = sorted(set(map(str, value)) - {"name", "url", "credential"})
    if unknown:
        raise ValueError(f"unknown key '{unknown[0]}'; use name, url and (optionally) credential")
    for key in ("name", "url"):
        if not value.get(key):
            raise ValueError(f"'{key}' is missing")
    try:
        url = _https_url(value["url"])
    except ValueError as problem:
        raise ValueError(f"url: {problem}") from None
    credential = _text(value["credential"], limit=160) if value.get("credential") else ""
    return Registration(_text(value["name"]), url, credential)


def _photo(base: Path) -> Callable[[Any], Path]:
    def check(value: Any) -> Path:
        path = (base / Path(_text(value, limit=500)).expanduser()).resolve()
        if not path.is_file():
            raise ValueError(f"the picture file '{path}' does not exist")
        try:
            with Image.open(path) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise ValueError(f"'{path}' is not a picture this tool can read (use JPEG, PNG or WebP)") from None
        return path

    return check


@dataclass(frozen=True)
class Question:
    key: str
    prompt: str
    check: Callable[[Any], Any]
    required: bool = True


def questions(base: Path) -> tuple[Question, ...]:
    """The questions in the order they are asked; ``base`` is where a photo's relative path starts."""
    return (
        Question("practice", "The practice's name, as the website should show it", _name),
        Question("site_url", "The website's address (https://...)", _site_url),
        Question("practitioner", "Your full name, as clients see it (e.g. Dr. Jo Smith)", _name),
        Question("short_name", "The name you go by on the site (e.g. Jo)", _name),
        Question("job_title", "Your job title (e.g. Counselling psychologist)", _name),
        Question("credentials", "Your qualifications and registrations, as the site should list them", _text_list),
        Question("registered_with", "The body you are registered with or licensed by", _registration),
        Question("email", "The email address clients write to", _email),
        Question("phone", "The phone number clients call", _phone),
        Question("country", f"The country you work in ({', '.join(COUNTRIES)})", _country),
        Question("language", f"The site's language ({', '.join(LANGUAGES)})", _language, required=False),
        Question("online", "Do you offer sessions online?", _bool, required=False),
        Question("city", "The town or city where you see clients in person (empty: online only)", _text, False),
        Question("booking_url", "The address of your booking page (https://...)", _https_url),
        Question(
            "free_consultation",
            "How many minutes is the free first call you offer? (empty: none)",
            _minutes,
            required=False,
        ),
        Question("bio", "A few sentences about you (empty: write it later)", _long_text, required=False),
        Question("photo", "A photo of you: the picture file (empty: add it later)", _photo(base), required=False),
        Question("fees", "Your fees, one per line (empty: write them later)", _text_list, required=False),
        Question("services", "The services you offer, one per line (empty: write them later)", _text_list, False),
    )


def _build(values: dict[str, Any]) -> Answers:
    """The checked values as :class:`Answers`: defaults for what is optional, and the cross-checks."""
    problems = []
    online = values.get("online", True)
    if not online and not values.get("city"):
        problems.append("'city': missing; without online sessions, say where you see clients in person")
    registration: Registration = values["registered_with"]
    if registration.credential and registration.credential not in values["credentials"]:
        problems.append(
            f"'registered_with.credential': '{registration.credential}' is not one of 'credentials'; use the same words"
        )
    if problems:
        raise AnswersProblem(problems)
    return Answers(
        practice=values["practice"],
        site_url=values["site_url"],
        practitioner=values["practitioner"],
        short_name=values["short_name"],
        job_title=values["job_title"],
        credentials=values["credentials"],
        registered_with=registration,
        email=values["email"],
        phone=values["phone"],
        booking_url=values["booking_url"],
        country=values["country"],
        language=values.get("language") or COUNTRIES[values["country"]].language,
        online=online,
        city=values.get("city", ""),
        bio=values.get("bio", ""),
        photo=values.get("photo"),
        fees=values.get("fees", ()),
        services=values.get("services", ()),
        free_consultation=values.get("free_consultation", 0),
    )


def answers_from_mapping(raw: Any, base: Path) -> Answers:
    """Check a mapping of answers (as read from a file); raise :class:`AnswersProblem` naming every bad key."""
    if not isinstance(raw, dict):
        raise AnswersProblem(["the answers must be 'key: value' lines (a YAML mapping)"])
    asked = questions(base)
    known = [question.key for question in asked]
    problems = []
    for key in map(str, raw):
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"the keys are: {', '.join(known)}"
            problems.append(f"'{key}': unknown key; {hint}")
    values: dict[str, Any] = {}
    for question in asked:
        value = raw.get(question.key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if question.required:
                problems.append(f"'{question.key}': missing; {question.prompt[0].lower()}{question.prompt[1:]}")
            continue
        try:
            values[question.key] = question.check(value)
        except ValueError as problem:
            problems.append(f"'{question.key}': {problem}")
    if problems:
        raise AnswersProblem(problems)
    return _build(values)


def load_answers(path: Path) -> Answers:
    """Read and check an answers file; relative photo paths start at the file's folder."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise AnswersProblem([f"the file is not valid YAML{where}: {getattr(problem, 'problem', problem)}"]) from None
    except (OSError, UnicodeDecodeError) as problem:
        raise AnswersProblem([f"the file cannot be read: {problem}"]) from None
    return answers_from_mapping(raw, path.resolve().parent)


def _ask(question: Question) -> Any:
    """Ask until the answer passes its check; an empty answer to an optional question skips it."""
    while True:
        if question.check is _bool:
            return click.confirm(question.prompt, default=True)
        if question.check is _text_list or question.check is _registration:
            value: Any = _ask_structured(question)
        else:
            value = click.prompt(question.prompt, default="", show_default=False).strip()
        if value in ("", [], None):
            if not question.required:
                return None
            click.echo(f"  Please answer: {question.key} is needed.")
            continue
        try:
            return question.check(value)
        except ValueError as problem:
            click.echo(f"  {problem}")


def _ask_structured(question: Question) -> Any:
    if question.check is _registration:
        name = click.prompt(f"{question.prompt}: its name", default="", show_default=False).strip()
        if not name:
            return None
        url = click.prompt("  Its website (https://...)", default="", show_default=False).strip()
        return {"name": name, "url": url}
    click.echo(f"{question.prompt} (one per answer; an empty answer ends the list):")
    items = []
    while True:
        item = click.prompt("  -", default="", show_default=False).strip()
        if not item:
            return items
        items.append(item)


def ask_answers(base: Path) -> Answers:
    """Ask every question at the terminal."""
    values: dict[str, Any] = {}
    for question in questions(base):
        if question.key == "language" and "country" in values:
            default = COUNTRIES[values["country"]].language
            answer = click.prompt(question.prompt, default=default).strip()
            try:
                values["language"] = _language(answer)
            except ValueError as problem:
                click.echo(f"  {problem}; using {default}")
                values["language"] = default
            continue
        if question.key == "city" and not values.get("online", True):
            question = Question(question.key, "The town or city where you see clients", _text)
        value = _ask(question)
        if value is not None:
            values[question.key] = value
    try:
        return _build(values)
    except AnswersProblem as problem:
        raise click.ClickException("; ".join(problem.problems)) from None
