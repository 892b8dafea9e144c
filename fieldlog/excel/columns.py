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

#: 项目台账 (weekly return and `export ledger`): SPEC §4.1's 21 columns, which print on one A3
#: page wide, then the project's kind, fund origin, milestones and assessment verdict, which
#: print on a second page wide beside 序号 and 项目名称 (`LEDGER_FIRST_PAGE`). Long headings hold
#: line breaks between their words ("计划\n总投资\n（万元）"): a program left to wrap them breaks
#: anywhere, even inside "（万元）". Without the breaks they are SPEC §4.1's labels.
LEDGER_COLUMNS: tuple[str, ...] = (
    "序号",
    "项目名称",
    "投资方",
    "统一社会信用代码",
    "产业链",
    "链环节",
    "建强\n补延",
    "项目\n阶段",
    "计划\n总投资\n（万元）",
    "合同\n投资额\n（万元）",
    "签约\n形式",
    "签约日期",
    "落地\n区县",
    "本周\n到位资金\n（万元）",
    "累计\n到位资金\n（万元）",
    "首谈人",
    "工作组",
    "进展情况",
    "存在\n问题",
    "下一步\n计划",
    "下次跟进\n日期",
    "项目\n类型",
    "资金\n来源",
    "入库\n日期",
    "入规\n日期",
    "考核\n口径",
    "不计入\n原因",
)
#: How many of the ledger's columns are SPEC §4.1's (the first printed page wide).
LEDGER_FIRST_PAGE = 21

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

#: 预警项目 (weekly return): projects gone quiet (黄色预警, 红色预警, 建议退库), then leads
#: answered late (预警等级 迟复), judged on the week's Sunday.
WARNING_COLUMNS: tuple[str, ...] = (
    "序号",
    "预警等级",
    "项目名称",
    "投资方",
    "项目阶段",
    "工作组",
    "首谈人",
    "最近进展\n日期",
    "无进展\n天数",
)

#: 需协调解决事项 (weekly return): the open matters on the week's Sunday.
MATTER_COLUMNS: tuple[str, ...] = (
    "序号",
    "项目名称",
    "投资方",
    "工作组",
    "事项",
    "责任单位",
    "办结时限",
    "逾期\n天数",
    "状态",
)

#: 未完善线索 (weekly return): leads on the week's Sunday lacking some of 项目内容, 投资规模, an
#: investor contact and 投资方诉求.
INCOMPLETE_COLUMNS: tuple[str, ...] = (
    "序号",
    "项目名称",
    "投资方",
    "首谈人",
    "工作组",
    "创建日期",
    "缺少内容",
)
