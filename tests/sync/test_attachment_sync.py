"""Attachments between laptops: a visit with three photos and a PDF arrives byte for byte after
one package; each file travels once and only where the receiver lacks it; a file whose bytes do
not match its hash, an altered or missing file member refuse the whole package; deletes are
tombstones; a package that would grow too large leaves attachments for the next one."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from fieldlog.domain.messages import code_of
from fieldlog.services.attachments import attachments as att
from fieldlog.services.orgs import orgs
from fieldlog.services.team import team
from fieldlog.services.visits.visits import VisitInput, save_visit
from fieldlog.store.models import Attachment, AttachmentFile
from fieldlog.sync import carried_files, crypto
from fieldlog.sync.errors import PackageError
from fieldlog.sync.manifest import parse_manifest
from tests.records import fetch
from tests.services.attachments import files
from tests.sync.conftest import PASSPHRASE, Laptop

Make = Callable[[str], Laptop]


def _visit_with_files(laptop: Laptop, folder: Path) -> tuple[att.Owner, list[Path]]:
    org = orgs.save_org(laptop.db, orgs.OrgInput("深圳市德润物流有限公司")).id
    member = team.save_member(laptop.db, team.MemberInput("李娜"))
    visit = save_visit(laptop.db, VisitInput(date(2020, 4, 2), org, [member], summary="参观冷库"))
    folder.mkdir(exist_ok=True)
    paths = [files.photo(folder / f"IMG_{i}.jpg", i) for i in range(3)]
    paths.append(files.pdf(folder / "合作协议.pdf"))
    owner = att.Owner("visit", visit)
    att.add_files(laptop.db, owner, paths)
    return owner, paths


def _stored_files(laptop: Laptop) -> int:
    with laptop.db.read() as session:
        return session.query(AttachmentFile).count()


def test_a_visit_with_three_photos_and_a_pdf_arrives_byte_for_byte(
    laptops: Make, tmp_path: Path
) -> None:
    a, b = laptops("a"), laptops("b")
    owner, paths = _visit_with_files(a, tmp_path / "camera")
    package = a.export()
    report = b.receive(package)
    assert report.files_stored == 4
    rows = att.attachments_of(b.db, owner)
    assert [row.name for row in rows] == [path.name for path in paths]
    for row, path in zip(rows, paths, strict=True):
        assert att.file_of(b.db, row.id)[1] == path.read_bytes()
    assert a.digest() == b.digest()
    with zipfile.ZipFile(package) as archive:
        members = sorted(n for n in archive.namelist() if n.startswith("files/"))
    assert members == sorted(f"files/{hashlib.sha256(p.read_bytes()).hexdigest()}" for p in paths)


def test_files_travel_once_and_only_to_who_lacks_them(laptops: Make, tmp_path: Path) -> None:
    a, b = laptops("a"), laptops("b")
    owner, paths = _visit_with_files(a, tmp_path / "camera")
    att.add_files(a.db, att.Owner("org", fetch(a.db, _visit_model(), owner.id).org_id), paths[:1])
    first = a.export()
    with zipfile.ZipFile(first) as archive:
        assert sum(n.startswith("files/") for n in archive.namelist()) == 4  # 5 rows, 4 files
    assert b.receive(first).files_stored == 4
    # The same rows again (a full package): the receiver has every file and stores none.
    assert b.receive(a.export(full=True)).files_stored == 0
    # A caption changes: the row travels again, and so do its bytes, but nothing is stored.
    att.set_caption(a.db, att.attachments_of(a.db, owner)[0].id, "冷库外景")
    assert b.receive(a.export()).files_stored == 0
    assert _stored_files(b) == 4
    assert a.digest() == b.digest()


def _visit_model() -> type:
    from fieldlog.store.models import Visit

    return Visit


def test_a_delete_is_a_tombstone_that_travels(laptops: Make, tmp_path: Path) -> None:
    a, b = laptops("a"), laptops("b")
    owner, _paths = _visit_with_files(a, tmp_path / "camera")
    b.receive(a.export())
    first = att.attachments_of(b.db, owner)[0]
    att.delete_attachment(b.db, first.id)
    a.receive(b.export())
    assert first.id not in [row.id for row in att.attachments_of(a.db, owner)]
    assert fetch(a.db, Attachment, first.id).deleted
    att.restore_attachment(a.db, first.id)  # its bytes stayed: it can be put back
    b.receive(a.export())
    assert first.id in [row.id for row in att.attachments_of(b.db, owner)]
    assert a.digest() == b.digest()


def _rewrite(package: Path, change: Callable[[dict[str, bytes], dict], None]) -> None:
    """Rewrite a package's members (as someone holding the passphrase could)."""
    with zipfile.ZipFile(package) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["manifest.json"])
    change(members, manifest)
    with zipfile.ZipFile(package, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _reseal_first_file(members: dict[str, bytes], _manifest: dict) -> None:
    """Replace the first file's bytes by other bytes of the same size, sealed with the right
    key and nonce: authentic, but not the file its hash names."""
    parsed = parse_manifest(members["manifest.json"], "p")
    keys = crypto.package_keys(PASSPHRASE, parsed.salt, parsed.kdf, parsed.key_check)
    entry = parsed.files[0]
    data = crypto.unseal(keys, entry.nonce, members[entry.member], parsed.authenticated)
    forged = bytes([data[0] ^ 0xFF]) + data[1:]
    members[entry.member] = crypto.seal(keys, entry.nonce, forged, parsed.authenticated)


def _flip_a_byte(members: dict[str, bytes], _manifest: dict) -> None:
    name = next(n for n in members if n.startswith("files/"))
    members[name] = members[name][:-1] + bytes([members[name][-1] ^ 1])


def _drop_a_file(members: dict[str, bytes], _manifest: dict) -> None:
    del members[next(n for n in members if n.startswith("files/"))]


def _add_a_stranger(members: dict[str, bytes], _manifest: dict) -> None:
    members["files/" + "0" * 64] = b"x" * 40


FAULTS = {
    "hash mismatch": (_reseal_first_file, "package.file_hash"),
    "altered member": (_flip_a_byte, "package.altered"),
    "missing member": (_drop_a_file, "package.files_mismatch"),
    "unlisted member": (_add_a_stranger, "package.files_mismatch"),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_package_with_bad_file_bytes_is_refused_whole(
    laptops: Make, tmp_path: Path, fault: str
) -> None:
    a, b = laptops("a"), laptops("b")
    owner, _paths = _visit_with_files(a, tmp_path / "camera")
    package = a.export()
    change, code = FAULTS[fault]
    _rewrite(package, change)
    before = b.digest()
    with pytest.raises(PackageError) as refused:
        b.receive(package)
    assert code_of(refused.value.args[0]) == code
    assert package.name in str(refused.value) or code == "package.altered"
    assert b.digest() == before
    assert _stored_files(b) == 0
    with pytest.raises(Exception, match="does not exist"):
        att.attachments_of(b.db, owner)


def test_a_full_package_leaves_attachments_for_the_next(
    laptops: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops("a"), laptops("b")
    owner, paths = _visit_with_files(a, tmp_path / "camera")
    largest = max(path.stat().st_size for path in paths)
    monkeypatch.setattr(carried_files, "MAX_PACKAGE_FILE_BYTES", largest + 1)
    received: list[int] = []
    for _round in range(4):
        report = b.receive(a.export())
        received.append(report.files_stored)
        # Whatever arrived is whole: every attachment b lists has its bytes.
        for row in att.attachments_of(b.db, owner):
            assert row.present
    # One photo per package (the small PDF fits beside the first), then nothing is left.
    assert received == [2, 1, 1, 0]
    assert [r.sha256 for r in att.attachments_of(b.db, owner)] == [
        r.sha256 for r in att.attachments_of(a.db, owner)
    ]
    assert a.digest() == b.digest()


def test_attachments_follow_an_organization_merged_by_credit_code(
    laptops: Make, tmp_path: Path
) -> None:
    a, b = laptops("a"), laptops("b")
    code = "91440300MA5FXT4K8N"
    on_a = orgs.save_org(a.db, orgs.OrgInput("深圳德润物流", credit_code=code)).id
    on_b = orgs.save_org(b.db, orgs.OrgInput("德润物流（深圳）", credit_code=code)).id
    att.add_files(a.db, att.Owner("org", on_a), [files.photo(tmp_path / "a.jpg", 0)])
    att.add_files(b.db, att.Owner("org", on_b), [files.photo(tmp_path / "b.jpg", 1)])
    b.receive(a.export())
    a.receive(b.export())
    kept = min(on_a, on_b)
    for laptop in (a, b):
        names = sorted(row.name for row in att.attachments_of(laptop.db, att.Owner("org", kept)))
        assert names == ["a.jpg", "b.jpg"]
    assert a.digest() == b.digest()


@pytest.mark.parametrize("seed", range(4))
def test_random_attachment_work_converges_in_any_order(
    laptops: Make, tmp_path: Path, seed: int
) -> None:
    """Three laptops add, caption, delete and put back attachments on one visit and exchange
    packages in a random order, some twice, some late: all end with the same data, every live
    attachment with its bytes, and a repeated package changes nothing."""
    import random

    rng = random.Random(seed)
    a = laptops("a")
    owner, _paths = _visit_with_files(a, tmp_path / "camera")
    others = [laptops("b"), laptops("c")]
    start = a.export()
    for laptop in others:
        laptop.receive(start)
    crew = [a, *others]
    made = 0
    sent: list[Path] = []
    for _step in range(12):
        laptop = rng.choice(crew)
        rows = att.attachments_of(laptop.db, owner)
        action = rng.choice(["add", "add", "caption", "delete", "restore"])
        if action == "add" or not rows:
            made += 1
            path = files.photo(tmp_path / f"{laptop.name}-{made}.jpg", made, size=(320, 240))
            att.add_files(laptop.db, owner, [path])
        elif action == "caption":
            att.set_caption(laptop.db, rng.choice(rows).id, f"说明{made}")
        elif action == "delete":
            att.delete_attachment(laptop.db, rng.choice(rows).id)
        else:
            with laptop.db.read() as session:
                gone = [r.id for r in session.query(Attachment).filter(Attachment.deleted)]
            if gone:
                att.restore_attachment(laptop.db, rng.choice(gone))
        if rng.random() < 0.5:
            sent.append(laptop.export())
            receiver = rng.choice([x for x in crew if x is not laptop])
            receiver.receive(*rng.sample(sent, k=min(len(sent), 2)))
    for _round in range(2):  # everyone sends everything to everyone, in a shuffled order
        packages = [laptop.export(full=True) for laptop in crew]
        for laptop in crew:
            laptop.receive(*rng.sample(packages, k=len(packages)))
    assert len({laptop.digest() for laptop in crew}) == 1
    for laptop in crew:
        assert all(row.present for row in att.attachments_of(laptop.db, owner))
        assert laptop.receive(packages[0]).files_stored == 0
