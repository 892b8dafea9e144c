"""The English window names shipped catalog entries in English; the Chinese window, and any entry
a user renamed or added, shows the stored (Chinese) name; what is saved is always the name."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from fieldlog import app
from fieldlog.domain import messages
from fieldlog.domain.ids import catalog_id
from fieldlog.services.admin.workspace import open_workspace
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.services.visits import visits
from fieldlog.store.database import Database
from fieldlog.store.models import CatalogItem, Visit
from fieldlog.ui.dialogs.visit_dialog import VisitDialog
from fieldlog.ui.models.visit_table_model import KIND, VisitTableModel

from ..field_dump import db_digest

PHONE = catalog_id("visit_kind", "电话联系")
KINDS_EN = [
    "On-site visit",
    "Hosted visit",
    "Phone call",
    "Video meeting",
    "Round-table meeting",
    "Trade fair or event",
]


def _visits(db: Database) -> tuple[uuid.UUID, uuid.UUID]:
    """A phone call and an on-site visit (newest first in the log); the org and the member."""
    org = orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司")).id
    team_id = team.save_team(db, team.TeamInput("测试工作队"))
    me = team.save_member(db, team.MemberInput("李娜"), team_id=team_id)
    visits.save_visit(db, visits.VisitInput(date(2024, 3, 1), org, [me], kind="上门走访"))
    visits.save_visit(db, visits.VisitInput(date(2024, 3, 2), org, [me], kind="电话联系"))
    return org, me


def _kinds(model: VisitTableModel) -> list[str]:
    return [model.index(row, KIND).data() for row in range(model.rowCount())]


def _rename(db: Database, item_id: uuid.UUID, name: str) -> None:
    """What a sync from a laptop where the entry was renamed leaves in the database."""
    with db.begin() as session:
        session.get(CatalogItem, item_id).name = name


@pytest.fixture
def chinese() -> Iterator[None]:
    messages.use_language("zh_CN")
    yield
    messages._current.clear()


def test_the_english_log_names_shipped_kinds_in_english(qtbot, db: Database) -> None:
    _visits(db)
    assert _kinds(VisitTableModel(db)) == ["Phone call", "On-site visit"]


def test_the_chinese_log_shows_the_names(qtbot, db: Database, chinese) -> None:
    _visits(db)
    assert _kinds(VisitTableModel(db)) == ["电话联系", "上门走访"]


def test_a_renamed_kind_shows_its_new_name_in_english_too(qtbot, db: Database) -> None:
    _visits(db)
    _rename(db, PHONE, "电话沟通")
    assert _kinds(VisitTableModel(db)) == ["电话沟通", "On-site visit"]


def test_the_visit_dialog_offers_english_kinds_and_saves_the_name(qtbot, db: Database) -> None:
    org, me = _visits(db)
    dialog = VisitDialog(db)
    qtbot.addWidget(dialog)
    combo = dialog.form.kind_combo
    assert [combo.itemText(i) for i in range(combo.count())] == KINDS_EN
    assert [combo.itemData(i) for i in range(combo.count())][:3] == [
        "上门走访",
        "来访接待",
        "电话联系",
    ]
    combo.setCurrentIndex(2)
    dialog.form.org_picker.set_org(org, "深圳市德润物流有限公司")
    data = dialog.form.visit_input()
    assert data.kind == "电话联系"
    saved = visits.save_visit(db, replace(data, visitor_ids=[me]))
    with db.read() as session:
        assert session.get(Visit, saved).kind_id == PHONE


def test_the_visit_dialog_shows_a_renamed_kind_by_its_name(qtbot, db: Database) -> None:
    _visits(db)
    _rename(db, PHONE, "电话沟通")
    dialog = VisitDialog(db)
    qtbot.addWidget(dialog)
    combo = dialog.form.kind_combo
    assert combo.itemText(2) == "电话沟通" and combo.itemData(2) == "电话沟通"
    assert combo.itemText(0) == "On-site visit"


def test_the_visit_dialog_is_chinese_in_the_chinese_window(qtbot, db: Database, chinese) -> None:
    dialog = VisitDialog(db)
    qtbot.addWidget(dialog)
    combo = dialog.form.kind_combo
    assert [combo.itemText(i) for i in range(combo.count())][:3] == [
        "上门走访",
        "来访接待",
        "电话联系",
    ]


def test_editing_a_visit_in_english_writes_nothing_new(qtbot, db: Database) -> None:
    # The combo shows "Phone call" but holds 电话联系: an unchanged save changes nothing.
    _visits(db)
    with db.read() as session:
        phone_visit = next(v.id for v in session.query(Visit) if v.kind_id == PHONE)
    before = db_digest(db)
    dialog = VisitDialog(db, visit_id=phone_visit)
    qtbot.addWidget(dialog)
    assert dialog.form.kind_combo.currentText() == "Phone call"
    assert dialog.form.visit_input().kind == "电话联系"
    assert db_digest(db) == before


@pytest.fixture
def no_saved_language() -> Iterator[None]:
    settings = QSettings()
    saved = settings.value("language")
    settings.remove("language")
    yield
    if saved is not None:
        settings.setValue("language", saved)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--lang", "en"], ["Phone call", "On-site visit"]),
        (["--lang", "zh_CN"], ["电话联系", "上门走访"]),
        ([], ["电话联系", "上门走访"]),  # LANG=C.UTF-8 below: Chinese
    ],
)
def test_the_window_log_speaks_the_window_language(
    qapp, tmp_path: Path, monkeypatch, windows, no_saved_language, options, expected
) -> None:
    path = tmp_path / "labels.db"
    db = open_workspace(str(path))
    _visits(db)
    db.close()
    monkeypatch.setenv("LANG", "C.UTF-8")
    try:
        assert app.main(["--db", str(path), *options]) == 0
        window = app.last_window()
        assert _kinds(window.visit_log.model) == expected
    finally:
        app.install_translators(qapp, "en")


def test_the_signing_dialog_offers_english_forms_and_keeps_the_name(qtbot) -> None:
    from fieldlog.ui.dialogs.signing_dialog import SigningDialog

    dialog = SigningDialog("冷链仓储项目", ["意向协议", "框架协议", "正式合同"], date(2024, 3, 1))
    qtbot.addWidget(dialog)
    combo = dialog.form_combo
    assert [combo.itemText(i) for i in range(1, 4)] == [
        "Letter of intent",
        "Framework agreement",
        "Formal contract",
    ]
    assert [combo.itemData(i) for i in range(1, 4)] == ["意向协议", "框架协议", "正式合同"]


def test_the_organization_table_names_shipped_tags_in_the_window_language(
    qtbot, db: Database
) -> None:
    from fieldlog.ui.models.org_table_model import TAGS, OrgTableModel

    orgs.save_org(db, orgs.OrgInput("深圳市德润物流有限公司", tags=["央企", "上市公司"]))
    english = OrgTableModel(db)
    english.reload()
    assert english.index(0, TAGS).data() == "Central state-owned enterprise, Listed company"
    messages.use_language("zh_CN")
    try:
        chinese = OrgTableModel(db)
        chinese.reload()
        assert chinese.index(0, TAGS).data() == "央企、上市公司"
    finally:
        messages._current.clear()


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [("en", "Logistics", "Electroplating"), ("zh_CN", "物流", "电镀")],
)
def test_the_history_names_shipped_chains_in_the_window_language(
    qtbot, db: Database, language: str, old: str, new: str
) -> None:
    from fieldlog.ui.widgets.history_panel import HistoryPanel

    from .test_history_panel import _texts

    org = orgs.save_org(db, orgs.OrgInput("某公司", chain_id=catalog_id("chain", "物流"))).id
    orgs.save_org(db, orgs.OrgInput("某公司", chain_id=catalog_id("chain", "电镀")), org_id=org)
    messages.use_language(language)
    try:
        panel = HistoryPanel(db, "organization", org)
        qtbot.addWidget(panel)
        chain_rows = [texts[3:5] for texts in _texts(panel) if texts[3:5] == [old, new]]
        assert chain_rows == [[old, new]]
    finally:
        messages._current.clear()
