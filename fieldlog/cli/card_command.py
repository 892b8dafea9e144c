"""`fieldlog card read IMAGE [--json]`: the contact a business card proposes; stores nothing."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fieldlog.cli.wording import command
from fieldlog.domain.card_fields import FIELDS
from fieldlog.domain.messages import Message, msg
from fieldlog.store.database import Database

#: The key beside the six fields under which `--json` names the known organization, if any.
ORGANIZATION_KEY = "organization"


def add_card_command(commands: argparse._SubParsersAction, late: argparse.ArgumentParser) -> None:
    group = command(commands, "card", late, msg("cli.help.card", "business cards (名片)"))
    actions = group.add_subparsers(
        dest="card_action",
        metavar="read",
        required=True,
        help=str(msg("cli.help.card_action", "what to do with a card")),
    )
    read = command(
        actions,
        "read",
        late,
        msg("cli.help.card_read", "propose the contact a card photo shows; stores nothing"),
    )
    read.add_argument(
        "image",
        type=Path,
        metavar="IMAGE",
        help=str(msg("cli.help.card_image", "the card photo (JPEG, PNG, BMP or WebP)")),
    )
    read.add_argument(
        "--json",
        action="store_true",
        help=str(msg("cli.help.json_object", "print one JSON object")),
    )
    read.set_defaults(handler="card_read")


def _labels() -> dict[str, Message]:
    return {
        "name": msg("cli.card.name", "Name"),
        "title": msg("cli.card.title", "Title"),
        "mobile": msg("cli.card.mobile", "Mobile"),
        "phone": msg("cli.card.phone", "Phone"),
        "email": msg("cli.card.email", "Email"),
        "company": msg("cli.card.company", "Company"),
    }


def _card_read(db: Database, args: argparse.Namespace) -> int:
    from fieldlog.services.orgs.card_reading import read_card

    proposal = read_card(db, args.image)
    fields = proposal.fields.as_dict()
    known = proposal.organization
    if args.json:
        shown: dict[str, object] = {key: fields[key] for key in FIELDS}
        if known is not None:
            shown[ORGANIZATION_KEY] = known.as_dict()
        print(json.dumps(shown, ensure_ascii=False))
        return 0
    for key, label in _labels().items():
        print(f"{label}: {fields[key]}")
    if known is not None:
        print(
            msg(
                "cli.card.known",
                "Known organization: {name} ({code})",
                name=known.name,
                code=known.credit_code or msg("cli.card.no_code", "no credit code"),
            )
        )
    print(msg("cli.card.nothing_saved", "Nothing was saved."))
    return 0


CARD_HANDLERS = {"card_read": _card_read}
