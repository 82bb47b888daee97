"""Material's partials that we ship modified copies of, and the originals they were copied from.

MkDocs finds templates in ``theme.dirs`` order: the site's ``overrides/``,
then our ``templates/`` folder, then Material's own. A copy only stays right
while Material's original is the file we copied, so each copy is listed here
with the SHA-256 of that original; ``tests/material`` compares it with the
installed Material and fails after an upgrade that changed one of them (then:
copy the new original, reapply the change described at the top of our copy,
update the hash and version).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

TEMPLATES_DIR = Path(__file__).with_name("templates")
# The look of every page, on Material's markup: bundled after the features' sheets, before a site's extra_css.
SITE_STYLESHEETS = (
    Path(__file__).with_name("stylesheets") / "therapy.css",
    Path(__file__).with_name("stylesheets") / "print.css",
)
COPIED_FROM_VERSION = "9.8.2"
# Template name -> SHA-256 of Material's original at COPIED_FROM_VERSION.
COPIED_PARTIALS: dict[str, str] = {
    "partials/header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
    "partials/post.html": "756bb999794dc09dcee2e993a3fb30bf1c22334627ce39d82e82c3464eb35dc7",
    "partials/toc.html": "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
}


def material_templates_dir() -> Path:
    """Material's own ``templates`` folder (the installed version)."""
    import material

    return Path(material.__file__).parent / "templates"


def changed_originals() -> list[str]:
    """Names of copied partials whose original in the installed Material is no longer the one we copied."""
    changed = []
    for name, digest in sorted(COPIED_PARTIALS.items()):
        original = material_templates_dir() / name
        if not original.is_file() or hashlib.sha256(original.read_bytes()).hexdigest() != digest:
            changed.append(name)
    return changed
