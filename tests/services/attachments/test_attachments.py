"""Attaching files to visits, organizations and projects: what is stored is byte for byte what
was given, every bad file is refused with one sentence and nothing stored, a delete is a
tombstone that can be put back, and `check` counts and verifies the files."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from fieldlog.domain.messages import code_of
from fieldlog.services.admin.maintenance import check, digest
from fieldlog.services.attachments import attachments as att
from fieldlog.services.attachments.file_checks import check_file
from fieldlog.services.errors import InvalidInput
from fieldlog.services.projects import projects
from fieldlog.services.visits.visits import VisitInput, delete_visit, save_visit
from fieldlog.store.database import Database
from fieldlog.store.models import AttachmentFile
from tests.conftest import sqlite_only
from tests.services.attachments import files
from tests.services.conftest import Small


def _visit(db: Database, small: Small) -> att.Owner:
    visit = save_visit(
        db, VisitInput(date(2020, 4, 2), small.org, [small.alice], summary="参观厂房")
    )
    return att.Owner("visit", visit)


def _day_of_files(folder: Path) -> list[Path]:
    made = [files.photo(folder / f"IMG_000{i}.jpg", i) for i in range(3)]
    return [*made, files.pdf(folder / "框架协议.pdf")]


def test_three_photos_and_a_pdf_are_stored_byte_for_byte(
    db: Database, small: Small, tmp_path: Path
) -> None:
    owner = _visit(db, small)
    given_files = _day_of_files(tmp_path)
    made = att.add_files(db, owner, given_files)
    rows = att.attachments_of(db, owner)
    assert [row.id for row in rows] == made
    assert [row.name for row in rows] == [path.name for path in given_files]
    assert [row.media_type for row in rows] == [*(["image/jpeg"] * 3), "application/pdf"]
    for row, path in zip(rows, given_files, strict=True):
        stored, data = att.file_of(db, row.id)
        assert data == path.read_bytes()
        assert stored.sha256 == row.sha256 == hashlib.sha256(data).hexdigest()
        assert row.size == path.stat().st_size and row.present
    assert [row.picture for row in rows] == [True, True, True, False]


@pytest.mark.parametrize("kind", ["org", "project"])
def test_organizations_and_projects_take_attachments(
    db: Database, small: Small, tmp_path: Path, kind: str
) -> None:
    if kind == "org":
        owner = att.Owner("org", small.org)
    else:
        data = projects.ProjectInput("冷链物流园", investor_id=small.org)
        owner = att.Owner("project", projects.open_project(db, data, on=date(2020, 3, 25)))
    att.add_files(db, owner, [files.docx(tmp_path / "项目建议书.docx")])
    [row] = att.attachments_of(db, owner)
    assert row.media_type.endswith("wordprocessingml.document")


def test_the_same_bytes_are_stored_once(db: Database, small: Small, tmp_path: Path) -> None:
    owner = _visit(db, small)
    path = files.photo(tmp_path / "a.jpg")
    att.add_files(db, owner, [path])
    att.add_files(db, att.Owner("org", small.org), [path])
    with db.read() as session:
        assert session.query(AttachmentFile).count() == 1
    assert [r.sha256 for r in att.attachments_of(db, att.Owner("org", small.org))] == [
        hashlib.sha256(path.read_bytes()).hexdigest()
    ]


def test_downscale_on_request_keeps_a_smaller_upright_jpeg(
    db: Database, small: Small, tmp_path: Path
) -> None:
    owner = _visit(db, small)
    big = files.photo(tmp_path / "big.jpg", size=(4000, 3000))
    att.add_files(db, owner, [big], downscale=True)
    [row] = att.attachments_of(db, owner)
    _stored, data = att.file_of(db, row.id)
    checked = check_file(row.name, data)
    assert (checked.width, checked.height) == (2048, 1536)
    assert row.size < big.stat().st_size
    small_photo = files.photo(tmp_path / "small.jpg", 1, size=(800, 600))
    att.add_files(db, owner, [small_photo], downscale=True)
    assert att.file_of(db, att.attachments_of(db, owner)[1].id)[1] == small_photo.read_bytes()


BAD = {
    "video": (files.sparse_video, "a 200 MB video.mp4", "attach.too_large"),
    "renamed": (files.video_named_jpg, "照片.jpg", "attach.not_attachable"),
    "bomb": (files.pdf_bomb, "协议.pdf", "attach.bomb"),
    "heic": (files.heic, "IMG_0001.HEIC", "attach.heic"),
    "cut": (files.cut_photo, "IMG_0002.jpg", "attach.damaged_picture"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_bad_file_is_refused_with_one_sentence_and_nothing_stored(
    db: Database, small: Small, tmp_path: Path, case: str
) -> None:
    owner = _visit(db, small)
    make, name, code = BAD[case]
    good = files.photo(tmp_path / "good.jpg")
    bad = make(tmp_path / name)
    before = digest(db)
    with pytest.raises(InvalidInput) as refused:
        att.add_files(db, owner, [good, bad])  # the good one is not stored either
    assert code_of(refused.value.args[0]) == code
    sentence = str(refused.value)
    assert name in sentence and "\n" not in sentence
    assert digest(db) == before
    assert att.attachments_of(db, owner) == []
    with db.read() as session:
        assert session.query(AttachmentFile).count() == 0


def test_a_pdf_named_as_a_photo_says_what_it_is(db: Database, small: Small, tmp_path: Path) -> None:
    owner = _visit(db, small)
    renamed = tmp_path / "扫描件.jpg"
    renamed.write_bytes(files.pdf(tmp_path / "x.pdf").read_bytes())
    with pytest.raises(InvalidInput, match=r"扫描件\.jpg.*PDF.*\.pdf"):
        att.add_files(db, owner, [renamed])


def test_a_png_saved_as_jpg_is_taken_under_its_real_suffix(
    db: Database, small: Small, tmp_path: Path
) -> None:
    owner = _visit(db, small)
    source = files.photo(tmp_path / "x.jpg")
    from PIL import Image

    with Image.open(source) as image:
        image.save(tmp_path / "微信图片.jpg", "PNG")
    att.add_files(db, owner, [tmp_path / "微信图片.jpg"])
    [row] = att.attachments_of(db, owner)
    assert (row.name, row.media_type) == ("微信图片.png", "image/png")


def test_a_plain_zip_and_an_unknown_file_are_refused(
    db: Database, small: Small, tmp_path: Path
) -> None:
    owner = _visit(db, small)
    import zipfile

    with zipfile.ZipFile(tmp_path / "照片.zip", "w") as archive:
        archive.writestr("a.txt", "x")
    (tmp_path / "notes.txt").write_text("走访记录", encoding="utf-8")
    for name in ("照片.zip", "notes.txt"):
        with pytest.raises(InvalidInput, match="only photos, PDFs and Office files"):
            att.add_files(db, owner, [tmp_path / name])


def test_a_deleted_record_and_a_missing_file_are_refused(
    db: Database, small: Small, tmp_path: Path
) -> None:
    owner = _visit(db, small)
    delete_visit(db, owner.id)
    before = digest(db)
    with pytest.raises(InvalidInput, match="deleted"):
        att.add_files(db, owner, [files.photo(tmp_path / "a.jpg")])
    with pytest.raises(InvalidInput, match="does not exist"):
        att.add_files(db, att.Owner("org", small.org), [tmp_path / "nowhere.jpg"])
    assert digest(db) == before


def test_delete_is_a_tombstone_and_can_be_put_back(
    db: Database, small: Small, tmp_path: Path
) -> None:
    owner = _visit(db, small)
    [first, second] = att.add_files(
        db, owner, [files.photo(tmp_path / "a.jpg"), files.photo(tmp_path / "b.jpg", 1)]
    )
    att.delete_attachment(db, first)
    assert [row.id for row in att.attachments_of(db, owner)] == [second]
    with pytest.raises(InvalidInput):
        att.file_of(db, first)
    att.restore_attachment(db, first)
    assert [row.id for row in att.attachments_of(db, owner)] == [first, second]
    att.set_caption(db, second, "二号车间")
    assert att.attachments_of(db, owner)[1].caption == "二号车间"


def test_the_command_line_names_a_record_by_the_end_of_its_id(db: Database, small: Small) -> None:
    owner = _visit(db, small)
    assert att.find_owner(db, "visit", owner.id.hex[-8:]) == owner
    assert att.find_owner(db, "visit", str(owner.id)) == owner
    with pytest.raises(InvalidInput, match="not an id"):
        att.find_owner(db, "visit", "abc")
    with pytest.raises(InvalidInput, match="ends in"):
        att.find_owner(db, "visit", "00000000")
    with pytest.raises(InvalidInput, match="does not exist"):
        att.find_owner(db, "visit", str(uuid.uuid4()))


def test_check_counts_the_files_and_finds_a_missing_one(
    db: Database, small: Small, tmp_path: Path
) -> None:
    owner = _visit(db, small)
    att.add_files(db, owner, _day_of_files(tmp_path))
    report = check(db)
    assert report.ok and report.live["attachment"] == 4
    assert any("4 attachment(s) hold 4 distinct file(s)" in str(n) for n in report.notes)
    with db.begin() as session:
        session.query(AttachmentFile).filter(AttachmentFile.size < 1000).delete()
    report = check(db)
    assert [code_of(p) for p in report.problems] == ["health.files_missing"]


@sqlite_only("changes the stored bytes behind the service's back")
def test_check_finds_bytes_that_no_longer_match_their_hash(
    db: Database, small: Small, tmp_path: Path
) -> None:
    owner = _visit(db, small)
    att.add_files(db, owner, [files.photo(tmp_path / "a.jpg")])
    with db.begin() as session:
        session.execute(update(AttachmentFile).values(data=b"\xff\xd8\xff damaged"))
    assert [code_of(p) for p in check(db).problems] == ["health.files_damaged"]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    head=st.sampled_from(
        [b"", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"PK\x03\x04", b"GIF89a"]
    ),
    body=st.binary(max_size=3000),
    name=st.sampled_from(["a.jpg", "b.pdf", "c.docx", "d.png", "e", "f.heic"]),
)
def test_any_bytes_are_either_taken_or_refused_with_a_sentence(
    head: bytes, body: bytes, name: str
) -> None:
    try:
        checked = check_file(name, head + body)
    except InvalidInput as refused:
        assert str(refused) and "\n" not in str(refused)
    else:
        assert checked.sha256 == hashlib.sha256(checked.data).hexdigest()


@sqlite_only("backups of the database file (a server is backed up with pg_dump)")
def test_attachments_survive_a_backup_and_its_restore(
    db: Database, small: Small, tmp_path: Path
) -> None:
    from fieldlog.services.admin import backups
    from tests.conftest import password, reopen

    owner = _visit(db, small)
    given_files = _day_of_files(tmp_path)
    att.add_files(db, owner, given_files)
    copy = backups.backup_now(db, tmp_path / "copy.db")
    att.delete_attachment(db, att.attachments_of(db, owner)[0].id)
    assert db.path is not None
    path = db.path
    db.close()
    backups.restore_backup(path, copy, password())
    restored = reopen(path)
    try:
        rows = att.attachments_of(restored, owner)
        assert [att.file_of(restored, row.id)[1] for row in rows] == [
            p.read_bytes() for p in given_files
        ]
        assert check(restored).ok
    finally:
        restored.close()


def test_an_organization_lists_its_contacts_cards_after_its_own(
    db: Database, small: Small, tmp_path: Path
) -> None:
    from fieldlog.services.orgs import org_edits, orgs

    contact = orgs.save_contact(db, small.org, orgs.ContactInput("周经理"))
    gone = orgs.save_contact(db, small.org, orgs.ContactInput("离职的人"))
    att.add_files(db, att.Owner("contact", contact), [files.photo(tmp_path / "card.jpg", 1)])
    att.add_files(db, att.Owner("contact", gone), [files.photo(tmp_path / "old.jpg", 2)])
    org_edits.delete_contact(db, gone)
    att.add_files(db, att.Owner("org", small.org), [files.pdf(tmp_path / "简介.pdf")])
    owner = att.Owner("org", small.org)
    assert [(r.name, r.contact) for r in att.attachments_of(db, owner)] == [("简介.pdf", "")]
    assert [(r.name, r.contact) for r in att.attachments_of(db, owner, with_contacts=True)] == [
        ("简介.pdf", ""),
        ("card.jpg", "周经理"),
    ]


def test_a_visits_history_shows_its_attachments_added_captioned_and_deleted(
    db: Database, small: Small, tmp_path: Path
) -> None:
    from fieldlog.services.admin import history

    owner = _visit(db, small)
    [made] = att.add_files(db, owner, [files.photo(tmp_path / "厂房.jpg")])
    att.set_caption(db, made, "二号车间")
    att.delete_attachment(db, made)
    parts = {
        (e.table, e.part, e.field, e.old, e.new)
        for e in history.record_history(db, "visit", owner.id)
    }
    assert ("attachment", "厂房.jpg", "deleted", None, False) in parts  # added
    assert ("attachment", "厂房.jpg", "caption", "", "二号车间") in parts
    assert ("attachment", "厂房.jpg", "deleted", False, True) in parts


def test_the_history_will_not_put_back_an_attachment_without_its_contents(
    db: Database, small: Small, tmp_path: Path
) -> None:
    from fieldlog.services.admin import history

    owner = _visit(db, small)
    [made] = att.add_files(db, owner, [files.photo(tmp_path / "厂房.jpg")])
    att.delete_attachment(db, made)
    with db.begin() as session:  # as on a laptop that only ever received the tombstone
        session.query(AttachmentFile).delete()
    [deletion] = [
        e
        for e in history.record_history(db, "visit", owner.id)
        if e.table == "attachment" and e.field == "deleted" and e.new is True
    ]
    before = digest(db)
    with pytest.raises(InvalidInput, match="never reached this computer"):
        history.restore_value(db, deletion.id)
    assert digest(db) == before
