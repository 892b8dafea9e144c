"""The package file: what is in clear, what is sealed, and every way a file can be refused."""

from __future__ import annotations

import json
import uuid
import zipfile
from pathlib import Path

import pytest

from fieldlog.services.team import team
from fieldlog.services.team.identity import set_me
from fieldlog.sync import package as package_module
from fieldlog.sync.changes import Header, build_payload
from fieldlog.sync.crypto import KdfParams
from fieldlog.sync.errors import PackageError
from fieldlog.sync.importer import verify
from fieldlog.sync.package import new_package_fields, write_package
from fieldlog.sync.team_check import own_team
from tests.sync.conftest import FAST_KDF, PASSPHRASE, TEAM, Laptop

SECRET_NAME = "欧阳秘密"


@pytest.fixture
def sent(laptops) -> Laptop:  # type: ignore[no-untyped-def]
    laptop: Laptop = laptops("sender")
    set_me(laptop.db, team.save_member(laptop.db, team.MemberInput(SECRET_NAME)))
    laptop.export()
    return laptop


def test_manifest_is_clear_and_says_nothing_personal(sent: Laptop) -> None:
    with zipfile.ZipFile(sent.sent[0]) as archive:
        assert sorted(archive.namelist()) == ["changes.jsonl.enc", "manifest.json"]
        manifest = json.loads(archive.read("manifest.json"))
        payload = archive.read("changes.jsonl.enc")
    package = manifest["package"]
    assert package["sender_node"] == sent.db.node_id
    assert package["counts"] == {"member": 1}
    assert (manifest["version"], package["team_id"]) == (2, str(team.current_team(sent.db).id))
    clear = json.dumps(manifest, ensure_ascii=False)
    assert SECRET_NAME not in clear and TEAM not in clear
    assert SECRET_NAME.encode() not in payload
    checked = verify(sent.sent[0], PASSPHRASE)
    assert checked.contents.header.member == SECRET_NAME
    assert checked.contents.header.team == TEAM
    assert checked.contents.counts == {"member": 1}


def test_a_manifest_of_format_2_without_its_team_id_is_refused(sent: Laptop) -> None:
    out = sent.folder / "no-team.fieldsync"
    with zipfile.ZipFile(sent.sent[0]) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                del manifest["package"]["team_id"]
                data = json.dumps(manifest).encode()
            new.writestr(info, data)
    with pytest.raises(PackageError, match=r"invalid manifest \(field team_id\)"):
        verify(out, PASSPHRASE)


def test_every_flipped_byte_is_refused_or_harmless(sent: Laptop) -> None:
    """A flip in what matters is refused; a flip in ZIP bookkeeping the reader ignores (times,
    the local copies of sizes) leaves exactly the same verified contents."""
    original = verify(sent.sent[0], PASSPHRASE)
    data = sent.sent[0].read_bytes()
    spoiled = sent.folder / "spoiled.fieldsync"
    refused = 0
    for position in range(len(data)):
        spoiled.write_bytes(data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1 :])
        try:
            found = verify(spoiled, PASSPHRASE)
        except PackageError:
            refused += 1
            continue
        assert (found.manifest, found.packed) == (original.manifest, original.packed), position
        assert found.contents == original.contents, position
    assert refused > len(data) * 3 // 4


def _team_id(laptop: Laptop) -> uuid.UUID | None:
    with laptop.db.read() as session:
        own = own_team(session)
    return own.id if own else None


def _sealed(laptop: Laptop, lines: list[dict[str, object]], counts: dict[str, int]) -> Path:
    payload, _counts = build_payload(Header("", None, {}), iter(lines))
    fields = new_package_fields(
        package_id=uuid.uuid4(),
        team_id=_team_id(laptop),
        sender_node=laptop.db.node_id,
        full=False,
        counts=counts,
    )
    out = laptop.folder / f"{uuid.uuid4().hex}.fieldsync"
    write_package(out, package=fields, plaintext=payload, passphrase=PASSPHRASE, kdf=FAST_KDF)
    return out


