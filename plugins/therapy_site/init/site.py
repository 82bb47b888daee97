"""Write a new practice's site from its :class:`~therapy_site.init.answers.Answers`.

Every YAML part (``mkdocs.yml``, ``.authors.yml``, each page's front matter) is
written by ``yaml.safe_dump``; every value in a page's text goes through
:func:`markdown_text`, so a name such as "O'Brien & Co: Counselling" stays what it
is. What the answers do not say is written as ``TODO`` (rule ``placeholder``):
``therapy-site check`` and the strict build report each one until it is replaced.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

from therapy_site.init import artwork
from therapy_site.init.answers import Answers
from therapy_site.init.countries import COUNTRIES, CrisisLines, crisis_lines, dial

IMAGES = "assets/images"
TODO_PHOTO = f"{IMAGES}/TODO-your-photo.webp"
CATEGORY = "Therapy basics"
POST_SLUG = "welcome"
POST_TITLE = "Welcome to the blog"
POST_DESCRIPTION = (
    "What you will find in these articles, written in plain language, what they cannot do for you, and where to "
    "turn if you need help today."
)
CRISIS_TEXT = "If you are in crisis or worried about your safety, do not wait for a session."
TODO_BIO = "TODO: A few sentences about you: who you work with, and how (shown with your posts)."
TODO_SERVICE = "TODO: the services you offer, one per line"
DESCRIPTION_LENGTH = (50, 160)  # what `check` accepts (front-matter-description)
GITIGNORE = "site/\n.cache/\n"
# The booking invitation's own default (therapy_site.booking) offers a free 15-minute consultation.
DEFAULT_FREE_CONSULTATION = 15


# Python-Markdown's backslash escapes (attr_list's braces included) and what starts a block at a line's start.
_INLINE = re.compile(r"([\\`*_\[\]{}])")
_LINE_START = re.compile(r"(?m)^([#>!]|[+\-](?=\s|$))")
_ORDERED = re.compile(r"(?m)^(\d+)\.(?=\s|$)")


def markdown_text(value: Any) -> str:
    """Plain text as Markdown that shows exactly that text: no emphasis, link, HTML, list or heading."""
    text = _INLINE.sub(r"\\\1", str(value))
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)  # "&amp;" typed by someone stays visible as such
    text = re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)
    text = re.sub(r"(?m)^/", "&#47;", text)  # a line starting '///' would open a block
    return _ORDERED.sub(r"\1\\.", _LINE_START.sub(r"\\\1", text))


def href(url: str) -> str:
    """A URL inside Markdown's ``(...)``: parentheses and spaces percent-encoded."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def slug(text: str, fallback: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or fallback


def mid_sentence(text: str) -> str:
    """'Counselling psychologist' -> 'counselling psychologist'; 'CBT therapist' stays as it is."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() and text[0].isupper() else text


class _Dumper(yaml.SafeDumper):
    """Block style, list items indented under their key, one line per value."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False)


def _fit(*candidates: str) -> str:
    """The first description of search-result length (the last candidate is written to always fit)."""
    low, high = DESCRIPTION_LENGTH
    for candidate in candidates:
        if low <= len(" ".join(candidate.split())) <= high:
            return candidate
    return candidates[-1]


