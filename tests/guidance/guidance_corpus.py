"""Short texts with the guidance each must give (rule, line) and the rules that must stay quiet on it.

A case's ``expect`` lines count from the first line of the body (1), or name a front-matter key
(``"title"``, ``"description"``, ``"keyphrase"``, ``"last_reviewed"``). ``compare`` says which
rules or groups are judged: exactly the expected ones must fire among them, no more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

NOTE = "Content note: this post talks about suicide.\nIf you are struggling, call Samaritans on 116 123.\n\n"
SAFE = ("safe-messaging",)
STIGMA = ("stigma",)

SHORT = "We talk. You rest. It helps."
# 24 words, three of them long: one "long sentence" (over 20 words).
LONG_SENTENCE = (
    "When worry keeps you awake, it often helps to write the thoughts down, put the notebook away, and come back "
    "to them tomorrow morning."
)
PARAGRAPH_160 = " ".join(["Worry can feel loud at night, and it often settles when you breathe out slowly."] * 11)
PLAIN_WORDS = "Sleep comes back in its own time when you stop chasing it and let the night be quiet."  # 18 words


def _words(count: int) -> str:
    """A plain paragraph of about ``count`` words (18-word sentences)."""
    return " ".join([PLAIN_WORDS] * (count // 18 + 1))


@dataclass(frozen=True)
class Case:
    name: str
    body: str
    expect: tuple[tuple[str, int | str], ...] = ()
    compare: tuple[str, ...] = ()  # rules or groups judged (default: the groups of what is expected)
    meta: dict[str, Any] = field(default_factory=dict)


CASES: tuple[Case, ...] = (
    # --- safe messaging: words ----------------------------------------------------------------------------------
    Case("commit-suicide", NOTE + "He committed suicide last spring.\n", (("suicide-commit", 4),)),
    Case("commits-suicide-spacing", NOTE + "Nobody COMMITS   suicide lightly.\n", (("suicide-commit", 4),)),
    Case("commit-to-a-plan", NOTE + "We commit to a plan together, and talk about suicide openly.\n", compare=SAFE),
    Case("failed-attempt", NOTE + "After a failed attempt she felt ashamed.\n", (("suicide-attempt-outcome", 4),)),
    Case("successful-suicide", NOTE + "It was called a successful suicide.\n", (("suicide-attempt-outcome", 4),)),
    Case(
        "unsuccessful-attempt-at-suicide",
        NOTE + "His unsuccessful attempt at suicide was not the end.\n",
        (("suicide-attempt-outcome", 4),),
    ),
    Case("successful-first-session", NOTE + "A successful first session often ends with a plan.\n", compare=SAFE),
    Case("failed-attempt-to-quit", NOTE + "A failed attempt to quit smoking is common.\n", compare=SAFE),
    Case("completed-suicide", NOTE + "Rates of completed suicide vary by region.\n", (("suicide-completed", 4),)),
    Case("suicide-epidemic", NOTE + "Some call it a suicide epidemic.\n", (("suicide-sensational", 4),)),
    Case("skyrocketing", NOTE + "Rates are skyrocketing, the report says.\n", (("suicide-sensational", 4),)),
    Case("epidemic-elsewhere", "The loneliness epidemic is real, and talking helps.\n", compare=SAFE),
    # --- safe messaging: method, helpline, content note ---------------------------------------------------------
    Case("method-bridge", NOTE + "She died by suicide after jumping from a bridge.\n", (("suicide-method", 4),)),
    Case("method-overdose", NOTE + "\nHe took an overdose and died by suicide.\n", (("suicide-method", 5),)),
    Case(
        "method-word-in-another-sentence",
        NOTE + "We walked over the bridge. Later we talked about suicide prevention.\n",
        compare=SAFE,
    ),
    Case(
        "no-helpline",
        "Content note: this post talks about suicide.\n\nTalking about suicide does not make it more likely.\n",
        (("suicide-helpline", 1),),
    ),
    Case(
        "the-sites-crisis-line-in-the-body",
        "Content note: this post mentions self-harm.\n\nIf you self-harm, you can call 0800 123 4567 any time.\n",
        compare=SAFE,
    ),
    Case(
        "helpline-as-phone-link",
        "Content note: this post talks about suicide.\n\nTalk to someone now: [call us](tel:+441174960123).\n",
        compare=SAFE,
    ),
    Case(
        "no-content-note",
        "If you need help, call Samaritans on 116 123.\n\nMany people think about suicide at some point.\n",
        (("suicide-content-note", 1),),
    ),
    Case(
        "content-note-as-admonition",
        '!!! warning "Content note"\n    This post talks about suicide. Samaritans: 116 123.\n\n'
        "Many people think about suicide at some point.\n",
        compare=SAFE,
    ),
    Case(
        "self-harm-alone",
        "Self-harm is a way some people cope with pain.\n",
        (("suicide-helpline", 1), ("suicide-content-note", 1)),
    ),
    # --- stigma -------------------------------------------------------------------------------------------------
    Case("psycho", "My ex was a total psycho.\n", (("stigma-slur", 1),)),
    Case("schizo", "Stop being so schizo about it.\n", (("stigma-slur", 1),)),
    Case("nutter", "Some nutter shouted at me on the bus.\n", (("stigma-slur", 1),)),
    Case("lunatic", "I ran around like a lunatic.\n", (("stigma-slur", 1),)),
    Case("a-schizophrenic", "He is a schizophrenic who loves music.\n", (("stigma-label", 1),)),
    Case("schizophrenic-episode", "She had a schizophrenic episode last year.\n", compare=STIGMA),
    Case("the-mentally-ill", "Services for\nthe mentally ill are stretched.\n", (("stigma-label", 2),)),
    Case("addicts", "Addicts deserve care like anyone else.\n", (("stigma-label", 1),)),
    Case("suffers-from", "She suffers from anxiety.\n", (("stigma-suffering", 1),)),
    Case("sufferer", "Every sufferer of panic knows this.\n", (("stigma-suffering", 1),)),
    Case("victim-of", "He felt like a victim of his depression.\n", (("stigma-suffering", 1),)),
    Case("crazy", "Mornings are crazy busy.\n", (("stigma-casual", 1),)),
    Case("insane", "The waiting lists are insane.\n", (("stigma-casual", 1),)),
    Case("so-ocd", "I'm so OCD about my desk.\n", (("stigma-casual", 1),)),
    Case("crazy-in-title", "A calm text.\n", (("stigma-casual", "title"),), meta={"title": "A crazy week"}),
    Case(
        "crazy-in-a-quoted-description",
        "A calm text.\n",
        (("stigma-casual", "description"),),
        meta={
            "description": "Busy days: why they feel crazy, and small steps that help when every morning seems to "
            "run away from you."
        },
    ),
    Case("crazy-in-a-blockquote", '> "I felt crazy," a client told me.\n\nThat feeling is common.\n', compare=STIGMA),
    Case("crazy-in-quotes", 'Clients often say "I must be crazy" when they first come.\n', compare=STIGMA),
    Case(
        "allowed-in-front-matter",
        "People call it crazy; this post is about that word.\n",
        compare=STIGMA,
        meta={"guidance": {"allow": ["stigma-casual"]}},
    ),
    Case(
        "language-id-still-allows-words",
        "He committed suicide, people say; this post is about that phrase.\n",
        compare=("safe-messaging", "stigma"),
        meta={"guidance": {"allow": ["language"]}},
    ),
    Case("in-code", "Type `crazy` into the box.\n", compare=STIGMA),
    Case("in-a-link-address", "[Read more](https://example.org/crazy-ideas) about ideas.\n", compare=STIGMA),
    # --- plain language -----------------------------------------------------------------------------------------
    Case(
        "long-paragraph",
        "## Worry\n\n" + PARAGRAPH_160 + "\n",
        (("reading-long-paragraph", 3),),
        ("reading-long-paragraph",),
    ),
    Case("short-paragraph", PLAIN_WORDS + "\n", compare=("reading-long-paragraph",)),
    Case(
        "long-sentences",
        f"{SHORT}\n\n{LONG_SENTENCE}\n\n{LONG_SENTENCE[:-1]}, and then a few more words.\n",
        (("reading-long-sentences", 5),),
        ("reading-long-sentences",),
    ),
    Case("short-sentences", f"{SHORT}\n\n{SHORT}\n", compare=("reading-long-sentences",)),
    Case(
        "passive",
        "Notes are kept private.\nSessions are booked online.\nWe talk.\n",
        (("reading-passive", 1),),
        ("reading-passive",),
    ),
    Case("state-not-passive", "I was worried. She was tired. We talk.\n", compare=("reading-passive",)),
    Case(
        "repeated-start",
        "Rest comes.\n\nYou may feel tense. You may feel tired. You may feel low.\n",
        (("reading-repeated-start", 3),),
        ("reading-repeated-start",),
    ),
    Case("parallel-list-items", "- You rest.\n- You eat.\n- You walk.\n", compare=("reading-repeated-start",)),
    Case(
        "long-section",
        "## One long part\n\n" + _words(160) + "\n\n" + _words(160) + "\n",
        (("reading-long-section", 1),),
        ("reading-long-section",),
    ),
    Case(
        "hard-words",
        "Psychotherapeutic interventions facilitate physiological regulation. Anxiety is\n"
        "understandable.\n\nConsiderable individualised psychoeducational documentation necessitates "
        "comprehensive interdisciplinary consideration.\n",
        (("reading-grade", 4),),
        ("reading-grade",),
    ),
    # --- search basics ------------------------------------------------------------------------------------------
    Case("too-few-words", _words(100), (("search-length", 1),), ("search-length",)),
    Case("enough-words", _words(310), compare=("search-length",)),
    Case(
        "short-description",
        SHORT,
        (("search-description", "description"),),
        ("search-description",),
        {"description": "Too short to fill a search result."},
    ),
    Case("no-description", SHORT, (("search-description", "title"),), ("search-description",), {"description": None}),
    Case(
        "keyphrase-missing",
        SHORT,
        (("search-keyphrase", "keyphrase"),),
        ("search-keyphrase",),
        {"keyphrase": "panic attacks"},
    ),
    Case(
        "keyphrase-everywhere",
        "Sleep and worry often meet at night. " * 3 + _words(300),
        compare=("search-keyphrase", "search-keyphrase-density"),
        meta={
            "keyphrase": "sleep and worry",
            "title": "Sleep and worry",
            "slug": "sleep-and-worry",
            "description": "How sleep and worry feed each other at night, and small, practical steps that help a busy "
            "mind settle so that rest can come back.",
        },
    ),
    Case(
        "keyphrase-too-rare",
        "Sleep and worry often meet at night. " + _words(500),
        (("search-keyphrase-density", "keyphrase"),),
        ("search-keyphrase-density",),
        {"keyphrase": "sleep and worry"},
    ),
    Case(
        "no-internal-link",
        "Read [the NHS page](https://www.nhs.uk/).\n",
        (("search-internal-link", 1),),
        ("search-internal-link",),
    ),
    Case(
        "internal-link", "Read about [a first session](first-therapy-session.md).\n", compare=("search-internal-link",)
    ),
    Case("second-h1", "Intro.\n\n# Another title\n", (("search-h1", 3),), ("search-h1",)),
    # --- health-information trust -------------------------------------------------------------------------------
    Case("no-reviewer", SHORT, (("trust-review", "title"),), ("trust-review",), {"reviewed_by": None}),
    Case(
        "old-review",
        SHORT,
        (("trust-review-age", "last_reviewed"),),
        ("trust-review-age",),
        {"last_reviewed": "2021-06-01"},
    ),
    Case("no-sources", SHORT + "\n\nMore.\n", (("trust-sources", 3),), ("trust-sources",)),
    Case("sources", SHORT + "\n\n## Sources\n\n- [NHS](https://www.nhs.uk/), NHS.\n", compare=("trust",)),
    Case("not-health", SHORT, compare=("trust",), meta={"guidance": {"health": False}}),
)


BASE_META: dict[str, Any] = {
    "title": "Living with worry",
    "description": "Why worry grows when we are tired, what it does to the body, and a few gentle, practical ways to "
    "let it settle during the day.",
    "date": {"created": "2025-08-01"},
    "categories": ["Anxiety"],
    "authors": ["anna"],
    "reviewed_by": "anna",
    "last_reviewed": "2025-11-01",
}


def post_text(case: Case) -> str:
    meta = {**BASE_META, "slug": case.name, **case.meta}
    meta = {key: value for key, value in meta.items() if value is not None}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n" + case.body
