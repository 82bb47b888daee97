"""The package's layering: subpackages import each other without cycles; only ``material/`` imports Material."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "plugins" / "therapy_site"


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of the file (function-level imports too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def part_of(path: Path) -> str:
    """The subpackage (or top-level module) of the package that ``path`` belongs to."""
    relative = path.relative_to(PACKAGE).parts
    return relative[0] if len(relative) > 1 else relative[0].removesuffix(".py")


def subpackage_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        source = part_of(path)
        for module in imported_modules(path):
            parts = module.split(".")
            if parts[0] == "therapy_site" and len(parts) > 1 and parts[1] != source:
                graph[source].add(parts[1])
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each node that lies on one (depth-first search)."""
    found, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                found.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_graph_sees_real_imports() -> None:
    graph = subpackage_graph()
    assert "material" in graph["theme"] and "validation" in graph["cli"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_cycle_between_the_packages_parts() -> None:
    assert cycles(subpackage_graph()) == []


def test_nothing_outside_material_imports_material_for_mkdocs() -> None:
    outside = [
        f"{path.relative_to(PACKAGE)}: {module}"
        for path in PACKAGE.rglob("*.py")
        if part_of(path) != "material"
        for module in imported_modules(path)
        if module == "material" or module.startswith("material.")
    ]
    assert outside == []


@pytest.mark.parametrize("feature", ["booking", "faq", "takeaways", "infographics", "citations"])
def test_plain_python_markdown_loads_a_feature_without_material_or_mkdocs(feature: str) -> None:
    probe = (
        f"import sys, markdown; markdown.Markdown(extensions=['therapy_site.{feature}']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('material', 'mkdocs')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_social_and_seo_draw_with_imaging_not_with_the_infographics() -> None:
    graph = subpackage_graph()
    assert "imaging" in graph["social"] and "imaging" in graph["seo"] and "imaging" in graph["infographics"]
    assert "infographics" not in graph["social"] and "infographics" not in graph["seo"]


def test_imaging_knows_no_feature_that_draws() -> None:
    assert subpackage_graph()["imaging"].isdisjoint({"infographics", "social", "seo"})