@dataclass(frozen=True)
class Facts:
    """What the pages say, worked out once from the answers."""

    answers: Answers
    crisis: CrisisLines
    today: dt.date

    @property
    def where(self) -> str:
        city = self.answers.city
        if self.answers.online and city:
            return f"online and in person in {city}"
        return f"in person in {city}" if city else "online"

    @property
    def photo_src(self) -> str:
        if self.answers.photo is None:
            return TODO_PHOTO
        return f"{IMAGES}/{slug(self.answers.practitioner, 'practitioner')}.webp"

    @property
    def author_key(self) -> str:
        return slug(self.answers.short_name, "author")

    @property
    def location_note(self) -> str:
        return f"Sessions {self.where}."

    def credential_details(self) -> dict[str, dict[str, str]]:
        registration = self.answers.registered_with
        name = registration.credential or next(
            (
                credential
                for credential in self.answers.credentials
                if re.search(r"regist|licen[cs]|accredit|chartered", credential, re.IGNORECASE)
            ),
            "",
        )
        if not name:
            return {}
        return {
            name: {
                "category": "Professional registration",
                "recognized_by": registration.name,
                "recognized_by_url": registration.url,
            }
        }

    def context(self) -> dict[str, Any]:
        answers = self.answers
        return {
            "practice": answers.practice,
            "practitioner": answers.practitioner,
            "short_name": answers.short_name,
            "job_title_mid": mid_sentence(answers.job_title),
            "where": self.where,
            "email": answers.email,
            "phone": answers.phone,
            "credentials": answers.credentials,
            "registration": answers.registered_with,
            "registration_article": "" if answers.registered_with.name.lower().startswith("the ") else "the ",
            "has_photo": answers.photo is not None,
            "photo_src": self.photo_src,
            "bio_paragraphs": answers.bio.split("\n\n") if answers.bio else [],
            "fees": answers.fees,
            "services": answers.services,
            "free_consultation": answers.free_consultation,
            "country": COUNTRIES[answers.country],
            "crisis": self.crisis,
        }

    def pages(self) -> dict[str, dict[str, Any]]:
        """Each page's front matter, by its path in docs/ (the template of the same name writes its text)."""
        a = self.answers
        job = mid_sentence(a.job_title)
        nav_hidden = {"hide": ["navigation"]}
        return {
            "index.md": {
                "template": "home.html",
                "title": a.practice,
                "description": _fit(
                    f"{a.practitioner}, {job}: sessions {self.where}. How to book, and where to find urgent help.",
                    f"Sessions {self.where}: how to book a first session, and where to find urgent help.",
                    "Who I am, how to book a first session, and where to find urgent help.",
                ),
                "hide": ["navigation", "toc"],
            },
            "about.md": {
                **nav_hidden,
                "description": _fit(
                    f"About {a.practitioner}, {job}: training, registration and where sessions take place.",
                    "About me: my training, my registration and where sessions take place.",
                ),
            },
            "services.md": {
                **nav_hidden,
                "description": _fit(
                    f"The services {a.practitioner} offers, {self.where}, and how to book a first session.",
                    "The services I offer, where sessions take place, and how to book a first session.",
                ),
            },
            "fees.md": {
                **nav_hidden,
                "description": _fit(
                    f"Fees for sessions with {a.practitioner}, and how to book a first session.",
                    "What sessions cost, and how to book your first session with me.",
                ),
            },
            "book.md": {
                **nav_hidden,
                "description": _fit(
                    f"How to book a session with {a.practitioner}, and other ways to get in touch.",
                    "How to book a first session, and other ways to get in touch.",
                ),
            },
            "privacy.md": {
                **nav_hidden,
                "description": _fit(
                    f"Privacy at {a.practice}: this website sets no cookies, runs no analytics and makes no "
                    "requests to other companies.",
                    "Privacy notice: this website sets no cookies, runs no analytics and makes no requests to "
                    "other companies.",
                ),
            },
            "urgent-help.md": {
                **nav_hidden,
                "description": _fit(
                    f"Where to get help right now if you are in crisis or worried about your safety. {a.practice} "
                    "is not an emergency service.",
                    "Where to get help right now if you are in crisis or worried about your safety. This practice "
                    "is not an emergency service.",
                ),
                # The page a reader in crisis is sent to lists the lines by their names ("Suicide & Crisis
                # Lifeline"): a content note above the numbers would only stand between the reader and help.
                "guidance": {"allow": ["suicide-content-note"]},
            },
            "blog/index.md": {
                "description": _fit(
                    f"Articles on therapy from {a.practice}, written in plain language to be read calmly on any "
                    "device.",
                    "Articles on therapy, written in plain language to be read calmly on any device.",
                ),
            },
            f"blog/posts/{POST_SLUG}.md": {
                "title": POST_TITLE,
                "description": POST_DESCRIPTION,
                "date": {"created": self.today},
                "slug": POST_SLUG,
                "categories": [CATEGORY],
                "authors": [self.author_key],
                "hero": {"src": f"{IMAGES}/{POST_SLUG}-hero.webp", "alt": artwork.HERO_ALT},
                # A note about the blog, not health information, and short on purpose: the writing guidance's
                # trust and length checks are for articles.
                "guidance": {"health": False, "allow": ["search-length"]},
            },
        }

    def config(self) -> dict[str, Any]:
        """``mkdocs.yml``: the practice's own facts only (the engine, ``therapy-site``, brings the rest)."""
        a = self.answers
        country = COUNTRIES[a.country]
        location: dict[str, str] = {"locality": a.city} if a.city else {}
        area = [{"type": "City", "name": a.city}] if a.city else []
        practitioner: dict[str, Any] = {
            "name": a.practitioner,
            "short_name": a.short_name,
            "job_title": a.job_title,
            "credentials": list(a.credentials),
        }
        details = self.credential_details()
        if details:
            practitioner["credential_details"] = details
        practitioner.update(bio=a.bio or TODO_BIO, image=self.photo_src, about_page="about/")
        return {
            "site_name": a.practice,
            "site_url": a.site_url,
            "site_description": _site_description(a, self.where),
            "strict": True,  # a plain `mkdocs build` stops at any warning too, as `therapy-site build` does
            "theme": {
                "name": "material",
                "language": a.language,
                "logo": f"{IMAGES}/logo.svg",
                "favicon": f"{IMAGES}/favicon.png",
            },
            "extra": {
                "practice": {
                    "description": f"{a.practitioner}, {mid_sentence(a.job_title)}: sessions {self.where}.",
                    "logo": f"{IMAGES}/logo-512.png",
                    "email": a.email,
                    "phone": a.phone,
                    "booking_url": a.booking_url,
                    "online": a.online,
                    "location": {**location, "country": a.country, "note": self.location_note},
                    "area_served": [*area, {"type": "Country", "name": country.name}],
                    "services": list(a.services) or [TODO_SERVICE],
                    "practitioner": practitioner,
                    "crisis": {
                        "text": CRISIS_TEXT,
                        "line_name": self.crisis.footer.name,
                        "line_phone": self.crisis.footer.call,
                        "emergency_phone": self.crisis.emergency_numbers[0],
                        "page": "urgent-help/",
                    },
                }
            },
            "plugins": ["search", {"therapy-site": {"blog": {"categories_allowed": [CATEGORY]}}}],
            **self.booking_extension(),
            "nav": [
                {"Home": "index.md"},
                {"About": "about.md"},
                {"Services": "services.md"},
                {"Fees": "fees.md"},
                {"Book a session": "book.md"},
                {"Blog": ["blog/index.md"]},
                {"Privacy": "privacy.md"},
                {"Urgent help": "urgent-help.md"},
            ],
        }

    def booking_extension(self) -> dict[str, Any]:
        """The booking invitation's words, unless the package's default (a free 15-minute call) is true."""
        minutes = self.answers.free_consultation
        if minutes == DEFAULT_FREE_CONSULTATION:
            return {}
        if minutes:
            options = {
                "text": f"Book a free {minutes}-minute consultation to see whether we are a good fit. "
                "There is no obligation to continue.",
                "button": "Book a free consultation",
            }
        else:
            options = {"text": "Choose a time for a first session on the booking page.", "button": "Book a session"}
        return {"markdown_extensions": [{"therapy_site.booking": options}]}

    def authors(self) -> dict[str, Any]:
        a = self.answers
        return {
            "authors": {
                self.author_key: {
                    "name": a.practitioner,
                    "description": a.job_title,
                    "avatar": self.photo_src,
                    "url": "about/",
                }
            }
        }


