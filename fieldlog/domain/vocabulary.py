"""Fixed vocabularies: organization kinds, intent, chain roles, member roles (SPEC §2, §3.6).

A stored code this version does not know was written by a newer FieldLog (SPEC §3.4): it is
kept as it came, shown as 未知（code） (`unknown_label`, the Qt-free twin of the window's
`combo_values.unknown_text`), and counts as nothing (an unknown kind is neither an enterprise
nor an association).
"""

from __future__ import annotations

import enum
from typing import TypeVar

from fieldlog.domain.messages import Message, msg


class OrgKind(enum.StrEnum):
    """What kind of organization a record is."""

    ENTERPRISE = "enterprise"
    ASSOCIATION = "association"
    PARK = "park"
    INTERMEDIARY = "intermediary"
    GOVERNMENT = "government"


class Intent(enum.StrEnum):
    """意向程度 after a visit."""

    STRONG = "strong"
    MEDIUM = "medium"
    WEAK = "weak"
    NONE = "none"


class ChainRole(enum.StrEnum):
    """建链/强链/补链/延链: how a project relates to the local chain."""

    BUILD = "build"
    STRENGTHEN = "strengthen"
    FILL = "fill"
    EXTEND = "extend"


class MemberRole(enum.StrEnum):
    """A member's place in the team."""

    TEAM_LEADER = "team_leader"
    GROUP_LEADER = "group_leader"
    MEMBER = "member"


LABELS_ZH: dict[enum.StrEnum, str] = {
    OrgKind.ENTERPRISE: "企业",
    OrgKind.ASSOCIATION: "商协会",
    OrgKind.PARK: "园区",
    OrgKind.INTERMEDIARY: "中介机构",
    OrgKind.GOVERNMENT: "政府部门",
    Intent.STRONG: "强",
    Intent.MEDIUM: "中",
    Intent.WEAK: "弱",
    Intent.NONE: "无",
    ChainRole.BUILD: "建链",
    ChainRole.STRENGTHEN: "强链",
    ChainRole.FILL: "补链",
    ChainRole.EXTEND: "延链",
    MemberRole.TEAM_LEADER: "队长",
    MemberRole.GROUP_LEADER: "组长",
    MemberRole.MEMBER: "队员",
}

LABELS_EN: dict[enum.StrEnum, str] = {
    OrgKind.ENTERPRISE: "Enterprise",
    OrgKind.ASSOCIATION: "Association",
    OrgKind.PARK: "Industrial park",
    OrgKind.INTERMEDIARY: "Intermediary",
    OrgKind.GOVERNMENT: "Government body",
    Intent.STRONG: "Strong",
    Intent.MEDIUM: "Medium",
    Intent.WEAK: "Weak",
    Intent.NONE: "None",
    ChainRole.BUILD: "Build the chain",
    ChainRole.STRENGTHEN: "Strengthen the chain",
    ChainRole.FILL: "Fill a gap",
    ChainRole.EXTEND: "Extend the chain",
    MemberRole.TEAM_LEADER: "Team leader",
    MemberRole.GROUP_LEADER: "Group leader",
    MemberRole.MEMBER: "Member",
}


_NAMES: dict[str, Message] = {
    "OrgKind": msg("vocab.org_kind", "organization kind"),
    "Intent": msg("vocab.intent", "intent"),
    "ChainRole": msg("vocab.chain_role", "chain role"),
    "MemberRole": msg("vocab.member_role", "member role"),
}

E = TypeVar("E", bound=enum.StrEnum)


def unknown_label(code: object) -> str:
    """How a stored code this version cannot name is written in Chinese: 未知（code）."""
    return f"未知（{code}）"


def unknown_label_in(code: object, language: str) -> str:
    """未知（code） in Chinese, Unknown (code) in English."""
    return f"Unknown ({code})" if language == "en" else unknown_label(code)


def known_choice(kind: type[E], code: str | None) -> E | None:
    """The vocabulary value of a stored code; None for no code or one this version does not know."""
    if not code:
        return None
    try:
        return kind(code)
    except ValueError:
        return None


def label_zh(kind: type[enum.StrEnum], code: str | None) -> str:
    """The Chinese label of a stored code: 企业, 未知（cooperative）, or "" for none."""
    if not code:
        return ""
    item = known_choice(kind, code)
    return LABELS_ZH[item] if item is not None else unknown_label(code)


def label(kind: type[enum.StrEnum], code: str | None, language: str | None = None) -> str:
    """The label of a stored code in `language` (the current one when None): 企业 or Enterprise,
    未知（cooperative） or Unknown (cooperative), "" for none."""
    from fieldlog.domain.messages import current_language

    language = language or current_language()
    if language != "en":
        return label_zh(kind, code)
    if not code:
        return ""
    item = known_choice(kind, code)
    return LABELS_EN[item] if item is not None else unknown_label_in(code, language)


def code_or_kept(kind: type[E], value: str, kept: str | None) -> str:
    """The code to store for `value`: `kept` itself when the form wrote back the stored code
    (a newer FieldLog's code, shown as 未知（code）, survives an unchanged save), else the code
    `parse_choice` finds; ValueError naming the choices."""
    if kept and value == kept:
        return kept
    return parse_choice(kind, value).value


def parse_choice(kind: type[E], value: str) -> E:
    """A vocabulary value from its code or Chinese label; ValueError naming the choices."""
    text = value.strip()
    for item in kind:
        if text in (item.value, LABELS_ZH[item]):
            return item
    choices = ", ".join(f"{i.value} ({LABELS_ZH[i]})" for i in kind)
    what = _NAMES.get(kind.__name__, kind.__name__)
    raise ValueError(
        msg(
            "vocab.unknown",
            "unknown {what} {value}; use one of {choices}",
            what=what,
            value=repr(value),
            choices=choices,
        )
    )
