"""Reading a built page's schema.org graph back with extruct, as search engines would."""

from __future__ import annotations

from typing import Any

import extruct

from helpers import Build

SITE = "https://stillwater-therapy.example/"


def graph_of(build: Build, url_path: str) -> list[dict[str, Any]]:
    """The nodes of the page's one JSON-LD ``@graph``."""
    data = extruct.extract(build.text(url_path), base_url=SITE + url_path, syntaxes=["json-ld"])["json-ld"]
    assert len(data) == 1, f"{url_path}: expected one JSON-LD block, found {len(data)}"
    return data[0]["@graph"]


def types_of(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", [])
    return {kind} if isinstance(kind, str) else set(kind)


def nodes_of_type(graph: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [node for node in graph if kind in types_of(node)]


def one(graph: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    found = nodes_of_type(graph, kind)
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]
