"""A package whose clear manifest was edited says it was altered, not that the passphrase is wrong.

Real packages, written with the key parameters FieldLog writes, then their manifest's bytes
edited: key parameters FieldLog never writes are refused before any key is derived; accepted
ones that differ from those the package was made with are found by trying FieldLog's own; a
wrong passphrase is still told as such; older packages still open. Every refusal leaves the
receiving laptop's data as it was.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldlog.domain.messages import code_of
from fieldlog.services.exchange import sync
from fieldlog.sync import crypto
from fieldlog.sync.errors import PackageError
from fieldlog.sync.importer import verify
from tests.sync.conftest import FAST_KDF, PASSPHRASE, Laptop

Edit = Callable[[dict[str, Any]], None]


@pytest.fixture
def pair(laptops) -> tuple[Laptop, Laptop]:  # type: ignore[no-untyped-def]
    """A sender with a package written as FieldLog writes it, and a receiver of its team."""
    sender: Laptop = laptops("sender")
    receiver: Laptop = laptops("receiver")
    path = sender.folder / "real.fieldsync"
    sync.export_package(sender.db, path, full=True)  # FieldLog's own parameters
    sender.sent.append(path)
    return sender, receiver


def edited(source: Path, edit: Edit, name: str = "edited.fieldsync") -> Path:
    """A copy of `source` whose manifest was changed by `edit` (every other byte as it was)."""
    out = source.with_name(name)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                edit(manifest)
                data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
            new.writestr(info, data)
    return out


def _kdf(**values: object) -> Edit:
    def edit(manifest: dict[str, Any]) -> None:
        manifest["package"]["kdf"].update(values)

    return edit


def _refused(receiver: Laptop, path: Path, passphrase: str = PASSPHRASE) -> PackageError:
    """The refusal of `path` to `passphrase`, by itself and by the receiver (set to that
    passphrase), whose data stays as it was."""
    if passphrase != PASSPHRASE:
        sync.set_passphrase(receiver.db, passphrase)
    before = receiver.digest()
    with pytest.raises(PackageError) as refusal:
        verify(path, passphrase)
    with pytest.raises(PackageError) as again:
        receiver.receive(path)
    assert str(again.value) == str(refusal.value)
    assert receiver.digest() == before
    return refusal.value


def test_the_real_package_opens(pair: tuple[Laptop, Laptop]) -> None:
    sender, receiver = pair
    manifest = json.loads(zipfile.ZipFile(sender.sent[0]).read("manifest.json"))
    kdf = manifest["package"]["kdf"]
    assert (
        (kdf["n"], kdf["r"], kdf["p"])
        == (2**15, 8, 1)
        == (
            crypto.WRITTEN.n,
            crypto.WRITTEN.r,
            crypto.WRITTEN.p,
        )
    )
    assert verify(sender.sent[0], PASSPHRASE).contents.rows > 0
    report = receiver.receive(sender.sent[0])
    assert len(report.packages) == 1


@pytest.mark.parametrize("n", [2**14, 2**16, 2**10])
def test_a_changed_cost_is_reported_as_altered(pair: tuple[Laptop, Laptop], n: int) -> None:
    sender, receiver = pair
    error = _refused(receiver, edited(sender.sent[0], _kdf(n=n)))
    assert code_of(error) == "package.kdf_altered"
    assert str(error).startswith("the package has been altered: its key parameters were changed")
    assert "wrong team passphrase" not in str(error)


@pytest.mark.parametrize(
    ("edit", "detail"),
    [
        (_kdf(n=2**30), "n=1073741824, r=8, p=1"),
        (_kdf(n=3 * 2**13), "n=24576, r=8, p=1"),
        (_kdf(n=2**9), "n=512, r=8, p=1"),
        (_kdf(r=4), "n=32768, r=4, p=1"),
        (_kdf(r=16), "n=32768, r=16, p=1"),
        (_kdf(p=2), "n=32768, r=8, p=2"),
        (_kdf(n="32768"), "n"),
        (_kdf(n=True), "n"),
        (_kdf(salt="00" * 8), "salt"),
        (_kdf(salt="zz" * 16), "salt"),
    ],
    ids=[
        "huge n",
        "n not a power of two",
        "tiny n",
        "r=4",
        "r=16",
        "p=2",
        "n as text",
        "n as a boolean",
        "short salt",
        "salt not hex",
    ],
)
def test_parameters_fieldlog_never_writes_are_refused_before_any_key_is_derived(
    pair: tuple[Laptop, Laptop], edit: Edit, detail: str
) -> None:
    sender, receiver = pair
    path = edited(sender.sent[0], edit)
    crypto.derive_keys.cache_clear()
    error = _refused(receiver, path)
    assert crypto.derive_keys.cache_info().misses == 0  # no scrypt ran
    assert code_of(error) == "package.kdf_refused"
    assert str(error) == (
        f"edited.fieldsync has been altered or is damaged: it asks for unsupported key "
        f"parameters ({detail}), which FieldLog never writes"
    )


def test_a_wrong_passphrase_is_still_a_wrong_passphrase(pair: tuple[Laptop, Laptop]) -> None:
    sender, receiver = pair
    crypto.derive_keys.cache_clear()
    error = _refused(receiver, sender.sent[0], passphrase="another team's passphrase")
    assert code_of(error) == "package.wrong_passphrase"
    # FieldLog's own parameters: one derivation, no second try (verify and receive share it).
    assert crypto.derive_keys.cache_info().misses == 1


def test_a_wrong_passphrase_on_a_changed_cost_is_told_as_a_wrong_passphrase(
    pair: tuple[Laptop, Laptop],
) -> None:
    """Both the passphrase and the parameters are wrong: nothing can tell more than that the
    passphrase does not open it."""
    sender, receiver = pair
    path = edited(sender.sent[0], _kdf(n=2**14))
    error = _refused(receiver, path, passphrase="another team's passphrase")
    assert code_of(error) == "package.wrong_passphrase"


def test_another_changed_field_is_reported_as_altered(pair: tuple[Laptop, Laptop]) -> None:
    sender, receiver = pair

    def more_rows(manifest: dict[str, Any]) -> None:
        counts = manifest["package"]["counts"]
        counts[next(iter(counts))] += 1

    error = _refused(receiver, edited(sender.sent[0], more_rows))
    assert code_of(error) == "package.altered"


def test_packages_with_the_cheapest_accepted_cost_still_open(
    pair: tuple[Laptop, Laptop],
) -> None:
    """Packages written with other accepted parameters (the tests' cheapest) stay readable."""
    sender, receiver = pair
    path = sender.folder / "cheap.fieldsync"
    sync.export_package(sender.db, path, full=True, kdf=FAST_KDF)
    assert json.loads(zipfile.ZipFile(path).read("manifest.json"))["package"]["kdf"]["n"] == 2**10
    assert verify(path, PASSPHRASE).contents.rows > 0
    assert len(receiver.receive(path).packages) == 1
