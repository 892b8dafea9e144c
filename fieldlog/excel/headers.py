"""Finding the header row of a messy sheet and mapping its columns to fields by synonyms.

Real lists put a title above the header and write headings with spaces, full-width brackets,
asterisks and colons; `normalize_heading` folds all that away before the synonym tables are
consulted. The headings of FieldLog's own exports (`columns.py`) are among the synonyms, so an
exported workbook imports back with no mapping.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from fieldlog.domain.messages import Message, msg
from fieldlog.excel.reader import ExcelFileError
from fieldlog.excel.values import cell_text

__all__ = [
    "HEADER_SEARCH_ROWS",
    "ORG_FIELDS",
    "VISIT_FIELDS",
    "ColumnMapping",
    "FieldSpec",
    "ImportKind",
    "MappingOverride",
    "detect_mapping",
    "fields_of",
    "normalize_heading",
]

ImportKind = Literal["orgs", "visits"]
#: A caller's correction of the detected mapping: field → heading text, 0-based column index,
#: or None to leave the field out.
MappingOverride = Mapping[str, "str | int | None"]

HEADER_SEARCH_ROWS = 20
_DROPPED = str.maketrans(dict.fromkeys("*★☆※", None))
_TRAILING_NOTE = re.compile(r"\([^()]*\)$")


@dataclass(frozen=True)
class FieldSpec:
    """A field an import can fill: its name in code, its label, and the headings that mean it."""

    name: str
    label: str
    synonyms: tuple[str, ...]
    required: bool = False


def _spec(name: str, *synonyms: str, required: bool = False) -> FieldSpec:
    return FieldSpec(name, synonyms[0], synonyms, required)


_CODE = ("统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "税号", "纳税人识别号")
_CHAIN = ("所属产业链", "产业链", "行业", "所属行业")

ORG_FIELDS: tuple[FieldSpec, ...] = (
    _spec(
        "name",
        *("名称", "企业名称", "单位名称", "企业", "机构名称", "商协会名称", "对象名称"),
        *("公司名称", "企业全称", "单位"),
        required=True,
    ),
    _spec("credit_code", *_CODE),
    _spec("kind", "类型", "对象类型", "单位类型", "机构类型"),
    _spec("chain", *_CHAIN),
    _spec("link", "链环节", "产业链环节", "环节"),
    _spec("region", "所在地区", "地区", "所在区域", "区域", "所在地"),
    _spec("address", "地址", "注册地址", "办公地址", "详细地址", "企业地址", "通讯地址"),
    _spec("tags", "标签", "企业标签"),
    _spec("is_target", "目标企业", "是否目标企业", "是否目标", "目标"),
    _spec("phone", "单位电话", "电话", "办公电话", "座机", "固定电话", "企业电话"),
    _spec("contact", "联系人", "联系人姓名"),
    _spec("contact_title", "职务", "联系人职务", "职位"),
    _spec(
        "contact_phone",
        *("联系电话", "手机", "联系人电话", "手机号", "手机号码", "联系方式", "联系人手机"),
    ),
    _spec("other_contacts", "其他联系人"),
    _spec("notes", "备注", "说明", "备注说明"),
)

VISIT_FIELDS: tuple[FieldSpec, ...] = (
    _spec("date", "日期", "走访日期", "时间", "走访时间"),
    _spec(
        "org",
        *("走访对象", "企业名称", "单位名称", "对象名称", "名称", "企业", "走访企业"),
        "走访单位",
        required=True,
    ),
    _spec("org_kind", "对象类型", "类型", "单位类型"),
    _spec("credit_code", *_CODE),
    _spec("chain", *_CHAIN),
    _spec("visit_kind", "走访方式", "方式"),
    _spec("visitors", "走访人员", "走访人", "参与人员", "走访干部"),
    _spec("contacts", "联系人及职务", "接待人", "联系人", "对接人", "接待人员"),
    _spec("summary", "洽谈内容", "走访内容", "内容", "情况", "走访情况", "洽谈情况"),
    _spec("intent", "意向程度", "意向", "投资意向"),
    _spec("next_follow_up", "下次跟进日期", "跟进日期", "下次跟进时间", "跟进时间"),
)


def fields_of(kind: ImportKind) -> tuple[FieldSpec, ...]:
    """The fields an import of `kind` ("orgs" or "visits") fills."""
    if kind == "orgs":
        return ORG_FIELDS
    if kind == "visits":
        return VISIT_FIELDS
    raise ValueError(
        msg(
            "excel.unknown_kind",
            "unknown import kind {kind}; use 'orgs' or 'visits'",
            kind=repr(kind),
        )
    )


def normalize_heading(value: Any) -> str:
    """A heading without spaces, asterisks, stars or a trailing colon; full-width folded."""
    text = unicodedata.normalize("NFKC", cell_text(value)).translate(_DROPPED)
    text = "".join(text.split()).rstrip(":")
    return text.casefold()


def _synonym_table(specs: Sequence[FieldSpec]) -> dict[str, str]:
    table: dict[str, str] = {}
    for spec in specs:
        for synonym in spec.synonyms:
            key = normalize_heading(synonym)
            assert table.setdefault(key, spec.name) == spec.name, f"{synonym} is ambiguous"
    return table


_TABLES: dict[str, dict[str, str]] = {
    "orgs": _synonym_table(ORG_FIELDS),
    "visits": _synonym_table(VISIT_FIELDS),
}


def _field_for(heading: str, table: Mapping[str, str]) -> str | None:
    """The field a normalized heading means, trying again without a trailing "(…)" note."""
    if heading in table:
        return table[heading]
    bare = _TRAILING_NOTE.sub("", heading)
    return table.get(bare) if bare and bare != heading else None


@dataclass(frozen=True)
class ColumnMapping:
    """Which column (0-based) of the sheet holds each field, and where the header row is."""

    header_row: int
    headings: tuple[str, ...]
    columns: dict[str, int] = field(default_factory=dict)

    def __contains__(self, name: object) -> bool:
        return name in self.columns

    def heading_of(self, name: str) -> str:
        """The heading written in the sheet above the field's column ("" when not mapped)."""
        index = self.columns.get(name)
        return self.headings[index] if index is not None and index < len(self.headings) else ""


