"""The network drawn as a circle of countries joined by lines: coordinates only.

Pure functions (no database), so the template writes the SVG and the page
needs no script. Each country sits on a circle; a line joins two countries
whose institutions work together, as thick as the records that join them.
"""

import math
from dataclasses import dataclass

SIZE = 640  # the circle's square; the viewBox adds MARGIN left and right for the labels
MARGIN = 150  # room for a long name ("Brunei Darussalam") beside the circle
RADIUS = 230  # of the circle the countries sit on
LABEL_RADIUS = 262
MIN_WIDTH, MAX_WIDTH = 1.5, 12.0


@dataclass(frozen=True)
class Node:
    code: str
    label: str
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str  # text-anchor of the label: start, middle or end
    records: int


@dataclass(frozen=True)
class Edge:
    first: Node
    second: Node
    records: int
    cooperation: int
    width: float


@dataclass(frozen=True)
class Diagram:
    size: int
    nodes: list[Node]
    edges: list[Edge]

    @property
    def view_box(self) -> str:
        return f"{-MARGIN} 0 {self.size + 2 * MARGIN} {self.size}"


def diagram(countries: list, pairs: list) -> Diagram:
    """`countries`: Country rows in drawing order; `pairs`: network Pairs of countries."""
    centre = SIZE / 2
    totals: dict[str, int] = {}
    for pair in pairs:
        for country in (pair.first, pair.second):
            totals[country.code] = totals.get(country.code, 0) + pair.records
    nodes = {}
    count = max(len(countries), 1)
    for position, country in enumerate(countries):
        angle = -math.pi / 2 + 2 * math.pi * position / count  # the first at the top
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        nodes[country.code] = Node(
            code=country.code,
            label=str(country.label),
            x=round(centre + RADIUS * cos, 1),
            y=round(centre + RADIUS * sin, 1),
            label_x=round(centre + LABEL_RADIUS * cos, 1),
            label_y=round(centre + LABEL_RADIUS * sin + 5, 1),
            anchor=anchor,
            records=totals.get(country.code, 0),
        )
    most = max((pair.records for pair in pairs), default=1)
    edges = [
        Edge(
            first=nodes[pair.first.code],
            second=nodes[pair.second.code],
            records=pair.records,
            cooperation=pair.cooperation,
            width=round(MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * pair.records / most, 1),
        )
        for pair in pairs
        if pair.first.code in nodes and pair.second.code in nodes
    ]
    return Diagram(size=SIZE, nodes=list(nodes.values()), edges=edges)
