"""The one schema.org graph builder: every page's ``@graph`` of nodes linked by ``@id``.

Ids are stable: site-wide nodes hang off the site URL (``https://site/#organization``),
page nodes off the page URL (``<page url>#webpage``, ``#article``, ``#breadcrumb``,
``#faq``, ``#primaryimage``). The builder takes plain facts (see :class:`PageFacts`),
not MkDocs objects, so it can be tested and reused without a build.

No ``SearchAction``: Google retired the sitelinks search box, and the site's
search has no URL to hand a query to.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from therapy_site.citations.model import citation_kind
from therapy_site.pagedata import Citation, Faq
from therapy_site.practice import Place, Practice
from therapy_site.review.credentials import Credential, Profile

Node = dict[str, Any]

# Characters that must never appear raw inside <script>: they could end it or open a comment,
# and U+2028/2029 end lines in older JavaScript parsers.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_ESCAPE_TABLE = str.maketrans(_SCRIPT_ESCAPES)


def ref(node_id: str) -> Node:
    return {"@id": node_id}


@dataclass(frozen=True)
class ImageFacts:
    url: str  # absolute
    width: int | None = None
    height: int | None = None
    caption: str = ""

    def node(self, node_id: str) -> Node:
        node: Node = {"@type": "ImageObject", "@id": node_id, "url": self.url, "contentUrl": self.url}
        if self.width and self.height:
            node["width"], node["height"] = self.width, self.height
        if self.caption:
            node["caption"] = self.caption
        return node


@dataclass(frozen=True)
class PersonFacts:
    """A person other than the practitioner (a guest author or reviewer from the blog's authors file)."""

    key: str
    name: str
    url: str = ""  # absolute
    description: str = ""
    image: str = ""  # absolute
    profile: Profile | None = None  # credentials and sameAs (extra.practice.people)


@dataclass(frozen=True)
class PostFacts:
    headline: str
    published: datetime
    modified: datetime | None
    authors: tuple[PersonFacts | None, ...]  # None = the practitioner
    sections: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    word_count: int = 0
    abstract: str = ""


@dataclass(frozen=True)
class ReviewFacts:
    reviewer: PersonFacts | None  # None = the practitioner
    reviewed: date


@dataclass(frozen=True)
class PageFacts:
    url: str  # absolute canonical URL
    title: str
    description: str
    kind: str = "WebPage"  # WebPage, AboutPage, ContactPage, CollectionPage, ...
    is_home: bool = False
    breadcrumbs: tuple[tuple[str, str], ...] = ()  # (name, absolute URL), Home first
    images: tuple[ImageFacts, ...] = ()  # the page's own images, primary first
    post: PostFacts | None = None
    faq: Faq | None = None
    review: ReviewFacts | None = None
    citations: tuple[Citation, ...] = ()  # the sources the page cites (therapy_site.citations)


@dataclass(frozen=True)
class SiteFacts:
    url: str  # site_url, ending in "/"
    name: str
    description: str
    language: str
    practice: Practice
    logo: ImageFacts | None = None
    practitioner_image: ImageFacts | None = None
    practitioner_profile: Profile | None = None  # extra.practice.people entry of the practitioner's author id

    def absolute(self, path: str) -> str:
        return urljoin(self.url, path.lstrip("/")) if path else ""

    @property
    def website_id(self) -> str:
        return f"{self.url}#website"

    @property
    def organization_id(self) -> str:
        return f"{self.url}#organization"

    @property
    def person_id(self) -> str:
        return f"{self.url}#person"

    def other_person_id(self, person: PersonFacts) -> str:
        return f"{self.url}#/schema/person/{person.key}"

    def person_ref(self, person: PersonFacts | None) -> Node:
        return ref(self.person_id if person is None else self.other_person_id(person))


def iso(moment: datetime | date) -> str:
    if isinstance(moment, datetime):
        return moment.isoformat(timespec="seconds")
    return moment.isoformat()


def website_node(site: SiteFacts) -> Node:
    return {
        "@type": "WebSite",
        "@id": site.website_id,
        "url": site.url,
        "name": site.name,
        "description": site.description,
        "inLanguage": site.language,
        "publisher": ref(site.organization_id),
    }


# Types whose nodes may carry isAcceptingNewPatients (its schema.org domain is MedicalOrganization).
MEDICAL_ORGANIZATION_TYPES = frozenset({"MedicalOrganization", "MedicalClinic", "Hospital", "Physician"})


def organization_types(practice: Practice) -> str | list[str]:
    """The practice's ``@type``. ``isAcceptingNewPatients`` belongs to MedicalOrganization, which a
    MedicalBusiness is not: when the practice states it, the node is typed both (valid JSON-LD multi-typing)."""
    if practice.accepting_new_patients is None or practice.type in MEDICAL_ORGANIZATION_TYPES:
        return practice.type
    return [practice.type, "MedicalOrganization"]


def medical_nodes(practice: Practice) -> Node:
    """medicalSpecialty, availableService (PsychologicalTreatment), isAcceptingNewPatients, areaServed."""
    node: Node = {}
    if practice.medical_specialty:
        node["medicalSpecialty"] = f"https://schema.org/{practice.medical_specialty}"
    if practice.services:
        node["availableService"] = [{"@type": "PsychologicalTreatment", "name": name} for name in practice.services]
    if practice.accepting_new_patients is not None:
        node["isAcceptingNewPatients"] = practice.accepting_new_patients
    places = practice.area_served
    if not places and practice.location.get("locality"):
        places = (Place("City", practice.location["locality"]),)
    if places:
        node["areaServed"] = [{"@type": place.type, "name": place.name} for place in places]
    return node


def organization_nodes(site: SiteFacts) -> list[Node]:
    practice = site.practice
    node: Node = {
        "@type": organization_types(practice),
        "@id": site.organization_id,
        "name": practice.name,
        "url": site.url,
        "founder": ref(site.person_id),
        "employee": ref(site.person_id),
    }
    optional = {"description": practice.description, "email": practice.email, "telephone": practice.phone}
    node.update({key: value for key, value in optional.items() if value})
    address = {
        "addressLocality": practice.location.get("locality", ""),
        "addressRegion": practice.location.get("region", ""),
        "addressCountry": practice.location.get("country", ""),
    }
    if any(address.values()):
        node["address"] = {"@type": "PostalAddress", **{key: value for key, value in address.items() if value}}
    node.update(medical_nodes(practice))
    nodes = [node]
    if site.logo is not None:
        logo_id = f"{site.url}#logo"
        node["logo"] = ref(logo_id)
        node["image"] = ref(logo_id)
        nodes.append(site.logo.node(logo_id))
    return nodes


def practitioner_nodes(site: SiteFacts) -> list[Node]:
    person = site.practice.practitioner
    node: Node = {
        "@type": "Person",
        "@id": site.person_id,
        "name": person.name,
        "url": site.absolute(person.about_page),
        "worksFor": ref(site.organization_id),
    }
    if person.job_title:
        node["jobTitle"] = person.job_title
    if person.bio:
        node["description"] = person.bio
    # The practitioner's credentials come from extra.practice.practitioner (what the pages show).
    profile = site.practitioner_profile
    credentials = person.credential_details or (profile.credentials if profile else ())
    if credentials:
        node["hasCredential"] = [credential_node(credential) for credential in credentials]
    if person.knows_about:
        node["knowsAbout"] = list(person.knows_about)
    same_as = list(dict.fromkeys([*person.same_as, *(profile.same_as if profile else ())]))
    if same_as:
        node["sameAs"] = same_as
    nodes = [node]
    if site.practitioner_image is not None:
        image_id = f"{site.url}#person-image"
        node["image"] = ref(image_id)
        nodes.append(site.practitioner_image.node(image_id))
    return nodes


def credential_node(credential: Credential) -> Node:
    """A qualification or registration, ``recognizedBy`` the body that keeps the register."""
    node: Node = {"@type": "EducationalOccupationalCredential", "name": credential.name}
    if credential.category:
        node["credentialCategory"] = credential.category
    if credential.recognized_by:
        body: Node = {"@type": "Organization", "name": credential.recognized_by}
        if credential.recognized_by_url:
            body["url"] = credential.recognized_by_url
        node["recognizedBy"] = body
    return node


def other_person_node(site: SiteFacts, person: PersonFacts) -> Node:
    node: Node = {"@type": "Person", "@id": site.other_person_id(person), "name": person.name}
    optional = {"url": person.url, "description": person.description, "image": person.image}
    node.update({key: value for key, value in optional.items() if value})
    profile = person.profile
    if profile is not None:
        if profile.job_title:
            node["jobTitle"] = profile.job_title
        if profile.credentials:
            node["hasCredential"] = [credential_node(credential) for credential in profile.credentials]
        if profile.same_as:
            node["sameAs"] = list(profile.same_as)
    return node


def breadcrumb_node(page: PageFacts, node_id: str) -> Node:
    return {
        "@type": "BreadcrumbList",
        "@id": node_id,
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(page.breadcrumbs, start=1)
        ],
    }


