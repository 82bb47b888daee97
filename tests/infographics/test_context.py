"""One drawing context per build: the plugin's is the one the extension uses; plain Markdown makes its own lazily."""

from __future__ import annotations

import markdown

from therapy_site.data import FONTS_DIR
from therapy_site.infographics.context import InfographicsContext
from therapy_site.infographics.extension import InfographicsExtension

BLOCK = """\
/// infographic | Two ideas
layout: grid
items:
  - title: Breathe
    text: Slow breaths out.
  - title: Move
    text: A short walk.
///
"""


def test_the_given_context_checks_each_figure_once_and_none_other_is_made() -> None:
    context = InfographicsContext()
    extension = InfographicsExtension(context=context, brand="Practice", domain="practice.example")
    md = markdown.Markdown(extensions=[extension])
    first = md.convert(BLOCK)
    md.reset()
    second = md.convert(BLOCK)  # as Material's blog does for an excerpt
    assert first == second and "ts-infographic" in first
    assert len(context._fits) == 1, "the fit check is remembered by content key"
    assert extension._own_context is None


def test_plain_markdown_makes_its_context_only_when_a_block_needs_it() -> None:
    extension = InfographicsExtension()
    md = markdown.Markdown(extensions=[extension])
    md.convert("No infographic here.\n")
    assert extension._own_context is None
    md.reset()
    md.convert(BLOCK)
    context = extension.drawing_context()
    assert context.fonts.directory == FONTS_DIR
    assert extension.drawing_context() is context


def test_contexts_share_no_fonts() -> None:
    one, two = InfographicsContext(), InfographicsContext()
    assert one.fonts.font("regular", 20) is one.fonts.font("regular", 20)
    assert one.fonts.font("regular", 20) is not two.fonts.font("regular", 20)
