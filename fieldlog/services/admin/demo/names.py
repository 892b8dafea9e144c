"""Names and places of the demo dispatch: fictional people, organizations and addresses."""

from __future__ import annotations

import random

from fieldlog.domain.credit_code import ALPHABET, make_credit_code


def lines(text: str) -> tuple[str, ...]:
    """The non-empty lines of a block of text."""
    return tuple(line for line in text.strip().splitlines() if line)


def words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a block of text."""
    return tuple(text.split())


SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田肖潘袁蒋蔡余杜叶程魏"
    "苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚"
)
GIVEN = words("""
建华 晓燕 志强 丽娟 海峰 秀英 文静 建国 春梅 红梅 国平 俊杰 晓东 明辉 静怡 德明 永红 玉兰 小平
立新 卫东 海燕 雪梅 婷婷 浩然 宇航 思远 佳怡 欣然 家豪 志勇 晓梅 金凤 光明 正华 玉珍 桂英 红霞
丽华 伟 芳 敏 静 磊 军 洋 勇 艳 杰 涛 超 霞 平 刚 斌 辉 鹏 飞 波 峰 林 丹 萍 琳 晨 亮 毅 倩 颖
""")
MOBILE_PREFIXES: tuple[str, ...] = (
    *("138", "139", "135", "136", "137", "150", "151", "158", "159", "182", "183"),
    *("187", "188", "130", "131", "132", "155", "156", "185", "186", "133", "189"),
)

#: Home units of the five members who do not come from the investment-promotion system.
OTHER_UNITS = {
    "万山区": "万山区工业和信息化局",
    "石阡县": "石阡县发展和改革局",
    "思南县": "思南县农业农村局",
    "沿河土家族自治县": "沿河土家族自治县市场监督管理局",
    "松桃苗族自治县": "松桃苗族自治县自然资源局",
}

#: Words an enterprise of each chain carries in its name.
CHAIN_WORDS = {
    "家具灯饰": ("照明", "光电", "家居", "灯饰", "家具", "智能照明"),
    "物流": ("物流", "供应链", "国际货运代理", "速运", "冷链物流", "仓储服务"),
    "电镀": ("表面处理", "电镀", "金属表面技术", "环保科技", "精细化工"),
    "智能终端": ("通讯", "电子", "智能科技", "显示技术", "精密电子", "智能穿戴"),
    "石材": ("石材", "石业", "岩板", "装饰材料"),
    "新型功能材料": ("新材料", "新能源", "电池材料", "锂电", "功能材料"),
    "大数据电子信息": ("信息技术", "数据科技", "软件", "云计算", "电子元件"),
    "生态特色食品": ("食品", "茶业", "饮品", "农业科技", "餐饮管理"),
    "健康医药": ("医疗器械", "生物科技", "医药", "健康科技", "药业"),
    "新型建材": ("建材", "建筑科技", "墙体材料", "装配式建筑", "环保建材"),
    "装备制造": ("机械", "精密机械", "自动化设备", "智能装备", "汽车零部件", "模具"),
    "纺织服装": ("服饰", "纺织", "鞋业", "制衣", "箱包", "时装"),
}
BRAND_CHARS = (
    "华创宏信达盛鑫源泰恒瑞祥安嘉联天正兴隆凯博远航腾德誉顺辉亿宝利佳丰汇通金海星明优尚卓越众成"
)
NAME_FORMS = (
    "深圳市{brand}{word}有限公司",
    "深圳市{brand}{word}科技有限公司",
    "深圳市{brand}{word}科技有限公司",
    "深圳{brand}{word}股份有限公司",
    "广东{brand}{word}集团有限公司",
    "{brand}（深圳）{word}有限公司",
)

#: Chambers of commerce and cross-industry associations (no chain of their own).
CHAMBERS = words(
    """
深圳市贵州商会 深圳市铜仁商会 广东省贵州商会 广东省铜仁商会 深圳市遵义商会 深圳市毕节商会
深圳市黔东南商会 深圳市湖南商会 深圳市湖北商会 深圳市江西商会 深圳市四川商会 深圳市重庆商会
深圳市广西商会 深圳市潮汕商会 深圳市温州商会 深圳市福建商会 深圳市河南商会 深圳市安徽商会
深圳市中小企业发展促进会 深圳市外商投资企业协会 深圳市企业联合会
"""
)
#: Industry associations by chain, one chain a line.
INDUSTRY_ASSOCIATIONS = tuple(
    (name, chain)
    for chain, *names in (
        line.split()
        for line in lines("""
