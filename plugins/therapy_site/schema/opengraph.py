"""Open Graph, article and Twitter card ``<meta>`` tags, all URLs absolute, every value escaped.

Material's ``base.html`` already writes ``<link rel="canonical">`` and
``<meta name="description">``; these tags complete the head for link previews.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from therapy_site.schema.graph import ImageFacts, PageFacts, SiteFacts, iso


@dataclass(frozen=True)
class SocialImage:
    image: ImageFacts
    alt: str
    mime: str = ""  # og:image:type, e.g. image/png


# Lets search engines show large image previews (Discover cards need it); our share images are 1200 px wide.
ROBOTS = "max-image-preview:large"


def _meta(attribute: str, name: str, content: object) -> Markup:
    return Markup('<meta {}="{}" content="{}">').format(Markup(attribute), name, str(content))


def head_tags(site: SiteFacts, page: PageFacts, locale: str, image: SocialImage | None, author_url: str) -> Markup:
    """The page's Open Graph tags, one per line, in a fixed order."""
    tags = [
        _meta("name", "robots", ROBOTS),
        _meta("property", "og:type", "article" if page.post else "website"),
        _meta("property", "og:site_name", site.name),
        _meta("property", "og:title", page.title),
        _meta("property", "og:description", page.description),
        _meta("property", "og:url", page.url),
        _meta("property", "og:locale", locale),
    ]
    if image is not None:
        tags.append(_meta("property", "og:image", image.image.url))
        if image.mime:
            tags.append(_meta("property", "og:image:type", image.mime))
        if image.image.width and image.image.height:
            tags.append(_meta("property", "og:image:width", image.image.width))
            tags.append(_meta("property", "og:image:height", image.image.height))
        if image.alt:
            tags.append(_meta("property", "og:image:alt", image.alt))
    if page.post is not None:
        post = page.post
        tags.append(_meta("property", "article:published_time", iso(post.published)))
        tags.append(_meta("property", "article:modified_time", iso(post.modified or post.published)))
        if author_url:
            tags.append(_meta("property", "article:author", author_url))
        if post.sections:
            tags.append(_meta("property", "article:section", post.sections[0]))
        tags.extend(_meta("property", "article:tag", keyword) for keyword in post.keywords)
    tags.append(_meta("name", "twitter:card", "summary_large_image" if image is not None else "summary"))
    tags.append(_meta("name", "twitter:title", page.title))
    tags.append(_meta("name", "twitter:description", page.description))
    if image is not None:
        tags.append(_meta("name", "twitter:image", image.image.url))
        if image.alt:
            tags.append(_meta("name", "twitter:image:alt", image.alt))
    return Markup("\n").join(tags)
