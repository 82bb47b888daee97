"""The preview's page for a page it leaves out: what is wrong, where, in the browser the author is looking at.

Only ``mkdocs serve`` (``make serve``) writes it, at the address the page would have, so the author who saves
a mistake sees it instead of the page's last good version; the next rebuild after the fix renders the page
over it. A built site never has it: a build stops on errors, or leaves the page out (no file at all).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from therapy_site.validation.findings import Finding

STYLE = """
body { margin: 0; font: 1rem/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
ul { padding: 0; list-style: none; }
li { border-left: 0.3rem solid #9e1c1c; background: #fdf2f2; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
code { font: 0.95rem/1.4 ui-monospace, monospace; color: #1a1a1a; overflow-wrap: anywhere; }
.severity { font-weight: 700; color: #7a1212; }
"""


def error_page_html(source: str, findings: list[Finding]) -> str:
    """A small, self-contained page listing ``findings`` of ``source`` (``docs/...``), errors first."""
    ordered = sorted(findings, key=lambda finding: (finding.severity != "error", finding.line, finding.column))
    items = "\n".join(
        f"<li><code>{escape(f'{finding.path}:{finding.line}:{finding.column}')}</code>: "
        f'<span class="severity">{escape(finding.severity)}</span>: {escape(finding.message)} '
        f"<code>[{escape(finding.rule)}]</code></li>"
        for finding in ordered
    )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>Preview: {escape(source)} has errors</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>This page is left out until <code>{escape(source)}</code> is fixed</h1>\n"
        "<p>The preview found these problems (file:line:column). Save the file once they are fixed and the "
        "page comes back here. Only the preview shows this page: a build never publishes it.</p>\n"
        f'<ul class="ts-preview-findings">\n{items}\n</ul>\n</main>\n</body>\n</html>\n'
    )


def write_error_pages(site_dir: str | Path, pages: dict[str, tuple[str, list[Finding]]]) -> None:
    """Write each left-out page's error page: ``pages`` maps its output path (``dest_uri``) to its source and
    findings."""
    for dest_uri, (source, findings) in pages.items():
        target = Path(site_dir) / dest_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(error_page_html(source, findings), encoding="utf-8")