物流 深圳市跨境电子商务协会 深圳市物流与供应链管理协会 深圳市冷链物流行业协会
家具灯饰 深圳市家具行业协会 深圳市照明与显示工程行业协会
电镀 深圳市表面处理行业协会 深圳市线路板行业协会
智能终端 深圳市手机行业协会 深圳市智能穿戴产业促进会
石材 深圳市石材行业协会
新型功能材料 深圳市新材料行业协会 深圳市电池行业协会
大数据电子信息 深圳市软件行业协会 深圳市大数据产业协会
生态特色食品 深圳市食品行业协会 深圳市茶业协会
健康医药 深圳市医疗器械行业协会
新型建材 深圳市建筑材料行业协会
装备制造 深圳市机械行业协会 深圳市汽车电子行业协会
纺织服装 深圳市服装行业协会 深圳市鞋业商会 广东省服装服饰行业协会
""")
    )
    for name in names
)
#: Every association as (name, chain or None), chambers first.
ASSOCIATIONS = tuple((name, None) for name in CHAMBERS) + INDUSTRY_ASSOCIATIONS
#: Parks and government bodies, one a line: kind, name, district.
PLACES = tuple(
    tuple(line.split())
    for line in lines("""
park 南山智园 南山区
park 天安云谷产业园 龙岗区
park 宝安桃花源科技创新园 宝安区
park 龙华九龙山产业城 龙华区
park 光明凤凰城产业园 光明区
government 深圳市投资推广署 福田区
government 深圳市商务局 福田区
government 深圳市中小企业服务局 福田区
government 宝安区投资推广署 宝安区
government 龙岗区投资推广署 龙岗区
""")
)
INTERMEDIARIES = (
    "深圳市前海{brand}投资咨询有限公司",
    "深圳市{brand}产业园区运营管理有限公司",
    "广东{brand}律师事务所",
    "深圳市{brand}招商服务有限公司",
    "{brand}会计师事务所（特殊普通合伙）深圳分所",
)

#: (district, area code, streets); manufacturers sit in the outer districts more often.
DISTRICTS = (
    ("南山区", "440305", ("科苑路", "高新南九道", "留仙大道", "工业八路"), 3),
    ("福田区", "440304", ("深南大道", "福华三路", "泰然九路", "华强北路"), 2),
    ("罗湖区", "440303", ("深南东路", "宝安南路", "笋岗路"), 1),
    ("宝安区", "440306", ("宝源路", "凤凰路", "新沙路", "塘头大道"), 4),
    ("龙岗区", "440307", ("五和大道", "吉华路", "龙岗大道", "富安大道"), 4),
    ("龙华区", "440309", ("梅龙路", "观光路", "华荣路"), 3),
    ("光明区", "440311", ("松白路", "光明大道"), 2),
    ("坪山区", "440310", ("坪山大道", "深汕路"), 1),
    ("盐田区", "440308", ("深盐路",), 1),
)

TITLES = {
    "enterprise": words("董事长 总经理 副总经理 投资总监 行政总监 战略发展部经理 董事会秘书"),
    "association": ("会长", "执行会长", "常务副会长", "秘书长"),
    "park": ("招商部经理", "运营总监"),
    "government": ("处长", "科长", "副局长"),
    "intermediary": ("合伙人", "总经理", "项目总监"),
}


def person_name(rng: random.Random) -> str:
    """A plausible Chinese personal name."""
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def mobile(rng: random.Random) -> str:
    """A mainland mobile number."""
    return rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))


def brand(rng: random.Random) -> str:
    """A two-character trade name (字号)."""
    return "".join(rng.sample(BRAND_CHARS, 2))


def enterprise_name(rng: random.Random, chain: str) -> tuple[str, str]:
    """A company name of the chain and its trade name (字号), which projects are named by."""
    word, mark = rng.choice(CHAIN_WORDS[chain]), brand(rng)
    form = rng.choice(NAME_FORMS)
    if word.endswith("科技"):
        form = form.replace("科技有限", "有限")
    return form.format(brand=mark, word=word), mark


def district(rng: random.Random, name: str = "") -> tuple[str, str, str]:
    """(region, area code, street address) of a place in Shenzhen, in district `name` if given."""
    rows = [row for row in DISTRICTS if row[0] == name] or DISTRICTS
    weights = [row[3] for row in rows]
    name, code, streets, _ = rng.choices(rows, weights=weights)[0]
    number = rng.randint(1, 399)
    building = rng.choice(("", f"{rng.randint(1, 12)}栋{rng.randint(2, 28)}楼", "大厦"))
    street = f"深圳市{name}{rng.choice(streets)}{number}号{building}"
    return f"深圳市{name}", code, street


def credit_code(rng: random.Random, head: str, area: str) -> str:
    """A valid unified social credit code: registration head, area code and a random body."""
    if head == "51":
        body = "MJ" + "".join(rng.choice(ALPHABET) for _ in range(7))
    elif head == "11":
        body = "00" + "".join(rng.choice("0123456789") for _ in range(7))
    elif rng.random() < 0.7:
        body = "MA5" + rng.choice("DEFG") + "".join(rng.choice(ALPHABET) for _ in range(5))
    else:
        body = "".join(rng.choice("0123456789") for _ in range(8)) + rng.choice("0123456789X")
    return make_credit_code(head + area + body)
