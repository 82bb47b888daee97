"""Safe messaging about suicide and self-harm, and stigmatising words: each with what to write instead.

The word lists are ours, written from Samaritans' media guidelines, WHO's *Preventing
suicide: a resource for media professionals* (2023), reportingonsuicide.org, Time to
Change / Mind's media guidance, NHS content style and the AP Stylebook. Matching is
by whole words, any case, any spacing; code, link addresses and (for stigma) quoted
speech are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from therapy_site.guidance.advice import Advice, advice
from therapy_site.guidance.prose import Prose

SAFE = "safe-messaging"
STIGMA = "stigma"

SUICIDE_TOPIC = re.compile(
    r"\bsuicid\w*|\bself[- ]?harm\w*|\bself[- ]injur\w*|\bkill(?:ed|ing|s)?\s+(?:him|her|them|my|your|our)sel(?:f|ves)"
    r"|\b(?:take|took|taking|takes|end|ended|ending)\s+(?:his|her|their|my|your|own)\s+(?:own\s+)?life",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Term:
    name: str  # what a site names to switch it off (extra.therapy_check.phrases: {name: false})
    rule: str
    group: str
    pattern: re.Pattern[str]
    instead: str
    topic_only: bool = False  # only on a page about suicide or self-harm


def _words(expression: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + expression.replace(" ", r"\s+") + r")(?![\w-])", re.IGNORECASE)


SUFFIXES = "(?:s|ed|ing|ted|ting)?"
TERMS: tuple[Term, ...] = (
    Term(
        "commit suicide",
        "suicide-commit",
        SAFE,
        _words(r"commit(?:s|ted|ting)? suicide"),
        'say "died by suicide" or "took their own life": "commit" suggests a crime or a sin',
    ),
    Term(
        "successful suicide",
        "suicide-attempt-outcome",
        SAFE,
        _words(r"(?:successful|unsuccessful|failed|botched) suicides?"),
        'say "died by suicide", or "survived a suicide attempt": a death is never a success, surviving never a failure',
    ),
    Term(
        "failed attempt",
        "suicide-attempt-outcome",
        SAFE,
        re.compile(
            r"(?<![\w-])(?:successful|unsuccessful|failed|botched|half-hearted)\s+(?:suicide\s+)?attempts?"
            r"(?!\s+(?:to|at)\s+(?!(?:kill|end|take|die|suicide)\b))(?![\w-])",
            re.IGNORECASE,
        ),
        'say "a suicide attempt" or "survived a suicide attempt": no attempt is a success or a failure',
        topic_only=True,
    ),
    Term(
        "completed suicide",
        "suicide-completed",
        SAFE,
        _words(r"complete[ds]? suicides?"),
        'say "died by suicide": "completed" makes a death sound like an achievement',
    ),
    Term(
        "suicide epidemic",
        "suicide-sensational",
        SAFE,
        _words(r"epidemics?|skyrocket(?:s|ed|ing)?|sky-rocket(?:s|ed|ing)?"),
        "give the figure and where it comes from instead (e.g. 'rose from 10.7 to 11.2 per 100,000 in 2023, ONS'): "
        "alarming words make suicide sound common and expected",
        topic_only=True,
    ),
    Term(
        "psycho",
        "stigma-slur",
        STIGMA,
        _words(
            r"psychos?|schizos?|nutters?|nutcases?|nut cases?|nutjobs?|nut jobs?|lunatics?|loony|loonies|looney|"
            r"basket cases?|"
            r"madhouses?|loony bins?|funny farms?|maniacs?|mental patients?|mental asylums?"
        ),
        "a slur for people in mental distress: describe what the person feels or does, e.g. 'a person in crisis', "
        "'a person receiving mental health care', 'a psychiatric hospital'",
    ),
    Term(
        "a schizophrenic",
        "stigma-label",
        STIGMA,
        _words(
            r"(?:an?|the) (?:schizophrenic|depressive|anorexic|bulimic|psychotic|bipolar|manic|self-harmer|addict|"
            r"alcoholic)(?!\s+(?:disorder|episodes?|symptoms?|illness|spectrum|features?|break|phase|states?|drinks?|beverages?))|"
            r"schizophrenics|depressives|anorexics|bulimics|psychotics|self-harmers|addicts|alcoholics|"
            r"the mentally ill|the insane"
        ),
        "put the person first: 'a person with schizophrenia', 'people with a mental health condition', "
        "'a person who self-harms', 'a person with an addiction': a condition is something someone has, "
        "not who they are",
    ),
    Term(
        "suffers from",
        "stigma-suffering",
        STIGMA,
        _words(
            r"suffer(?:s|ed|ing)? from|sufferers?|victims? of|afflicted (?:with|by)|stricken (?:with|by)|"
            r"plagued by|crippled by|battl(?:es|ed|ing) (?:with )?(?:depression|anxiety|mental illness)"
        ),
        "say 'lives with', 'has' or 'had', 'a person with …' or 'a person who experienced …' ('survivor' if "
        "they choose it): it does not define someone by suffering ('victim' fits a crime; allow it for such a post)",
    ),
    Term(
        "crazy",
        "stigma-casual",
        STIGMA,
        _words(
            r"crazy|crazier|craziest|insane|insanely|(?:so|a bit|a little|totally|really|such an?) (?:OCD|bipolar|"
            r"anorexic|paranoid)|go(?:ing|es|ne)? nuts|went nuts|mental case"
        ),
        "mental health words used for everyday things belittle the conditions: say what you mean, e.g. "
        "'overwhelming', 'chaotic', 'surprising', 'very tidy', 'up and down'",
    ),
)

METHOD = _words(
    r"hang(?:s|ed|ing)?|hung|noose|ligatures?|overdos(?:e|es|ed|ing)|paracetamol|pills|tablets|poison(?:s|ed|ing)?|"
    r"jump(?:s|ed|ing)? (?:from|off|in front of|under)|bridges?|cliffs?|railway|train tracks?|in front of a train|"
    r"guns?|firearms?|shot (?:him|her|them)sel(?:f|ves)|slit|wrists?|razors?|blades?|drown(?:s|ed|ing)?|"
    r"carbon monoxide|exhaust fumes|rope"
)
KNOWN_HELPLINES = re.compile(
    r"samaritans|\b988\b|crisis text line|85258|papyrus|pieta|lifeline|befrienders|"
    r"talk suicide|kids help|childline|\btel:",
    re.IGNORECASE,
)
CONTENT_NOTE = re.compile(
    r"content (?:note|warning)|trigger warning|"
    r"(?:this|the) (?:post|article|page|piece) (?:talks|is|mentions|discusses|covers|includes|contains|touches)",
    re.IGNORECASE,
)
QUOTED = re.compile(r"\"[^\"]+\"|“[^”]+”")
LINK_TARGET = re.compile(r"\]\([^)]*\)|<[A-Za-z][^>]*>|https?://\S+")


@dataclass(frozen=True)
class ProseLine:
    number: int
    text: str  # addresses and tags blanked (columns kept)
    quoted: bool  # a blockquote line: quoted speech
    raw: str = ""  # as written (a tel: link counts as a helpline)
    body: bool = True  # not a front-matter line


def prose_lines(
    title_line: tuple[int, str] | None, description_line: tuple[int, str] | None, body: list[tuple[int, str]]
) -> list[ProseLine]:
    # Front matter: YAML's quotes around a title are not quoted speech.
    lines = [
        ProseLine(number, text, False, text, False) for number, text in filter(None, (title_line, description_line))
    ]
    for number, raw in body:
        blanked = LINK_TARGET.sub(lambda match: " " * len(match.group(0)), raw)
        lines.append(ProseLine(number, blanked, raw.lstrip().startswith(">"), raw))
    return lines


def _in_quotes(line: str, start: int) -> bool:
    return any(match.start() < start < match.end() for match in QUOTED.finditer(line))


def is_about_suicide(lines: list[ProseLine]) -> bool:
    return any(SUICIDE_TOPIC.search(line.text) for line in lines)


def check_terms(shown: str, lines: list[ProseLine], about_suicide: bool, disabled: set[str]) -> Iterator[Advice]:
    for term in TERMS:
        if term.name in disabled or (term.topic_only and not about_suicide):
            continue
        for line in lines:
            for match in term.pattern.finditer(line.text):
                if term.group == STIGMA and (line.quoted or (line.body and _in_quotes(line.text, match.start()))):
                    continue  # quoted speech the post discusses
                yield advice(
                    shown,
                    line.number,
                    f"'{match.group(0)}': {term.instead}",
                    term.rule,
                    term.group,
                    column=match.start() + 1,
                )


def check_safe_messaging(
    shown: str, lines: list[ProseLine], prose: Prose, crisis: list[re.Pattern[str]], first_body_line: int
) -> Iterator[Advice]:
    """What a page about suicide or self-harm needs beyond its words: no method detail, a helpline, a content note."""
    for sentence in prose.sentences():
        if SUICIDE_TOPIC.search(sentence.text):
            method = METHOD.search(sentence.text)
            if method:
                line = _line_of(lines, sentence.line, method.group(0))
                yield advice(
                    shown,
                    line[0],
                    f"'{method.group(0)}' next to suicide or self-harm: leave out how and where "
                    "(method and place details can lead others to copy them); say 'died by suicide' and write about "
                    "feelings, warning signs and help",
                    "suicide-method",
                    SAFE,
                    column=line[1],
                )
    body = "\n".join(line.raw for line in lines if line.number >= first_body_line)
    if not any(pattern.search(body) for pattern in crisis) and not KNOWN_HELPLINES.search(body):
        yield advice(
            shown,
            first_body_line,
            "this page talks about suicide or self-harm but gives no helpline in its text "
            "(the footer does not count): add one near the top and at the end, e.g. 'If you are struggling, call "
            "Samaritans free on 116 123, day or night'",
            "suicide-helpline",
            SAFE,
        )
    opening = [block for block in prose.blocks[:3] if block.kind != "heading"][:2]
    first_heading = next((block.line for block in prose.blocks if block.kind == "heading"), None)
    top = [block for block in opening if first_heading is None or block.line < first_heading]
    if not any(CONTENT_NOTE.search(block.text) for block in top) and not _admonition_note(lines, first_body_line):
        yield advice(
            shown,
            first_body_line,
            "no content note at the top: start with one line such as 'Content note: this "
            "post talks about suicide. If you need to talk now, call Samaritans on 116 123', so readers can choose",
            "suicide-content-note",
            SAFE,
        )


def _admonition_note(lines: list[ProseLine], first_body_line: int) -> bool:
    top = [line.text for line in lines if first_body_line <= line.number < first_body_line + 6]
    return any(CONTENT_NOTE.search(text) for text in top)


def _line_of(lines: list[ProseLine], start: int, word: str) -> tuple[int, int]:
    for line in lines:
        if line.number >= start:
            at = line.text.find(word)
            if at >= 0:
                return line.number, at + 1
    return start, 1


def crisis_patterns(practice: dict[str, object]) -> list[re.Pattern[str]]:
    """The site's crisis line as it may be written in a page: its number (any spacing) or its name."""
    crisis = practice.get("crisis") if isinstance(practice, dict) else None
    patterns: list[re.Pattern[str]] = []
    if isinstance(crisis, dict):
        digits = re.sub(r"\D", "", str(crisis.get("line_phone") or ""))
        if len(digits) >= 3:
            patterns.append(re.compile(r"[\s-]?".join(digits)))
        name = str(crisis.get("line_name") or "").strip()
        if name:
            patterns.append(re.compile(re.escape(name), re.IGNORECASE))
    return patterns
