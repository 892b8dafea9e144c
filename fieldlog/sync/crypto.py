"""Keys from the team passphrase (scrypt) and authenticated encryption (AES-256-GCM).

The passphrase and a random salt per package give 64 bytes: the first 32 are the AES key, the
other 32 make a short key check written in the manifest. The check tells a wrong passphrase
apart from an altered package; it gives an attacker nothing the ciphertext does not (both can
only be tested by running scrypt on a guess).

The scrypt parameters travel in the clear manifest. They are authenticated (the manifest is the
payload's associated data), but the key check is tested first and depends on them, so a changed
parameter would look like a wrong passphrase. Hence: parameters FieldLog never writes (r other
than 8, p other than 1, n not a power of two from 2^10 to 2^18) are refused as an altered
package before any key is derived; and when the key check fails under parameters other than the
ones FieldLog writes (`WRITTEN`), it is tried once more under those: a match means the
passphrase is right and the parameters were changed. A changed salt or key check cannot be
told from a wrong passphrase (they are what the passphrase is tested against).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldlog.domain.messages import msg
from fieldlog.sync.errors import PackageError

SALT_BYTES = 16
NONCE_BYTES = 12
#: Memory scrypt may use; 128 * r * n bytes for the parameters allowed below.
MAX_KDF_MEMORY = 256 * 1024 * 1024


@dataclass(frozen=True)
class KdfParams:
    """scrypt cost parameters; the defaults take about 0.1 s and 32 MiB on a laptop."""

    n: int = 2**15
    r: int = 8
    p: int = 1

    def accepted(self) -> bool:
        """Whether FieldLog writes (or may one day write) these: r=8, p=1 as every FieldLog has
        written, n a power of two from 2^10 (the cheapest, for tests) to 2^18 (256 MiB)."""
        n = self.n
        return 2**10 <= n <= 2**18 and n & (n - 1) == 0 and self.r == 8 and self.p == 1

    def check(self) -> None:
        """Refuse parameters FieldLog does not accept (see `accepted`) before any work."""
        if not self.accepted() or 128 * self.r * self.n > MAX_KDF_MEMORY:
            raise PackageError(
                msg(
                    "package.kdf_unsupported",
                    "the package asks for unsupported key parameters (n={n}, r={r})",
                    n=self.n,
                    r=self.r,
                )
            )


#: The parameters FieldLog writes (every version so far).
WRITTEN = KdfParams()


@dataclass(frozen=True)
class Keys:
    """The AES-GCM key and the key check of one passphrase and salt."""

    cipher: bytes
    check: str


@functools.lru_cache(maxsize=64)
def derive_keys(passphrase: str, salt: bytes, params: KdfParams) -> Keys:
    """The keys of a package (cached: an import verifies and then reads the same package)."""
    params.check()
    material = hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        dklen=64,
        maxmem=MAX_KDF_MEMORY + 1024 * 1024,
    )
    check = hashlib.sha256(b"fieldlog key check\x00" + material[32:]).hexdigest()[:32]
    return Keys(cipher=material[:32], check=check)


def new_salt() -> bytes:
    """Random salt for a new package."""
    return os.urandom(SALT_BYTES)


def new_nonce() -> bytes:
    """Random nonce for a new package (each key is used once, so it never repeats)."""
    return os.urandom(NONCE_BYTES)


def seal(keys: Keys, nonce: bytes, plaintext: bytes, associated: bytes) -> bytes:
    """Encrypt and authenticate `plaintext`; `associated` (the manifest) is authenticated too."""
    return AESGCM(keys.cipher).encrypt(nonce, plaintext, associated)


def check_key(keys: Keys, expected: str) -> None:
    """Refuse a passphrase whose key check differs from the manifest's."""
    if not hmac.compare_digest(keys.check, expected):
        raise PackageError(
            msg(
                "package.wrong_passphrase",
                "wrong team passphrase: this package was made with a different passphrase",
            )
        )


def package_keys(passphrase: str, salt: bytes, params: KdfParams, expected: str) -> Keys:
    """The keys of a package whose manifest gives `params`, `salt` and the key check `expected`.

    A failed key check under parameters FieldLog does not write is tried under `WRITTEN`: if
    the passphrase passes there, the parameters were changed after the package was made
    (PackageError "altered"); otherwise the passphrase is wrong.
    """
    keys = derive_keys(passphrase, salt, params)
    try:
        check_key(keys, expected)
    except PackageError:
        if params != WRITTEN and hmac.compare_digest(
            derive_keys(passphrase, salt, WRITTEN).check, expected
        ):
            raise PackageError(
                msg(
                    "package.kdf_altered",
                    "the package has been altered: its key parameters were changed after it "
                    "was made (the passphrase is right)",
                )
            ) from None
        raise
    return keys


def unseal(keys: Keys, nonce: bytes, ciphertext: bytes, associated: bytes) -> bytes:
    """Decrypt and verify; an altered byte anywhere (payload or manifest) is refused."""
    try:
        return AESGCM(keys.cipher).decrypt(nonce, ciphertext, associated)
    except InvalidTag:
        raise PackageError(
            msg(
                "package.altered",
                "the package has been altered or damaged: its contents fail the authenticity check",
            )
        ) from None
