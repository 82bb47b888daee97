"""The infographic on the page: real HTML cards in a ``<figure>``, no text inside images."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from therapy_site.infographics.icons import Icon, inline_svg
from therapy_site.infographics.schema import Infographic, Item


@dataclass(frozen=True)
class ImageUrls:
    portrait_png: str  # the download link (site-root relative)
    pin_media: str  # absolute URL for Pinterest's data-pin-media
    download_name: str  # file name offered by the download link


def figure_attributes(info: Infographic, urls: ImageUrls) -> dict[str, str]:
    """Attributes of the ``<figure>`` element (Pinterest reads ``data-pin-*``)."""
    description = f"{info.title}: {info.summary}" if info.summary else info.title
    return {
        "class": f"ts-infographic ts-infographic--{info.layout}",
        "data-pin-media": urls.pin_media,
        "data-pin-description": description,
    }


def _item_html(info: Infographic, item: Item, heading_level: int, icons: dict[str, Icon]) -> str:
    parts = ['<li class="ts-infographic__item">']
    if item.icon:
        parts.append(inline_svg(icons[item.icon], "ts-infographic__icon"))
    tag = f"h{heading_level}"
    parts.append(f'<{tag} class="ts-infographic__title">{escape(item.title)}</{tag}>')
    if item.value:
        parts.append(f'<p class="ts-infographic__value">{escape(item.value)}</p>')
    if item.text:
        parts.append(f'<p class="ts-infographic__text">{escape(item.text)}</p>')
    if item.remedy:
        parts.append(
            f'<p class="ts-infographic__remedy"><strong>{escape(info.remedy_label)}:</strong> {escape(item.remedy)}</p>'
        )
    parts.append("</li>")
    return "".join(parts)


def figure_inner_html(info: Infographic, urls: ImageUrls, heading_level: int, icons: dict[str, Icon]) -> Markup:
    """Summary, the cards as a list with real headings, and a caption with title, source and download link."""
    list_tag = "ol" if info.layout == "steps" else "ul"
    lines = []
    if info.summary:
        lines.append(f'<p class="ts-infographic__summary">{escape(info.summary)}</p>')
    lines.append(f'<{list_tag} class="ts-infographic__items" role="list">')
    lines += [_item_html(info, item, heading_level, icons) for item in info.items]
    lines.append(f"</{list_tag}>")
    lines.append('<figcaption class="ts-infographic__caption">')
    lines.append(f'<span class="ts-infographic__heading">{escape(info.title)}</span>')
    if info.source:
        lines.append(f'<span class="ts-infographic__source">Source: {escape(info.source)}</span>')
    lines.append(
        f'<a class="ts-infographic__download" href="{escape(urls.portrait_png)}" '
        f'download="{escape(urls.download_name)}">Download image'
        f'<span class="ts-infographic__hidden">: {escape(info.title)}</span> (PNG, 1000 × 1500)</a>'
    )
    lines.append("</figcaption>")
    return Markup("\n".join(lines))
