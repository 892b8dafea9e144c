"""Shipped catalog entries carry an English label; one rule says which name the window shows."""

from __future__ import annotations

import uuid

import pytest

from fieldlog.domain import messages, vocabulary
from fieldlog.domain.catalogs import (
    default_chains,
    default_entries,
    display_kind_name,
    display_link_name,
    display_name,
    display_tags,
)
from fieldlog.domain.ids import catalog_id
from fieldlog.domain.stages import ALL_STAGES, stage_label
from fieldlog.domain.vocabulary import ChainRole, Intent, MemberRole, OrgKind

PHONE = catalog_id("visit_kind", "电话联系")


def _labelled() -> list[tuple[str, str, str]]:
    """(kind, Chinese name, English label) of every shipped entry, chain and link."""
    rows = [(e.kind, e.name, e.label_en) for e in default_entries()]
    for chain in default_chains():
        rows.append(("chain", chain.name, chain.label_en))
        rows += [(f"link of {chain.name}", link.name, link.label_en) for link in chain.links]
    return rows


def test_every_shipped_entry_has_an_english_label_of_its_own() -> None:
    rows = _labelled()
    assert len(rows) == 33 + 12 + 52
    for kind, name, label in rows:
        assert label and label != name and label.isascii(), (kind, name, label)
    for kind in {kind for kind, _, _ in rows}:
        labels = [label for k, _, label in rows if k == kind]
        assert len(labels) == len(set(labels)), kind  # two entries never read the same


def test_the_labels_leave_the_fixed_ids_as_they_were() -> None:
    # Ids are made from the Chinese names: every laptop's shipped rows stay the same records.
    entries = {(e.kind, e.name): e.id for e in default_entries()}
    assert entries[("visit_kind", "电话联系")] == PHONE
    chain = default_chains()[1]
    assert (chain.name, chain.label_en) == ("物流", "Logistics")
    assert chain.links[0].id == catalog_id("chain_link", "物流/物流装备")


@pytest.mark.parametrize(
    ("kind", "name", "english"),
    [
        ("visit_kind", "上门走访", "On-site visit"),
        ("visit_kind", "电话联系", "Phone call"),
        ("county", "碧江区", "Bijiang District"),
        ("org_tag", "专精特新", "Specialized and innovative SME"),
        ("sign_form", "框架协议", "Framework agreement"),
        ("fund_origin", "省外", "From outside the province"),
        ("chain", "装备制造", "Equipment manufacturing"),
    ],
)
def test_english_shows_the_label_chinese_the_name(kind: str, name: str, english: str) -> None:
    assert display_kind_name(kind, name, "en") == english
    assert display_kind_name(kind, name, "zh_CN") == name
    assert display_name(catalog_id(kind, name), name, "en") == english


def test_a_renamed_or_user_added_entry_shows_its_name_in_english() -> None:
    assert display_name(PHONE, "电话沟通", "en") == "电话沟通"  # renamed: the user's name
    assert display_name(uuid.uuid4(), "电话联系", "en") == "电话联系"  # added by a user
    assert display_name(None, "电话联系", "en") == "电话联系"
    assert display_kind_name("visit_kind", "走访企业", "en") == "走访企业"
    assert display_kind_name("visit_kind", "", "en") == ""


def test_links_are_known_by_their_chain_too() -> None:
    assert display_link_name("物流", "冷链物流", "en") == "Cold-chain logistics"
    assert display_link_name("物流改名", "冷链物流", "en") == "冷链物流"
    assert display_link_name("物流", "冷链物流", "zh_CN") == "冷链物流"


def test_tags_are_joined_as_each_language_writes_a_list() -> None:
    assert display_tags(["央企", "上市公司"], "zh_CN") == "央企、上市公司"
    assert display_tags(["央企", "自定标签"], "en") == "Central state-owned enterprise, 自定标签"


def test_without_a_language_the_current_one_is_used() -> None:
    try:
        messages.use_language("zh_CN")
        assert display_kind_name("visit_kind", "电话联系") == "电话联系"
        assert stage_label("signed") == "签约"
        messages.use_language("en")
        assert display_kind_name("visit_kind", "电话联系") == "Phone call"
        assert stage_label("signed") == "Signed"
    finally:
        messages._current.clear()


def test_fixed_vocabularies_have_english_labels() -> None:
    for kind in (OrgKind, Intent, ChainRole, MemberRole):
        for item in kind:
            english = vocabulary.label(kind, item.value, "en")
            assert english and english.isascii() and english == vocabulary.LABELS_EN[item]
            assert vocabulary.label(kind, item.value, "zh_CN") == vocabulary.LABELS_ZH[item]
    assert vocabulary.label(OrgKind, "cooperative", "en") == "Unknown (cooperative)"
    assert vocabulary.label(OrgKind, "cooperative", "zh_CN") == "未知（cooperative）"
    assert vocabulary.label(OrgKind, None, "en") == ""
    assert [stage_label(s.value, "en") for s in ALL_STAGES][:4] == [
        "Lead",
        "Negotiating",
        "Inspected",
        "Signed",
    ]
    assert stage_label("evaluating", "en") == "Unknown (evaluating)"
    assert stage_label("evaluating", "zh_CN") == "未知（evaluating）"
