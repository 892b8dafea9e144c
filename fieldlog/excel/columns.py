"""Column headings of every FieldLog workbook (SPEC §4), shared by the writers and the readers.

A workbook FieldLog exported imports back with no mapping: the readers know these headings.
"""

from __future__ import annotations

#: 走访明细 (weekly return and `export visits`).
VISIT_COLUMNS: tuple[str, ...] = (
    "序号",
    "日期",
    "走访对象",
    "对象类型",
    "统一社会信用代码",
    "所属产业链",
    "走访方式",
    "走访人员",
    "工作组",
    "联系人及职务",
    "洽谈内容",
    "意向程度",
    "下次跟进日期",
)

#: 项目台账 (weekly return and `export ledger`).
LEDGER_COLUMNS: tuple[str, ...] = (
    "序号",
    "项目名称",
    "投资方",
    "统一社会信用代码",
    "产业链",
    "链环节",
    "建强补延",
    "项目阶段",
    "计划总投资（万元）",
    "合同投资额（万元）",
    "签约形式",
    "签约日期",
    "落地区县",
    "本周到位资金（万元）",
    "累计到位资金（万元）",
    "首谈人",
    "工作组",
    "进展情况",
    "存在问题",
    "下一步计划",
    "下次跟进日期",
)

#: 到位资金 (weekly return).
TRANCHE_COLUMNS: tuple[str, ...] = (
    "序号",
    "日期",
    "项目名称",
    "投资方",
    "金额（万元）",
    "资金来源",
    "凭证",
)

#: 目标企业库 (`export orgs`): one row per organization; its first contact in 联系人/职务/联系电话,
#: any others as "姓名（职务）电话" joined by "；" in 其他联系人.
ORG_COLUMNS: tuple[str, ...] = (
    "序号",
    "名称",
    "类型",
    "统一社会信用代码",
    "所属产业链",
    "链环节",
    "所在地区",
    "地址",
    "标签",
    "目标企业",
    "单位电话",
    "联系人",
    "职务",
    "联系电话",
    "其他联系人",
    "备注",
)
