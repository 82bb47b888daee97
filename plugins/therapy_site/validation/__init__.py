"""One rule set for every author mistake, run by ``therapy-site check`` and by the build alike.

Each rule takes a page's source (path, text, front matter) and the site's
context and yields located findings: rule id, path relative to the project
root, line, column, severity and a plain-words message of bounded length that
says what to do. :mod:`therapy_site.validation.runner` runs them over files;
:mod:`therapy_site.validation.plugin` runs the same rules inside the build
and logs each finding through MkDocs' logger so ``--strict`` fails.
"""

from therapy_site.validation.context import CheckContext
from therapy_site.validation.findings import Finding, render
from therapy_site.validation.runner import RULES, check_entry, check_file, check_paths, check_site, check_source

__all__ = [
    "RULES",
    "CheckContext",
    "Finding",
    "check_entry",
    "check_file",
    "check_paths",
    "check_site",
    "check_source",
    "render",
]