def citation_nodes(citations: tuple[Citation, ...]) -> list[Node]:
    """Each cited work: a ScholarlyArticle (DOI, PubMed) or CreativeWork with its url, name and publisher."""
    nodes = []
    for citation in citations:
        node: Node = {"@type": citation_kind(citation.url), "url": citation.url, "name": citation.title}
        if citation.publisher:
            node["publisher"] = {"@type": "Organization", "name": citation.publisher}
        if citation.date is not None:
            node["datePublished"] = citation.date.isoformat()
        nodes.append(node)
    return nodes


def faq_questions(page: PageFacts, faq: Faq) -> list[Node]:
    """The FAQ's Question nodes, inline: each has the exact text the page shows (the FAQ plugin checks it)."""
    return [
        {
            "@type": "Question",
            "@id": f"{page.url}#{item.id}" if item.id else f"{page.url}#faq-{index}",
            "name": item.question,
            "acceptedAnswer": {"@type": "Answer", "text": item.answer_html},
        }
        for index, item in enumerate(faq.items, start=1)
    ]


def article_node(site: SiteFacts, page: PageFacts, post: PostFacts, webpage_id: str, images: list[Node]) -> Node:
    authors = [site.person_ref(author) for author in post.authors] or [ref(site.person_id)]
    node: Node = {
        "@type": "BlogPosting",
        "@id": f"{page.url}#article",
        "headline": post.headline,
        "description": page.description,
        "url": page.url,
        "datePublished": iso(post.published),
        "dateModified": iso(post.modified or post.published),
        "author": authors[0] if len(authors) == 1 else authors,
        "publisher": ref(site.organization_id),
        "inLanguage": site.language,
        "isPartOf": ref(webpage_id),
        "mainEntityOfPage": ref(webpage_id),
        "wordCount": post.word_count,
    }
    if images:
        node["image"] = ref(images[0]["@id"]) if len(images) == 1 else [ref(image["@id"]) for image in images]
    if post.sections:
        node["articleSection"] = post.sections[0] if len(post.sections) == 1 else list(post.sections)
    if post.keywords:
        node["keywords"] = list(post.keywords)
    if post.abstract:
        node["abstract"] = post.abstract
    if page.citations:
        node["citation"] = citation_nodes(page.citations)
    return node


