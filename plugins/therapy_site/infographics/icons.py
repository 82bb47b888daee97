"""Our small set of line icons (package data ``therapy_site/data/icons/*.svg``): inlined on the page, drawn with
Pillow in images.

The SVG files use a deliberately small subset (see ``data/icons/README.md``)
so that one parser can turn them into shapes Pillow draws.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as etree

from PIL import ImageDraw

SVG_NS = "{http://www.w3.org/2000/svg}"
VIEWBOX = 24.0
STROKE = 2.0
CURVE_STEPS = 16
_PATH_TOKEN = re.compile(r"[MLCQZ]|-?\d*\.?\d+")

Point = tuple[float, float]


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    rx: float


@dataclass(frozen=True)
class Polyline:
    points: tuple[Point, ...]
    closed: bool


Shape = Circle | Rect | Polyline


@dataclass(frozen=True)
class Icon:
    name: str
    svg: str  # the file's markup, for inlining
    shapes: tuple[Shape, ...]


def _floats(element: etree.Element, *names: str) -> list[float]:
    return [float(element.get(name, "0")) for name in names]


def _bezier(points: list[Point]) -> list[Point]:
    """Flatten a quadratic or cubic Bézier (start point included) into line points."""
    result = []
    for step in range(1, CURVE_STEPS + 1):
        t = step / CURVE_STEPS
        current = points
        while len(current) > 1:
            current = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in itertools.pairwise(current)]
        result.append(current[0])
    return result


def parse_path(data: str) -> list[Polyline]:
    """Absolute ``M L C Q Z`` path data to polylines."""
    tokens = _PATH_TOKEN.findall(data)
    lines: list[Polyline] = []
    points: list[Point] = []
    index = 0

    def take(count: int) -> list[Point]:
        nonlocal index
        values = [float(value) for value in tokens[index : index + 2 * count]]
        index += 2 * count
        return [(values[i], values[i + 1]) for i in range(0, len(values), 2)]

    command = ""
    while index < len(tokens):
        if tokens[index] in "MLCQZ":
            command = tokens[index]
            index += 1
        if command == "M":
            if len(points) > 1:
                lines.append(Polyline(tuple(points), False))
            points = take(1)
            command = "L"
        elif command == "L":
            points += take(1)
        elif command in "CQ":
            points += _bezier([points[-1], *take(3 if command == "C" else 2)])
        elif command == "Z":
            lines.append(Polyline(tuple(points), True))
            points = []
        else:
            raise ValueError(f"unsupported path data {data!r}")
    if len(points) > 1:
        lines.append(Polyline(tuple(points), False))
    return lines


def parse_icon(path: Path) -> Icon:
    markup = path.read_text(encoding="utf-8")
    root = etree.fromstring(markup)
    shapes: list[Shape] = []
    for element in root:
        tag = element.tag.removeprefix(SVG_NS)
        if tag == "path":
            shapes += parse_path(element.get("d", ""))
        elif tag == "circle":
            shapes.append(Circle(*_floats(element, "cx", "cy", "r")))
        elif tag == "rect":
            shapes.append(Rect(*_floats(element, "x", "y", "width", "height", "rx")))
        elif tag == "line":
            x1, y1, x2, y2 = _floats(element, "x1", "y1", "x2", "y2")
            shapes.append(Polyline(((x1, y1), (x2, y2)), False))
        elif tag == "polyline":
            values = [float(value) for value in element.get("points", "").replace(",", " ").split()]
            shapes.append(Polyline(tuple(zip(values[::2], values[1::2], strict=True)), False))
        else:
            raise ValueError(f"{path}: <{tag}> is not in the icon subset (path, circle, rect, line, polyline)")
    return Icon(path.stem, markup.strip(), tuple(shapes))


def load_icons(directory: Path) -> dict[str, Icon]:
    """All icons in ``directory`` by name (a drawing context loads them once)."""
    return {path.stem: parse_icon(path) for path in sorted(Path(directory).glob("*.svg"))}


def draw_icon(draw: ImageDraw.ImageDraw, icon: Icon, box: tuple[float, float, float], colour: tuple[int, ...]) -> None:
    """Draw ``icon`` with its top-left corner at ``box[:2]`` and ``box[2]`` pixels wide."""
    left, top, size = box
    scale = size / VIEWBOX
    width = max(1, round(STROKE * scale))

    def at(point: Point) -> Point:
        return left + point[0] * scale, top + point[1] * scale

    for shape in icon.shapes:
        if isinstance(shape, Circle):
            cx, cy = at((shape.cx, shape.cy))
            r = shape.r * scale
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=colour, width=width)
        elif isinstance(shape, Rect):
            x0, y0 = at((shape.x, shape.y))
            x1, y1 = at((shape.x + shape.width, shape.y + shape.height))
            draw.rounded_rectangle([x0, y0, x1, y1], radius=shape.rx * scale, outline=colour, width=width)
        else:
            points = [at(point) for point in shape.points]
            if shape.closed:
                points.append(points[0])
            draw.line(points, fill=colour, width=width, joint="curve")
            for x, y in (points[0], points[-1]):  # round caps
                draw.ellipse([x - width / 2, y - width / 2, x + width / 2, y + width / 2], fill=colour)
