"""Material's JavaScript bundle, which ``overrides/main.html`` loads with ``defer``.

Our Content-Security-Policy ``<meta>`` holds back Chrome's preload scanner
(a policy in the page must be applied before anything is fetched
speculatively), so the parser itself finds Material's bundle at the end of
``<body>`` and fetches it at high priority as a parser-blocking script: the
first paint then waits for 35 KB of script and its evaluation, which
Lighthouse counts into First Contentful Paint. With ``defer`` the page paints
first. Material starts on ``DOMContentLoaded``, which deferred scripts run
before, so nothing else changes.

The ``scripts`` block of Material's ``base.html`` names its bundle with a hash
that changes with every release; :func:`material_script` finds it among the
build's files. ``tests/material`` checks that the block is still the one our
override re-creates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from mkdocs.structure.files import Files

# Where Material publishes its bundle (assets/javascripts/bundle.<hash>.min.js in 9.x).
SCRIPT_BUNDLE = re.compile(r"^assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
# The block of Material's base.html that our override replaces, whitespace collapsed.
SCRIPTS_BLOCK = (
    "{% block scripts %} <script src=\"{{ 'assets/javascripts/bundle.HASH.min.js' | url }}\"></script>"
    " {% for script in config.extra_javascript %} {{ script | script_tag }} {% endfor %} {% endblock %}"
)


def material_script(files: Files) -> str | None:
    """Site path of Material's JavaScript bundle, ``None`` unless exactly one is published."""
    found = [file.src_uri for file in files if SCRIPT_BUNDLE.match(file.src_uri)]
    return found[0] if len(found) == 1 else None


def runs_after_deferred(extra_javascript: Iterable[Any]) -> bool:
    """Whether every ``extra_javascript`` entry still runs after a deferred Material bundle.

    Deferred scripts (and modules, deferred by default) run in document order
    after the bundle; a classic script would run before it and miss
    Material's globals (``document$``), so then the bundle is not deferred.
    """
    for script in extra_javascript:
        # MkDocs turns a plain "x.mjs" entry into a module; any other plain path is a classic script.
        if isinstance(script, str) or not (script.defer or script.type == "module"):
            return False
    return True


def deferred_material_script(files: Files, extra_javascript: Iterable[Any]) -> str | None:
    """The bundle to load with ``defer``, or ``None`` when Material's own ``scripts`` block must stay."""
    if not runs_after_deferred(extra_javascript):
        return None
    return material_script(files)


def scripts_block(base_template: str) -> str | None:
    """The ``scripts`` block of Material's ``base.html`` source, whitespace collapsed, bundle hash as ``HASH``."""
    match = re.search(r"\{% block scripts %\}.*?\{% endblock %\}", base_template, flags=re.DOTALL)
    if match is None:
        return None
    block = " ".join(match.group(0).split())
    return re.sub(r"bundle\.[0-9a-f]+\.min\.js", "bundle.HASH.min.js", block)
