"""Bring the core's message catalog up to date with the source, then compile it.

    python packaging/update_messages.py          # extract, update the .po, compile the .mo
    python packaging/update_messages.py --check  # exit 1 when the .po or .mo is not current

Every `msg("code", "English text", …)` in `fieldlog/` is extracted with Babel (the code is the
entry's context). Entries already translated keep their text; new ones are added untranslated and
listed; entries no longer in the source are dropped. The `.po` is written sorted by code without
source locations, so two changes to different messages never touch the same lines.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "fieldlog"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
KEYWORDS = {"msg": ((1, "c"), 2)}
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)


def extracted() -> dict[tuple[str, str], None]:
    """Every (code, English text) in the source, in a stable order."""
    found: dict[tuple[str, str], None] = {}
    for _file, _line, message, _comments, context in extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()
    ):
        if context and isinstance(message, str):
            found[(context, message)] = None
    return dict(sorted(found.items()))


def updated(language: str, entries: dict[tuple[str, str], None]) -> Catalog:
    """The catalog of `language` for `entries`, keeping the translations it already has."""
    old = _read(language)
    known = {(m.context, m.id): m.string for m in old if m.id} if old else {}
    # Fixed dates: the compiled file must depend on the messages only, or it is never current.
    catalog = Catalog(
        locale=language,
        project="FieldLog",
        fuzzy=False,
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
    )
    for code, text in entries:
        catalog.add(text, known.get((code, text), ""), context=code)
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, no_location=True, omit_header=True, sort_output=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _read(language: str) -> Catalog | None:
    path = FOLDER / f"messages_{language}.po"
    if not path.exists():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; write nothing")
    args = parser.parse_args(argv)
    entries = extracted()
    stale = False
    for language in LANGUAGES:
        catalog = updated(language, entries)
        missing = [m for m in catalog if m.id and not m.string]
        for message in missing:
            print(f"untranslated [{language}] {message.context}: {message.id}")
        targets = {
            FOLDER / f"messages_{language}.po": po_bytes(catalog),
            FOLDER / f"messages_{language}.mo": mo_bytes(catalog),
        }
        for path, data in targets.items():
            if path.exists() and path.read_bytes() == data:
                continue
            stale = True
            if not args.check:
                path.write_bytes(data)
                print(f"wrote {path.relative_to(ROOT)}")
        print(f"{language}: {len(entries)} messages, {len(missing)} untranslated")
        stale = stale or bool(missing)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
