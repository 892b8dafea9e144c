"""The default catalogs shipped in resources/catalogs/defaults.json (SPEC §3.6)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fieldlog.domain.ids import catalog_id

#: Catalog kinds kept as plain entries (chains and links have their own tables).
ENTRY_KINDS = ("county", "visit_kind", "org_tag", "sign_form", "fund_origin")


@dataclass(frozen=True)
class CatalogEntry:
    """A shipped catalog entry with its fixed id."""

    id: uuid.UUID
    kind: str
    name: str
    sort_order: int


@dataclass(frozen=True)
class LinkDefault:
    """A shipped chain link."""

    id: uuid.UUID
    name: str
    position: str
    sort_order: int


@dataclass(frozen=True)
class ChainDefault:
    """A shipped industry chain and its links."""

    id: uuid.UUID
    name: str
    sort_order: int
    links: tuple[LinkDefault, ...]


def resources_dir() -> Path:
    """The resources folder: inside the installed package, or at the top of a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "resources", package.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("FieldLog's resources folder is missing; reinstall FieldLog")


@cache
def _raw() -> dict[str, list]:
    with (resources_dir() / "catalogs" / "defaults.json").open(encoding="utf-8") as handle:
        data: dict[str, list] = json.load(handle)
    return data


def default_entries() -> list[CatalogEntry]:
    """Every plain catalog entry, in display order within each kind."""
    raw = _raw()
    return [
        CatalogEntry(catalog_id(kind, name), kind, name, order)
        for kind in ENTRY_KINDS
        for order, name in enumerate(raw[kind])
    ]


def default_chains() -> list[ChainDefault]:
    """The twelve industry chains with their upstream, midstream and downstream links."""
    chains = []
    for order, chain in enumerate(_raw()["chains"]):
        links = tuple(
            LinkDefault(
                catalog_id("chain_link", f"{chain['name']}/{link['name']}"),
                link["name"],
                link["position"],
                link_order,
            )
            for link_order, link in enumerate(chain["links"])
        )
        chains.append(ChainDefault(catalog_id("chain", chain["name"]), chain["name"], order, links))
    return chains
