"""The practice in structured data: a current schema.org type, real places served, a logo that reads on white."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonld import SITE, graph_of, types_of
from PIL import Image

from helpers import REPO, Build, copy_project, load_config, run_build, write_config


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: float, second: float) -> float:
    light, dark = max(first, second), min(first, second)
    return (light + 0.05) / (dark + 0.05)


def test_practice_is_a_medical_business_with_treatments_patients_and_places(site_build: Build) -> None:
    graph = graph_of(site_build, "")
    organization = next(node for node in graph if node.get("@id") == f"{SITE}#organization")
    assert "ProfessionalService" not in types_of(organization)
    # isAcceptingNewPatients belongs to MedicalOrganization, so the MedicalBusiness is typed both.
    assert types_of(organization) == {"MedicalBusiness", "MedicalOrganization"}
    assert organization["isAcceptingNewPatients"] is True
    services = organization["availableService"]
    assert services and all(service["@type"] == "PsychologicalTreatment" and service["name"] for service in services)
    places = organization["areaServed"]
    assert {(place["@type"], place["name"]) for place in places} == {("City", "Bristol"), ("Country", "United Kingdom")}
    assert all(len(place["name"]) > 2 for place in places), "a place's name is a name, not a code"
    assert organization["address"]["addressCountry"] == "GB"


def test_organization_logo_is_a_raster_of_at_least_112_pixels(site_build: Build) -> None:
    graph = graph_of(site_build, "")
    logo = next(node for node in graph if node.get("@id") == f"{SITE}#logo")
    assert logo["url"].endswith(".png")
    path = site_build.site / logo["url"].removeprefix(SITE)
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (logo["width"], logo["height"])
        assert min(image.size) >= 112


def test_logo_has_strong_contrast_on_white_computed_from_its_pixels() -> None:
    with Image.open(REPO / "docs/assets/images/logo-512.png") as image:
        on_white = Image.alpha_composite(Image.new("RGBA", image.size, (255, 255, 255, 255)), image.convert("RGBA"))
    data = on_white.convert("RGB").tobytes()
    pixels = [(data[index], data[index + 1], data[index + 2]) for index in range(0, len(data), 3)]
    white = relative_luminance((255, 255, 255))
    ratios = [contrast(relative_luminance(pixel), white) for pixel in pixels]
    strong = sum(ratio >= 4.5 for ratio in ratios) / len(ratios)
    # Most of the logo (the brand-green disc) stands out from white at text-level contrast or better...
    assert strong >= 0.5, f"only {strong:.0%} of the logo's pixels have 4.5:1 contrast on white"
    # ...and the darkest colour reaches AAA (7:1).
    assert max(ratios) >= 7


def test_header_keeps_the_light_on_green_svg_logo(site_build: Build) -> None:
    sources = site_build.html("").xpath("//header//a[contains(@class, 'md-logo')]//img/@src")
    assert sources and sources[0].endswith("logo.svg")


def test_draw_logo_tool_reproduces_the_committed_logo() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("draw_logo", REPO / "tools" / "draw_logo.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    drawn = module.draw_logo()
    with Image.open(REPO / "docs/assets/images/logo-512.png") as committed:
        assert drawn.size == committed.size
        assert drawn.tobytes() == committed.convert("RGBA").tobytes()


@pytest.mark.parametrize("kind", ["ProfessionalService", "Bakery"])
def test_deprecated_or_unknown_practice_type_stops_the_build(tmp_path: Path, kind: str) -> None:
    project = copy_project(tmp_path / "project")
    config = load_config(project)
    config["extra"]["practice"]["type"] = kind
    write_config(project, config)
    build = run_build(project)
    assert build.returncode != 0
    assert f"extra.practice.type '{kind}'" in build.output
