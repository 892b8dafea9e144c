"""The default catalogs shipped in resources/catalogs/defaults.json (SPEC §3.6), and
`resources_dir`, which finds the resources folder wherever FieldLog runs from.

Each shipped entry has a Chinese name (what is stored, synced and exported) and an English
label for the English window. `display_name` is the one rule for showing a catalog name: the
English window shows the label of a shipped entry the user has not renamed (known by its fixed
id and its shipped name); a renamed or user-added entry shows its name, in every language.
"""

from __future__ import annotations

import importlib.resources
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fieldlog.domain.ids import catalog_id
from fieldlog.domain.messages import current_language

#: Catalog kinds kept as plain entries (chains and links have their own tables).
ENTRY_KINDS = ("county", "visit_kind", "org_tag", "sign_form", "fund_origin")


@dataclass(frozen=True)
class CatalogEntry:
    """A shipped catalog entry with its fixed id."""

    id: uuid.UUID
    kind: str
    name: str
    sort_order: int
    label_en: str = ""
    #: A fund origin that earns no assessment credit by default (本地企业投资, 财政资金).
    assess_excluded: bool = False


@dataclass(frozen=True)
class LinkDefault:
    """A shipped chain link."""

    id: uuid.UUID
    name: str
    position: str
    sort_order: int
    label_en: str = ""


@dataclass(frozen=True)
class ChainDefault:
    """A shipped industry chain and its links."""

    id: uuid.UUID
    name: str
    sort_order: int
    links: tuple[LinkDefault, ...]
    label_en: str = ""


def resources_dir() -> Path:
    """The resources folder (catalogs, guide, translations) as a real folder, since Qt's
    translators and the guide need one: `fieldlog/resources` inside an installed package or the
    standalone bundle, else `resources/` at the top of a checkout (a plain one, or an editable
    install, which cannot map that folder into the package)."""
    for candidate in _resource_folders():
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("FieldLog's resources folder is missing; reinstall FieldLog")


def _resource_folders() -> list[Path]:
    packaged = importlib.resources.files("fieldlog") / "resources"
    # Only an unpacked package gives a Path (a zip import gives a Traversable Qt cannot read).
    folders = [packaged] if isinstance(packaged, Path) else []
    return [*folders, Path(__file__).resolve().parents[2] / "resources"]


@cache
def _raw() -> dict[str, list]:
    with (resources_dir() / "catalogs" / "defaults.json").open(encoding="utf-8") as handle:
        data: dict[str, list] = json.load(handle)
    return data


def _named(raw: str | dict[str, str]) -> tuple[str, str]:
    """(Chinese name, English label) of an entry written as {"name", "en"} or as a bare name."""
    if isinstance(raw, str):
        return raw, raw
    return raw["name"], raw.get("en") or raw["name"]


def default_entries() -> list[CatalogEntry]:
    """Every plain catalog entry, in display order within each kind."""
    raw = _raw()
    entries = []
    for kind in ENTRY_KINDS:
        for order, item in enumerate(raw[kind]):
            name, label = _named(item)
            excluded = isinstance(item, dict) and bool(item.get("assess_excluded"))
            entry = CatalogEntry(catalog_id(kind, name), kind, name, order, label, excluded)
            entries.append(entry)
    return entries


def default_chains() -> list[ChainDefault]:
    """The twelve industry chains with their upstream, midstream and downstream links."""
    chains = []
    for order, chain in enumerate(_raw()["chains"]):
        chain_name, chain_label = _named(chain)
        links = []
        for link_order, link in enumerate(chain["links"]):
            name, label = _named(link)
            key = catalog_id("chain_link", f"{chain_name}/{name}")
            links.append(LinkDefault(key, name, link["position"], link_order, label))
        chain_id = catalog_id("chain", chain_name)
        chains.append(ChainDefault(chain_id, chain_name, order, tuple(links), chain_label))
    return chains


@cache
def _shipped() -> dict[uuid.UUID, tuple[str, str]]:
    """Every shipped entry, chain and link: its fixed id → (Chinese name, English label)."""
    shipped = {e.id: (e.name, e.label_en) for e in default_entries()}
    for chain in default_chains():
        shipped[chain.id] = (chain.name, chain.label_en)
        shipped.update({link.id: (link.name, link.label_en) for link in chain.links})
    return shipped


def display_name(item_id: uuid.UUID | None, name: str, language: str | None = None) -> str:
    """How the window shows a catalog entry, chain or link named `name` in `language` (the
    current one when None): a shipped one still under its shipped name shows its English label
    in English; anything else shows its name. Exports and the database keep the name."""
    if (language or current_language()) != "en" or item_id is None:
        return name
    shipped = _shipped().get(item_id)
    return shipped[1] if shipped is not None and shipped[0] == name else name


def display_kind_name(kind: str, name: str, language: str | None = None) -> str:
    """`display_name` where only the entry's kind and name are at hand (the fixed id of a
    shipped entry is made from them, and a renamed entry's id is not its new name's)."""
    return display_name(catalog_id(kind, name), name, language) if name else name


def display_link_name(chain_name: str, link_name: str, language: str | None = None) -> str:
    """`display_name` of a chain link where only its and its chain's names are at hand (a
    shipped link's fixed id is made from both)."""
    if not link_name:
        return link_name
    return display_name(catalog_id("chain_link", f"{chain_name}/{link_name}"), link_name, language)


def display_tags(names: Sequence[str], language: str | None = None) -> str:
    """Organization tags as the window shows them: 央企、上市公司 in Chinese, "Central
    state-owned enterprise, Listed company" in English."""
    language = language or current_language()
    separator = ", " if language == "en" else "、"
    return separator.join(display_kind_name("org_tag", name, language) for name in names)
