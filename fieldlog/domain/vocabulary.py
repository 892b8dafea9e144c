"""Fixed vocabularies: organization kinds, intent, chain roles, member roles (SPEC §2, §3.6)."""

from __future__ import annotations

import enum
from typing import TypeVar


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


_NAMES = {
    "OrgKind": "organization kind",
    "Intent": "intent",
    "ChainRole": "chain role",
    "MemberRole": "member role",
}

E = TypeVar("E", bound=enum.StrEnum)


def parse_choice(kind: type[E], value: str) -> E:
    """A vocabulary value from its code or Chinese label; ValueError naming the choices."""
    text = value.strip()
    for item in kind:
        if text in (item.value, LABELS_ZH[item]):
            return item
    choices = ", ".join(f"{i.value} ({LABELS_ZH[i]})" for i in kind)
    what = _NAMES.get(kind.__name__, kind.__name__)
    raise ValueError(f"unknown {what} {value!r}; use one of {choices}")
