"""The actor map: Sachsen, Sachsen-Anhalt and Thüringen with the organisations
that have coordinates, drawn as SVG on the server.

The borders come from data/central_germany.json, derived by
scripts/build_map_boundaries.py (source and licence noted there).
"""

import json
import math
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.db.models import Q

from .models import FederalState

BOUNDARIES = Path(__file__).resolve().parent / "data" / "central_germany.json"
WIDTH = 600  # SVG user units; the map scales with its container
MARGIN = 0.1  # degrees of frame around the states


@dataclass(frozen=True)
class Frame:
    """The drawn area in degrees and the equirectangular projection onto it."""

    west: float
    east: float
    south: float
    north: float

    @property
    def shrink(self):
        """How much shorter a degree of longitude is than one of latitude here."""
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self):
        """SVG units per degree of latitude."""
        return WIDTH / ((self.east - self.west) * self.shrink)

    @property
    def height(self):
        return round((self.north - self.south) * self.scale)

    def contains(self, longitude, latitude):
        return (
            self.west <= longitude <= self.east and self.south <= latitude <= self.north
        )

    def project(self, longitude, latitude):
        x = (longitude - self.west) * self.shrink * self.scale
        y = (self.north - latitude) * self.scale
        return round(x, 1), round(y, 1)


@cache
def _boundaries():
    return json.loads(BOUNDARIES.read_text())["states"]


@cache
def frame():
    points = [p for state in _boundaries() for ring in state["rings"] for p in ring]
    return Frame(
        west=round(min(x for x, _ in points) - MARGIN, 3),
        east=round(max(x for x, _ in points) + MARGIN, 3),
        south=round(min(y for _, y in points) - MARGIN, 3),
        north=round(max(y for _, y in points) + MARGIN, 3),
    )


@cache
def state_outlines():
    """(state value, label, SVG path data) for each of the three states."""
    area = frame()
    labels = dict(FederalState.choices)
    outlines = []
    for state in _boundaries():
        path = " ".join(
            "M" + " L".join("{},{}".format(*area.project(*p)) for p in ring) + " Z"
            for ring in state["rings"]
        )
        outlines.append((state["state"], labels[state["state"]], path))
    return tuple(outlines)


def _bounds_q():
    area = frame()
    return Q(
        latitude__gte=Decimal(str(area.south)),
        latitude__lte=Decimal(str(area.north)),
        longitude__gte=Decimal(str(area.west)),
        longitude__lte=Decimal(str(area.east)),
    )


def on_map(organizations):
    """The organisations with coordinates inside the map's frame."""
    return organizations.filter(_bounds_q())


def without_coordinates(organizations):
    return organizations.filter(Q(latitude=None) | Q(longitude=None))


def outside_map(organizations):
    """Organisations whose coordinates lie outside the map's frame."""
    return (
        organizations.exclude(latitude=None)
        .exclude(longitude=None)
        .exclude(_bounds_q())
    )


@dataclass(frozen=True)
class Marker:
    organization: object
    x: float
    y: float


def markers(organizations):
    """A marker for each organisation on the map, in the queryset's order."""
    area = frame()
    return [
        Marker(
            organization,
            *area.project(float(organization.longitude), float(organization.latitude)),
        )
        for organization in on_map(organizations)
    ]
