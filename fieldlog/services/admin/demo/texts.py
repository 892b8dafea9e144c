"""Phrases of the demo dispatch: its projects, stage notes and the notes written after visits."""

from __future__ import annotations

import random

from fieldlog.services.admin.demo.names import lines

#: The 22 projects signed during the dispatch, one a line: chain | project | chain role |
#: contract 万元 | sign form | landing county | stage now | funds-in-place tranches 万元.
SIGNED = """
家具灯饰|LED智能照明灯具生产基地|strengthen|50000|正式合同|碧江区|started|6000 3000
新型功能材料|锰酸锂正极材料|build|42000|框架协议|大龙经济开发区|signed|8000
物流|黔东智慧物流园|build|30000|正式合同|碧江区|registered|2500 1500
大数据电子信息|数据中心及呼叫中心|extend|25000|框架协议|碧江区|signed|
智能终端|智能终端整机组装|strengthen|20000|正式合同|铜仁高新区|started|3000 2000
健康医药|中药饮片及大健康产品加工|fill|18000|正式合同|石阡县|registered|3300
新型建材|装配式建筑构件生产|build|15000|正式合同|思南县|started|1500 1090
生态特色食品|抹茶深加工及茶饮品|extend|12000|正式合同|江口县|producing|1500 1000
电镀|表面处理集中加工生产线|fill|10000|框架协议|万山区|signed|900
石材|人造岩板加工|strengthen|10000|正式合同|石阡县|registered|1000
装备制造|汽车零部件精密加工|fill|8000|正式合同|铜仁高新区|producing|1200 800
纺织服装|服装加工生产线|extend|8000|正式合同|松桃苗族自治县|producing|1000 600
智能终端|蓝牙耳机及智能穿戴|strengthen|6000|正式合同|万山区|started|800 700
家具灯饰|全屋定制家居生产|fill|5000|意向协议|玉屏侗族自治县|signed|
物流|冷链物流仓储中心|fill|5000|框架协议|德江县|signed|300
生态特色食品|特色农产品冷链配送|extend|5000|意向协议|沿河土家族自治县|signed|
大数据电子信息|电子元件生产线|strengthen|4000|正式合同|碧江区|registered|500
健康医药|医用防护用品生产|fill|3500|正式合同|印江土家族苗族自治县|registered|600
新型功能材料|废旧锂电池回收利用|extend|3000|框架协议|大龙经济开发区|signed|300
纺织服装|鞋帽箱包加工|fill|3000|意向协议|印江土家族苗族自治县|signed|
装备制造|智能装备运维服务中心|extend|6400|意向协议|德江县|signed|
电镀|电镀废水治理|fill|2500|正式合同|万山区|registered|800
"""

#: What leads that are not (yet) signed are about, by chain.
LEAD_PROJECTS = {
    "家具灯饰": ("户外照明灯具生产", "办公家具生产基地"),
    "物流": ("区域分拨中心", "城市配送网络"),
    "电镀": ("五金电镀生产线", "电镀化学品生产"),
    "智能终端": ("手机配件生产", "显示模组生产线"),
    "石材": ("石材加工园", "石材工程与贸易中心"),
    "新型功能材料": ("电解锰深加工", "新能源电池组装"),
    "大数据电子信息": ("软件外包服务中心", "智慧城市运营中心"),
    "生态特色食品": ("特色食品加工", "饮用水灌装"),
    "健康医药": ("医疗器械生产", "康养服务中心"),
    "新型建材": ("新型墙材生产", "预拌砂浆生产线"),
    "装备制造": ("机械设备制造", "零部件加工中心"),
    "纺织服装": ("服装面料生产", "服装电商直播基地"),
}

