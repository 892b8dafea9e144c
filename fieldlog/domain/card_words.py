"""The words a business card's lines are recognised by (card_fields): surnames, titles, the
endings of organization names, address hints."""

from __future__ import annotations

import re

# The common single-character surnames (the first ~200 of today's frequency lists cover well
# over 95 % of people); a rarer surname is simply not proposed and the person types it.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
    "司徒", "夏侯", "轩辕", "令狐", "端木", "南宫", "独孤", "西门", "呼延", "钟离", "澹台",
    "公冶", "太史", "申屠", "濮阳", "闻人", "万俟", "赫连", "司空", "百里", "东郭",
)  # fmt: skip
# A title ends in one of these (招商总监, 市场部经理, 董事长兼总经理, 常务副会长).
TITLE_ENDINGS = (
    "董事长", "总经理", "经理", "总监", "总裁", "主任", "主管", "部长", "会长", "秘书长",
    "局长", "处长", "科长", "行长", "院长", "所长", "厂长", "书记", "工程师", "专员", "顾问",
    "助理", "代表", "合伙人", "创始人", "董事", "监事", "主席", "秘书", "总工", "科员",
    "经办", "负责人", "店长", "组长", "队长", "校长", "教授", "律师", "会计师", "设计师",
)  # fmt: skip
# What stands before a title on a card (招商总监, 销售经理, 副总经理): how a name run together with
# its title is told apart (郑云招商总监 is 郑云 + 招商总监, not 郑云招 + 商总监).
TITLE_PREFIXES = (
    "招商", "销售", "市场", "技术", "行政", "财务", "人力", "项目", "运营", "业务", "客户",
    "产品", "研发", "采购", "品牌", "商务", "投资", "区域", "大区", "高级", "资深", "首席",
    "执行", "常务", "副", "总", "董事", "办公室", "综合", "工程", "生产", "质量", "外联",
)  # fmt: skip
ENGLISH_TITLES = re.compile(
    r"\b(?:CEO|CTO|CFO|COO|VP|Manager|Director|President|Chairman|Engineer|Officer|"
    r"Representative|Partner|Founder|Consultant|Secretary|Head of)\b"
)
# An organization's name ends in one of these (…有限公司, …集团, …商会).
COMPANY_ENDINGS = (
    "公司", "集团", "商会", "协会", "促进会", "联合会", "研究院", "研究所", "研究中心",
    "事务所", "银行", "分行", "支行", "厂", "委员会", "管委会", "办公室", "办事处",
    "局", "中心", "学院", "大学", "医院", "基金会", "合作社", "(有限合伙)", "有限合伙",
    "产业园", "科技园",
)  # fmt: skip
ENGLISH_COMPANY = re.compile(
    r"\b(?:Co\.?,?\s*Ltd\.?|Ltd\.?|Limited|Inc\.?|Corp\.?|Corporation|Group|LLC|GmbH|"
    r"Company|Association|Chamber)\b",
    re.IGNORECASE,
)
# A line with one of these is an address (地址: 深圳市南山区深南大道).
ADDRESS_HINTS = ("地址", "Add:", "Address", "邮编", "ADD:", "Room ", "Road", "Street")