def _map_row(
    row: Sequence[Any], table: Mapping[str, str], by_heading: Mapping[str, str]
) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, value in enumerate(row):
        heading = normalize_heading(value)
        if not heading:
            continue
        name = by_heading.get(heading) or _field_for(heading, table)
        if name is not None and name not in columns:
            columns[name] = index
    return columns


def _split_override(
    override: MappingOverride, specs: Sequence[FieldSpec]
) -> tuple[dict[str, str], dict[str, int | None]]:
    """Heading overrides (normalized heading → field) and index overrides (field → column)."""
    known = {spec.name for spec in specs}
    by_heading: dict[str, str] = {}
    by_index: dict[str, int | None] = {}
    for name, target in override.items():
        if name not in known:
            raise ValueError(
                msg(
                    "excel.unknown_field",
                    "unknown field {name}; use one of {choices}",
                    name=repr(name),
                    choices=", ".join(sorted(known)),
                )
            )
        if isinstance(target, str) and normalize_heading(target):
            by_heading[normalize_heading(target)] = name
        elif target is None or isinstance(target, str):
            by_index[name] = None
        elif isinstance(target, int) and not isinstance(target, bool) and target >= 0:
            by_index[name] = target
        else:
            raise ValueError(
                msg(
                    "excel.bad_override",
                    "column for {name} must be a heading or a column index",
                    name=repr(name),
                )
            )
    return by_heading, by_index


def _apply_index(
    columns: dict[str, int], by_index: Mapping[str, int | None], width: int, where: Message
) -> None:
    for name, index in by_index.items():
        columns.pop(name, None)
        if index is None:
            continue
        if index >= width:
            raise ExcelFileError(
                msg(
                    "excel.no_such_column",
                    "{where} has no column {column} to read {name} from",
                    where=where,
                    column=index + 1,
                    name=repr(name),
                )
            )
        for other in [n for n, i in columns.items() if i == index]:
            del columns[other]
        columns[name] = index


def _phone_without_contact(columns: dict[str, int]) -> None:
    """A 联系电话 column in a list with neither 联系人 nor 单位电话 is the organization's phone."""
    if "contact_phone" in columns and "contact" not in columns and "phone" not in columns:
        columns["phone"] = columns.pop("contact_phone")


def detect_mapping(
    rows: Sequence[Sequence[Any]],
    row_numbers: Sequence[int],
    kind: ImportKind,
    *,
    sheet: str,
    override: MappingOverride | None = None,
    full_width: Callable[[], int] | None = None,
) -> tuple[int, ColumnMapping]:
    """Find the header row among the first rows and map its columns.

    The header is the first of the first HEADER_SEARCH_ROWS rows whose headings name the
    required field (the organization's name) and at least one other field. Returns the position
    of the header in `rows` and the mapping; ExcelFileError when there is none. When `rows` are
    only the sheet's first rows, `full_width` gives the width of the whole sheet, asked only
    when a column chosen by number lies beyond them.
    """
    specs = fields_of(kind)
    by_heading, by_index = _split_override(override or {}, specs)
    required = next(spec for spec in specs if spec.required)
    table = _TABLES[kind]
    where = msg("excel.sheet", "sheet {sheet}", sheet=repr(sheet))
    for position, row in enumerate(rows):
        if row_numbers[position] > HEADER_SEARCH_ROWS:
            break
        columns = _map_row(row, table, by_heading)
        if required.name not in columns or len(columns) < 2:
            continue
        if kind == "orgs" and "contact_phone" not in by_heading.values():
            _phone_without_contact(columns)
        width = max(len(r) for r in rows)
        beyond = any(index is not None and index >= width for index in by_index.values())
        if beyond and full_width is not None:
            width = max(width, full_width())
        _apply_index(columns, by_index, width, where)
        if required.name not in columns:
            raise ExcelFileError(
                msg(
                    "excel.required_unmapped",
                    "{where} has no column for {field} after the mapping",
                    where=where,
                    field=required.label,
                )
            )
        headings = tuple(cell_text(value).strip() for value in row)
        return position, ColumnMapping(row_numbers[position], headings, columns)
    raise ExcelFileError(
        msg(
            "excel.no_header",
            "found no header row with a name column in the first {rows} rows of {where}",
            rows=HEADER_SEARCH_ROWS,
            where=where,
        )
    )