#: How a visit's note begins, by visit kind; {who} is the contact with title.
OPENINGS = {
    "上门走访": ("上门拜访{who}。", "上门走访，{who}接待。", "登门与{who}座谈。"),
    "来访接待": ("{who}一行到工作队驻地来访。", "在驻地接待{who}。"),
    "电话联系": ("电话联系{who}。", "电话回访{who}。"),
    "视频会议": ("与{who}视频连线。", "与{who}开视频会议。"),
    "座谈会": ("与{who}等座谈交流。", "参加座谈会，与{who}交流。"),
    "展会活动": ("在展会活动中结识{who}。", "参加推介活动，与{who}交流。"),
}
#: What was talked about, by kind of organization (and "follow_up", "project" for enterprises).
TOPICS = {
    "enterprise": lines("""
了解企业生产经营、订单和产能布局情况
介绍铜仁{chain}产业基础和{county}园区配套条件
推介铜仁区位交通、电价和用工成本优势
企业反映深圳厂房租金和用工成本上涨，考虑将部分产能向内地转移
重点介绍我市{chain}产业招商政策和标准厂房情况
就企业在{link}环节的布局需求进行交流
企业受疫情影响一季度订单下滑，目前已基本复工复产
企业计划新建生产基地，正在比较湖南、江西等地条件
"""),
    "follow_up": lines("""
进一步了解企业投资需求和时间安排
介绍近期铜仁复工复产和项目落地情况
对接厂房面积、租金和装修要求
沟通赴铜仁考察的行程安排
补充提供园区用地、用电和物流价格资料
"""),
    "project": lines("""
就{project}的选址、投资规模和扶持政策进行洽谈
商谈{project}合作协议的主要条款
沟通{project}落地{county}的厂房和用工需求
"""),
    "association": lines("""
介绍铜仁营商环境和招商政策，请对方帮助推介会员企业
了解会员企业构成和近期投资动向
商议联合举办铜仁（深圳）产业招商推介座谈会
对方同意在会员群转发我市招商信息和政策
对接在深企业家回乡投资意向
"""),
    "park": lines("""
学习园区运营管理和产业招商经验
交流飞地园区合作模式
了解园区企业外溢和产能转移需求
"""),
    "government": lines("""
汇报工作队驻点招商情况，争取产业转移企业信息支持
了解深圳产业转移政策和企业外迁动向
对接东西部协作产业合作项目
"""),
    "intermediary": lines("""
交流以商招商、委托招商合作方式
请其协助对接{chain}产业链企业资源
了解项目落地融资和咨询服务
"""),
}
#: How a note ends, by intent: for enterprises, and for every other kind of organization.
CLOSINGS = {
    ("enterprise", "strong"): (
        "企业对到铜仁投资兴趣较大，同意近期安排高管赴{county}实地考察。",
        "企业表示有明确投资意向，请我方提供用地和厂房方案。",
        "双方初步商定合作思路，约定尽快再次对接。",
    ),
    ("enterprise", "medium"): (
        "企业表示将结合自身发展规划研究，保持沟通。",
        "企业对铜仁有一定兴趣，待疫情缓解后再作考虑。",
        "已发送招商推介材料，企业将内部评估。",
    ),
    ("enterprise", "weak"): (
        "企业暂无外迁计划，留存联系方式，持续跟踪。",
        "企业近期以稳定生产为主，投资意向不明确。",
    ),
    ("enterprise", "none"): (
        "企业暂无对外投资计划。",
        "企业主营业务与我市产业关联度不高，暂不跟进。",
    ),
    ("other", "strong"): ("对方同意牵头组织企业赴铜仁考察。", "双方约定建立常态化联络机制。"),
    ("other", "medium"): ("对方将梳理有意向的企业名单后反馈。", "约定下次活动时再作对接。"),
    ("other", "weak"): ("保持日常联系。",),
    ("other", "none"): ("暂无具体合作事项。",),
}

#: Progress | problems | next step of a project, by its stage now.
PROJECT_TEXT = {
    stage: tuple(rest)
    for stage, *rest in (
        line.split("|")
        for line in lines("""
lead|已建立联系，企业有投资意向，正在了解需求。|企业决策周期较长。|近期安排上门拜访，推介{county}园区。
negotiating|双方就投资规模、选址进行洽谈。|企业对用地价格和物流成本有顾虑。|组织企业赴铜仁实地考察。
inspected|企业已赴{county}实地考察，对园区配套较满意。|厂房交付时间待确定。|拟定合作协议文本，争取尽快签约。
signed|已签订{form}。|注册落地手续尚未启动。|协助企业办理工商注册。
registered|已在{county}完成工商注册。|厂房装修进度偏慢。|推进厂房交付和设备进场。
started|项目已开工，设备进场安装。|水电配套尚在协调。|协调水电配套，争取早日投产。
producing|项目已投产，首批产品下线。||跟踪企业生产经营，协助招工。
paused|受疫情影响，企业暂缓投资计划。|企业资金压力较大。|保持联系，待企业恢复投资计划后跟进。
dropped|企业已选择在其他地区落地，项目终止。|我方在用地价格上缺乏竞争力。|
""")
    )
}
STAGE_NOTES = {
    "lead": "走访中获取线索",
    "negotiating": "进入实质性洽谈",
    "inspected": "企业赴{county}实地考察",
    "signed": "签订{form}",
    "registered": "完成工商注册",
    "started": "项目开工",
    "producing": "项目投产",
    "paused": "企业暂缓投资",
    "dropped": "企业选择他处落地，项目终止",
}
EVIDENCE = ("银行进账单", "银行回单", "验资报告", "企业银行流水", "设备购置发票及付款凭证")


def visit_note(
    rng: random.Random, org_kind: str, visit_kind: str, who: str, intent: str, **places: str
) -> str:
    """A visit's note in natural Chinese: opening, one or two topics, a closing by intent.

    `places` fills the placeholders: chain, link, county, and project for a project's visits;
    `first` ("1" or "") says whether it is the first visit to the organization.
    """
    opening = rng.choice(OPENINGS[visit_kind]).format(who=who)
    if org_kind != "enterprise":
        topics = rng.sample(TOPICS[org_kind], rng.choice((1, 2)))
    elif places.get("project"):
        topics = [rng.choice(TOPICS["project"])]
        topics += rng.sample(TOPICS["follow_up"], rng.choice((0, 1)))
    else:
        topics = rng.sample(TOPICS["enterprise" if places["first"] else "follow_up"], 2)
    side = "enterprise" if org_kind == "enterprise" else "other"
    closing = rng.choice(CLOSINGS[(side, intent)])
    body = "；".join(topics) + "。"
    return (opening + body + closing).format(**places)