def _member(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "table": "member",
        "id": str(uuid.uuid4()),
        "created_at": "2020-03-23T08:00:00.000000+00:00",
        "updated_at": "2020-03-23T08:00:00.000000+00:00",
        "node_id": "a" * 32,
        "hlc": 1,
        "deleted": False,
        "field_stamps": {"name": [1, "a" * 32]},
        "name": "王强",
        "team_id": None,
        "group_id": None,
        "role": "member",
        "home_unit": "",
        "county_id": None,
        "from_promotion_system": False,
        "phone": "",
    }
    row.update(changes)
    return row


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"table": "songs"}, "unknown table"),
        ({"name": "x" * 100_001}, "member.name"),
        ({"hlc": 2**62}, "the sender's clock is wrong"),
        ({"field_stamps": {"name": [2**62, "a" * 32]}}, "year"),
        ({"hlc": "1"}, "member.hlc"),
        ({"deleted": 0}, "member.deleted"),
        ({"created_at": "2020-03-23T08:00:00"}, "time zone"),
        ({"id": "not-an-id"}, "valid id"),
        ({"field_stamps": {"password": [1, "a"]}}, "unknown field"),
        ({"field_stamps": {"name": [1]}}, "field stamp"),
        ({"shoe_size": 42}, "unknown field"),
    ],
)
def test_a_bad_line_is_refused_with_its_number(
    laptops, changes: dict[str, object], message: str
) -> None:  # type: ignore[no-untyped-def]
    laptop: Laptop = laptops("a")
    before = laptop.digest()
    out = _sealed(laptop, [_member(), _member(**changes)], {"member": 2})
    with pytest.raises(PackageError, match="line 3") as refusal:
        laptop.receive(out)  # refused before, or rolled back inside, the transaction
    assert message in str(refusal.value)
    assert laptop.digest() == before


def test_a_record_twice_is_refused(laptops) -> None:  # type: ignore[no-untyped-def]
    laptop: Laptop = laptops("a")
    row = _member()
    out = _sealed(laptop, [row, row], {"member": 2})
    with pytest.raises(PackageError, match="twice"):
        verify(out, PASSPHRASE)


def test_changes_that_unpack_to_too_much_are_refused(
    laptops, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    laptop: Laptop = laptops("a")
    out = _sealed(laptop, [_member(name="王" * 50) for _ in range(50)], {"member": 50})
    monkeypatch.setattr(package_module, "MAX_CHANGES_BYTES", 2_000)
    with pytest.raises(PackageError, match="unpacks to more than"):
        verify(out, PASSPHRASE)


def test_absurd_key_parameters_are_refused_before_any_work(laptops) -> None:  # type: ignore[no-untyped-def]
    laptop: Laptop = laptops("a")
    with pytest.raises(PackageError, match="unsupported key parameters"):
        _sealed_with(laptop, KdfParams(n=2**30))
    out = laptop.folder / "greedy.fieldsync"
    good = _sealed(laptop, [_member()], {"member": 1})
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["package"]["kdf"]["n"] = 2**30
                data = json.dumps(manifest).encode()
            new.writestr(info.filename, data)
    with pytest.raises(PackageError, match="unsupported key parameters"):
        verify(out, PASSPHRASE)


def _sealed_with(laptop: Laptop, kdf: KdfParams) -> None:
    fields = new_package_fields(
        package_id=uuid.uuid4(),
        team_id=_team_id(laptop),
        sender_node=laptop.db.node_id,
        full=False,
        counts={},
    )
    write_package(
        laptop.folder / "x.fieldsync", package=fields, plaintext=b"", passphrase="p", kdf=kdf
    )


def test_a_missing_file_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="does not exist"):
        verify(tmp_path / "nowhere.fieldsync", PASSPHRASE)
