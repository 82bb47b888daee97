"""``therapy-site new``: start a post with complete front matter and every block, ready to fill in.

The post starts as a draft (``draft: true``): ``make serve`` shows it, ``mkdocs
build`` leaves it out until the author deletes that line. Every placeholder
starts with ``TODO`` and is valid as it stands, so the new post builds and
passes ``therapy-site check``, which lists each placeholder as a warning.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import click
from PIL import Image, ImageDraw

from therapy_site.project import Project
from therapy_site.validation.context import CheckContext
from therapy_site.validation.images import EXIF_IMAGE_DESCRIPTION, PLACEHOLDER_IMAGE_MARK

HERO_SIZE = (1200, 675)  # the size of the site's other hero images (16:9)
HERO_FOLDER = "assets/images"


@dataclass(frozen=True)
class NewPost:
    title: str
    slug: str
    created: dt.date
    category: str
    author: str
    hero_src: str
    categories_allowed: tuple[str, ...]


def _yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def post_markdown(post: NewPost) -> str:
    allowed = ", ".join(post.categories_allowed)
    return f"""---
title: {_yaml_string(post.title)}
# Shown in search results and link previews: one or two sentences, 50–160 characters.
description: "TODO: Say in one or two plain sentences what a reader will take away from this post."
date:
  created: {post.created.isoformat()}
  # updated: {post.created.isoformat()}   # add when you change the post later
slug: {post.slug}
# Delete the next line when the post is ready: drafts show in `make serve` but are not published.
draft: true
categories:  # one or more of: {allowed}
  - {post.category}
tags:
  - TODO
authors:
  - {post.author}
hero:
  # Replace the placeholder picture at docs/{post.hero_src} with your own (WebP, 1200 × 675 px).
  src: {post.hero_src}
  alt: "TODO: Describe what the picture shows, for readers who cannot see it."
# No booking invitation at the end of this post:
# booking: false
# Or change the invitation for this post only:
# booking:
#   heading: Talk it through with someone
#   text: A free 15-minute call to see whether we are a good fit.
#   button: Book a free consultation
# Do not mark up the FAQ section for search engines:
# faq: false
---

TODO: Start with two or three sentences: who this post is for and what it will help them with.

<!-- more -->

/// takeaways
- **TODO: First key point.** One sentence that explains it.
- **TODO: Second key point.** One sentence that explains it.
- **TODO: Third key point.** One sentence that explains it.
///

## TODO: First section heading

TODO: Write this section. Use short paragraphs, and lists where they help:

- TODO: a point
- TODO: another point

### TODO: A smaller heading inside the section, if you need one

TODO: Sub-headings go one level down ('###' under '##'); never skip a level.

## TODO: Second section heading

TODO: Link to other pages by their file, for example [how to book](../../book.md).

/// infographic | TODO: Title of the infographic
layout: grid  # grid, comparison, steps or stats
summary: "TODO: One sentence saying what the infographic shows, for readers who cannot see it."
items:  # 2 to 8 items
  - title: "TODO: First idea"
    text: "TODO: One short sentence about it."
  - title: "TODO: Second idea"
    text: "TODO: One short sentence about it."
  - title: "TODO: Third idea"
    text: "TODO: One short sentence about it."
source: "TODO: Where these facts come from."
///

/// booking | TODO: Invite the reader to take the next step
TODO: One or two sentences about the free consultation.
///

## Frequently Asked Questions

### TODO: A question readers ask?

TODO: The answer, in two or three sentences.

### TODO: Another question?

TODO: Its answer.
"""


def draw_placeholder_hero() -> bytes:
    """A calm, text-free picture in the site's colours, marked so that ``check`` recognises it."""
    width, height = HERO_SIZE
    image = Image.new("RGB", HERO_SIZE, "#f1f4ef")
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.62, height * 0.14, width * 0.78, height * 0.42), fill="#e8c9a0")
    draw.ellipse((-width * 0.2, height * 0.55, width * 0.7, height * 1.6), fill="#c9d6cc")
    draw.ellipse((width * 0.35, height * 0.62, width * 1.3, height * 1.7), fill="#2f5d49")
    exif = Image.Exif()
    exif[EXIF_IMAGE_DESCRIPTION] = PLACEHOLDER_IMAGE_MARK
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=80, method=6, exif=exif.tobytes())
    return buffer.getvalue()


def plan_post(
    project: Project, context: CheckContext, title: str, category: str | None, slug: str | None, author: str | None
) -> NewPost:
    """Work out the new post's details, or raise a ClickException that says what to change."""
    title = " ".join(title.split())
    if not title:
        raise click.ClickException('give the post a title, e.g. therapy-site new "Sleep and anxiety"')
    allowed = tuple(project.categories_allowed)
    if category is None:
        category = allowed[0] if allowed else "TODO"
    elif allowed and category not in allowed:
        raise click.ClickException(f"unknown category '{category}'; use one of: {', '.join(allowed)}")
    authors = sorted(project.authors)
    if author is None:
        if not authors:
            raise click.ClickException(f"no authors found; add one to {project.authors_file or '.authors.yml'}")
        author = authors[0]
    elif author not in project.authors:
        raise click.ClickException(f"unknown author '{author}'; use one of: {', '.join(authors)}")
    slug = re.sub(r"-{2,}", "-", project.slugify(slug or title)).strip("-")
    if not slug:
        raise click.ClickException("the title gives an empty slug; pass one with --slug")
    for record in context.posts:
        if record.slug == slug:
            raise click.ClickException(
                f"the slug '{slug}' is already used by {record.shown}:{record.slug_line}; choose another with --slug"
            )
    return NewPost(
        title=title,
        slug=slug,
        created=dt.datetime.now(dt.UTC).date(),
        category=category,
        author=author,
        hero_src=f"{HERO_FOLDER}/{slug}-hero.webp",
        categories_allowed=allowed,
    )


def write_post(project: Project, post: NewPost) -> tuple[Path, Path | None]:
    """Write the post (never over an existing file) and its placeholder hero unless that file exists."""
    path = project.posts_dir / f"{post.slug}.md"
    if path.exists():
        raise click.ClickException(f"{path} already exists; not overwriting it (choose another title or --slug)")
    hero = project.docs_dir / post.hero_src
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:
        file.write(post_markdown(post))
    if hero.exists():
        return path, None
    hero.parent.mkdir(parents=True, exist_ok=True)
    hero.write_bytes(draw_placeholder_hero())
    return path, hero