def _site_description(a: Answers, where: str) -> str:
    return f"{a.job_title} with {a.practitioner}, {where}."


CONFIG_HEADER = """\
# The practice's website. Its pages are in docs/; `therapy-site check` finds mistakes,
# `therapy-site serve` previews the site, `therapy-site build` builds it.
# Everything below is about the practice; the therapy-site plugin brings the rest.
"""


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("therapy_site.init", "templates"),
        autoescape=False,  # Markdown: values are escaped by the `md` filter
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        md=markdown_text,
        href=href,
        mailto=lambda email: "mailto:" + href(email),
        tel=lambda number: "tel:" + dial(number),
        sms=lambda number: "sms:" + dial(number),
    )
    return environment


def _page(environment: jinja2.Environment, template: str, meta: dict[str, Any], context: dict[str, Any]) -> str:
    body = environment.get_template(template).render(context)
    body = re.sub(r"\n{3,}", "\n\n", body).strip("\n")
    return f"---\n{_yaml(meta)}---\n\n{body}\n"


def site_files(answers: Answers, today: dt.date) -> dict[str, bytes]:
    """Every file of the new site, by its path from the site's folder."""
    facts = Facts(answers, crisis_lines(answers.country), today)
    environment = _environment()
    context = facts.context()
    files: dict[str, bytes] = {
        "mkdocs.yml": (CONFIG_HEADER + _yaml(facts.config())).encode("utf-8"),
        ".gitignore": GITIGNORE.encode("utf-8"),
        "docs/blog/.authors.yml": _yaml(facts.authors()).encode("utf-8"),
    }
    for path, meta in facts.pages().items():
        template = f"blog/{POST_SLUG}.md" if path.startswith("blog/posts/") else path
        files[f"docs/{path}"] = _page(environment, template, meta, context).encode("utf-8")
    files[f"docs/{IMAGES}/logo.svg"] = artwork.logo_svg().encode("utf-8")
    files[f"docs/{IMAGES}/logo-512.png"] = artwork.logo_png(512)
    files[f"docs/{IMAGES}/favicon.png"] = artwork.logo_png(64)
    files[f"docs/{IMAGES}/{POST_SLUG}-hero.webp"] = artwork.hero_webp()
    photo = answers.photo
    files[f"docs/{facts.photo_src}"] = (
        artwork.photo_webp(photo) if photo is not None else artwork.placeholder_photo_webp()
    )
    return files


def is_empty_folder(target: Path) -> bool:
    return not target.exists() or (target.is_dir() and not any(target.iterdir()))


def write_site(target: Path, answers: Answers, today: dt.date | None = None) -> list[Path]:
    """Write the site into ``target`` (created if missing; it must be empty). Returns the files written."""
    if not is_empty_folder(target):
        raise FileExistsError(target)
    files = site_files(answers, today or dt.date.today())
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for relative, content in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as file:
            file.write(content)
        written.append(path)
    return written