def webpage_node(site: SiteFacts, page: PageFacts, images: list[Node]) -> Node:
    # Like Yoast: a page with an FAQ is one node typed both, not a second page-type node beside the WebPage.
    has_faq = page.faq is not None and bool(page.faq.items)
    node: Node = {
        "@type": [page.kind, "FAQPage"] if has_faq else page.kind,
        "@id": f"{page.url}#webpage",
        "url": page.url,
        "name": page.title,
        "description": page.description,
        "isPartOf": ref(site.website_id),
        "inLanguage": site.language,
    }
    if page.breadcrumbs:
        node["breadcrumb"] = ref(f"{page.url}#breadcrumb")
    if images:
        node["primaryImageOfPage"] = ref(images[0]["@id"])
    if page.is_home:
        node["about"] = ref(site.organization_id)
    elif page.kind in {"AboutPage", "ProfilePage"}:
        node["about"] = ref(site.person_id)
        node["mainEntity"] = ref(site.person_id)
    if has_faq and page.faq is not None:
        # The questions are the FAQPage's main entity; an AboutPage keeps its person as ``about``.
        node["mainEntity"] = faq_questions(page, page.faq)
    if page.post is not None:
        node["datePublished"] = iso(page.post.published)
        node["dateModified"] = iso(page.post.modified or page.post.published)
    if page.citations and page.post is None:  # a post's citations are on its BlogPosting
        node["citation"] = citation_nodes(page.citations)
    if page.review is not None:
        node["reviewedBy"] = site.person_ref(page.review.reviewer)
        node["lastReviewed"] = iso(page.review.reviewed)
    return node


def page_image_nodes(page: PageFacts) -> list[Node]:
    return [
        image.node(f"{page.url}#primaryimage" if index == 1 else f"{page.url}#image-{index}")
        for index, image in enumerate(page.images, start=1)
    ]


def build_graph(site: SiteFacts, page: PageFacts) -> Node:
    """The page's whole graph: site nodes, the page (typed FAQPage too when it has one), article, breadcrumbs."""
    webpage_id = f"{page.url}#webpage"
    images = page_image_nodes(page)
    nodes: list[Node] = [website_node(site), *organization_nodes(site), *practitioner_nodes(site)]
    people: dict[str, PersonFacts] = {}
    for person in [*(page.post.authors if page.post else ()), page.review.reviewer if page.review else None]:
        if person is not None:
            people[person.key] = person
    nodes.extend(other_person_node(site, people[key]) for key in sorted(people))
    nodes.append(webpage_node(site, page, images))
    if page.post is not None:
        nodes.append(article_node(site, page, page.post, webpage_id, images))
    nodes.extend(images)
    if page.breadcrumbs:
        nodes.append(breadcrumb_node(page, f"{page.url}#breadcrumb"))
    return {"@context": "https://schema.org", "@graph": nodes}


def serialise(graph: Node) -> str:
    """Deterministic JSON that is safe inside ``<script>``: ``<``, ``>``, ``&``, U+2028/2029 escaped."""
    text = json.dumps(graph, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_SCRIPT_ESCAPE_TABLE)


def script_tag(graph: Node) -> Markup:
    return Markup('<script type="application/ld+json">{}</script>').format(Markup(serialise(graph)))
