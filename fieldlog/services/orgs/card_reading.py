"""Reading a business card (名片): the proposed contact and the known organization it names.

Nothing is stored: the proposal goes to a person who corrects and saves it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldlog.domain.card_fields import CardFields, CardLine, read_fields
from fieldlog.domain.company_names import core, look_alike, similarity, trade_name
from fieldlog.domain.credit_code import is_valid_credit_code
from fieldlog.store.database import Database
from fieldlog.store.models import Organization
from fieldlog.store.repositories.org_rows import org_named, org_with_code
from fieldlog.store.repositories.org_search import search

#: How many organizations whose name contains the trade name are weighed as look-alikes.
_CANDIDATES = 50
_CODE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}")


@dataclass(frozen=True)
class KnownOrganization:
    """The known organization a card names: by its credit code, its name, or a look-alike."""

    id: uuid.UUID
    name: str
    credit_code: str | None
    matched_by: str  # "credit_code", "name" or "look_alike"

    def as_dict(self) -> dict[str, str | None]:
        return {
            "id": str(self.id),
            "name": self.name,
            "credit_code": self.credit_code,
            "matched_by": self.matched_by,
        }


@dataclass(frozen=True)
class CardProposal:
    """What a card says, and the known organization its company is (None: not known);
    `credit_code` is the valid credit code printed on the card, "" when it shows none."""

    fields: CardFields
    organization: KnownOrganization | None
    credit_code: str = ""


def read_card(db: Database, photo: Path) -> CardProposal:
    """Read the card photo at `photo` with the OCR engine and propose a contact; store nothing."""
    from fieldlog.services.orgs.card_ocr import recognise

    return propose(db, recognise(photo))


def propose(db: Database, lines: Sequence[str | CardLine]) -> CardProposal:
    """The proposal for a card's recognised lines (what `read_card` does after the engine)."""
    fields = read_fields(lines)
    texts = [line.text if isinstance(line, CardLine) else line for line in lines]
    codes = _codes(texts)
    known = find_organization(db, fields.company, texts)
    return CardProposal(fields, known, codes[0] if codes else "")


def find_organization(
    db: Database, company: str, texts: Sequence[str] = ()
) -> KnownOrganization | None:
    """The known organization with a credit code printed on the card, else the one with the
    company's name, else the most similar look-alike of it (company_names.look_alike)."""
    with db.read() as session:
        for code in _codes(texts):
            if (org := org_with_code(session, code)) is not None:
                return _known(org, "credit_code")
        if not company:
            return None
        if (org := org_named(session, company)) is not None:
            return _known(org, "name")
        fragment = trade_name(core(company)) or core(company)
        if not fragment:
            return None
        alike = [
            org
            for org in search(session, fragment, limit=_CANDIDATES)
            if look_alike(org.name, company)
        ]
        if not alike:
            return None
        return _known(max(alike, key=lambda org: similarity(org.name, company)), "look_alike")


def _codes(texts: Sequence[str]) -> list[str]:
    joined = [text.upper().replace(" ", "") for text in texts]
    return [code for text in joined for code in _CODE.findall(text) if is_valid_credit_code(code)]


def _known(org: Organization, how: str) -> KnownOrganization:
    return KnownOrganization(org.id, org.name, org.credit_code, how)
