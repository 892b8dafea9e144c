"""The phrases of the demo's lead details and coordination matters (fictional, in the register of
a team's project ledger)."""

from __future__ import annotations

#: 项目内容: what the project builds; {title}, {county} and {amount} (with its unit) filled in.
CONTENT = (
    "在{county}建设{title}，计划总投资约{amount}，新建标准化厂房及配套设施。",
    "拟在{county}投资{title}，计划总投资约{amount}，分两期建设，一期租用标准厂房。",
    "{title}项目计划总投资约{amount}，引进自动化生产线，达产后预计年产值翻番。",
    "在{county}布局{title}，计划总投资约{amount}，建设生产、研发及仓储一体化基地。",
)
#: 投资方诉求.
DEMANDS = (
    "希望协调工业用地约{acres}亩，并享受招商引资优惠政策。",
    "希望提供标准厂房并减免前三年租金。",
    "希望协助办理环评、能评等前期手续。",
    "希望帮助招聘熟练工人约{workers}人，并提供员工宿舍。",
    "希望在电价、物流运费方面给予支持。",
    "希望协调对接本地金融机构，解决部分项目融资。",
)
#: 需协调解决事项 and the body that owns it (责任单位); {county} filled in.
MATTERS = (
    ("项目用地指标尚未落实，需协调加快用地报批。", "{county}自然资源局"),
    ("厂房水电配套未到位，需协调供电、供水部门加快接入。", "{county}工业园区管委会"),
    ("环评批复进度较慢，需协调加快审批。", "铜仁市生态环境局"),
    ("企业管理人员子女入学需协调解决。", "{county}教育局"),
    ("项目融资需求较大，需协调金融机构对接。", "铜仁市地方金融监督管理局"),
    ("进场道路尚未硬化，需协调交通部门加快施工。", "{county}交通运输局"),
    ("用电增容申请需协调加快办理。", "铜仁供电局"),
    ("标准厂房租金减免政策需协调兑现。", "{county}投资促进局"),
    ("员工宿舍及人才公寓需协调解决。", "{county}住房和城乡建设局"),
)
#: What the team noted on a matter it resolved.
RESOLVED_NOTES = ("已协调办结，企业表示满意。", "经专题会议调度，问题已解决。", "已落实到位。")
