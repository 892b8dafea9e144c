"""Words of Chinese organization names that `company_names` takes away or reads: a data file.

Legal forms (公司法 and 合伙企业法 names, and their English), branch words, the type words of
associations and public bodies, and industry words (行业表述 as registered names use them:
what follows the trade name). Written out by hand; a word missing here only makes two
spellings of one name less alike.
"""

FORMS = sorted(
    (
        *("股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "总公司", "公司"),
        *("集团", "股份", "有限合伙", "普通合伙", "合伙企业"),
        *("co.,ltd", "co.ltd", "co.,limited", "ltd", "limited", "inc", "corp", "corporation"),
        *("company", "group"),
    ),
    key=len,
    reverse=True,
)
BRACKET_FORMS = frozenset(("集团", "股份", "有限合伙", "普通合伙", "特殊普通合伙", "控股"))
BRANCH_MARKERS = sorted(
    ("分公司", "分行", "支行", "分厂", "分店", "办事处", "代表处", "营业部", "分部", "分中心"),
    key=len,
    reverse=True,
)
ASSOCIATION_WORDS = (
    *("商会", "协会", "促进会", "联合会", "同乡会", "联谊会", "学会", "研究会", "基金会"),
    *("总会", "联盟"),
)
# Public bodies answer for one place: 深圳市商务局 and 上海市商务局 are two bureaus.
PUBLIC_WORDS = (
    *("局", "署", "委员会", "管委会", "政府", "办公室", "厅", "法院", "检察院", "服务中心"),
    *("人民医院", "医院", "学校", "中学", "小学"),
)
# Parks and zones are places themselves: 东莞市凯佳创新港 and 深圳市凯佳创新港 are two parks.
PARK_WORDS = (
    *("科技园", "产业园", "工业园", "创新港", "智造园", "园区", "开发区", "高新区", "孵化器"),
    *("基地", "示范区", "试验区"),
)
# Words of an industry, not of a trade name: a core made of these alone keeps its place.
_INDUSTRY_TEXT = """
    银行 农村商业银行 农商银行 商业银行 工商 建设 农业 交通 招商 证券 保险 人寿 财产 信托 基金 航空
    机场 港务 港口 铁路 地铁 轨道交通 公交 高速 燃气 水务 自来水 供电 电力 电网 能源 石油 石化 烟草
    电信 移动 联通 广电 日报 晚报 报业 传媒 电视台 广播 出版 医院 人民医院 大学 学院 中学 小学 城建
    城投 投资 控股 发展 实业 国际 贸易 商贸 科技 技术 信息 信息技术 电子 网络 软件 通信 通讯 物流
    供应链 汽车 工业 新能源 生物 医药 制药 药业 食品 酒业 啤酒 茶业 茶叶 旅游 文化 文旅 机械 电气
    电器 化工 钢铁 有色 建工 建材 地产 房地产 置业 物业 商业 百货 超市 酒店 餐饮 环保 水泥 矿业 煤业
    智能 数字 数据 精密 设备 管理 服务 材料 新材料 光电 照明 家居 家具 灯饰 速运 冷链 仓储 货运 代理
    表面处理 电镀 精细 显示 穿戴 石材 石业 岩板 装饰 电池 锂电 功能 云计算 元件 饮品 医疗 器械 健康
    建筑 墙体 装配式 自动化 装备 零部件 模具 服饰 纺织 鞋业 制衣 箱包 时装 咨询 创新 微电子 半导体
    """
INDUSTRY = frozenset(_INDUSTRY_TEXT.split())
