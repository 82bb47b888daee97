"""Compare two builds of a site: what differs beyond images renamed with identical bytes.

A drawn image's name is a hash of what it shows and of the code that draws it, so moving drawing code
renames images whose pixels are unchanged. Run after a refactor that must not change the output:

    python tools/compare_sites.py site-before/ site-after/
"""

from __future__ import annotations

import gzip
import hashlib
import sys
from pathlib import Path


def files(root: Path) -> dict[str, Path]:
    return {path.relative_to(root).as_posix(): path for path in root.rglob("*") if path.is_file()}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def renamed(before: dict[str, Path], after: dict[str, Path]) -> tuple[dict[str, str], list[str]]:
    """Old name -> new name of files found under another name with the same bytes; and the unmatched."""
    new_by_digest = {digest(path): name for name, path in after.items() if name not in before}
    names, unmatched = {}, []
    for name, path in before.items():
        if name in after:
            continue
        twin = new_by_digest.pop(digest(path), None)
        if twin is None:
            unmatched.append(f"only before: {name}")
        else:
            names[Path(name).name] = Path(twin).name
    unmatched += [f"only after: {name}" for name in new_by_digest.values()]
    return names, unmatched


def text_of(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def differences(before_root: Path, after_root: Path) -> list[str]:
    before, after = files(before_root), files(after_root)
    names, found = renamed(before, after)
    for name in sorted(set(before) & set(after)):
        old, new = text_of(before[name]), text_of(after[name])
        if old == new:
            continue
        try:
            text = old.decode("utf-8")
        except UnicodeDecodeError:
            found.append(f"differs: {name}")
            continue
        for old_name, new_name in names.items():
            text = text.replace(old_name, new_name)
        if text.encode("utf-8") != new:
            found.append(f"differs: {name}")
    print(f"{len(names)} file(s) renamed with identical bytes", file=sys.stderr)
    return found


if __name__ == "__main__":
    problems = differences(Path(sys.argv[1]), Path(sys.argv[2]))
    print("\n".join(problems) or "identical (apart from renamed images)")
    sys.exit(1 if problems else 0)
