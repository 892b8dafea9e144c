"""A business card's fields from its recognised lines (no OCR engine needed)."""

from __future__ import annotations

import pytest

from fieldlog.domain.card_fields import FIELDS, CardFields, CardLine, read_fields

A_CARD = [
    "深圳市华为技术有限公司",
    "专注品质 服务全球",
    "张伟",
    "招商总监",
    "手机：138 0013 8000",
    "电话：0755-8888 8888 转 123",
    "传真：0755-8888 9999",
    "邮箱：zhang.wei@huawei.com",
    "地址：深圳市南山区深南大道1001号",
    "www.huawei.com",
]


def test_a_chinese_card_gives_every_field() -> None:
    assert read_fields(A_CARD) == CardFields(
        name="张伟",
        title="招商总监",
        mobile="13800138000",
        phone="0755-88888888-123",
        email="zhang.wei@huawei.com",
        company="深圳市华为技术有限公司",
    )


def test_the_keys_are_the_six_fields_and_empty_where_nothing_was_read() -> None:
    proposal = read_fields(["诚信 创新 共赢", "地址：广州市天河路385号"]).as_dict()
    assert tuple(proposal) == FIELDS == ("name", "title", "mobile", "phone", "email", "company")
    assert set(proposal.values()) == {""}


@pytest.mark.parametrize(
    "printed",
    ["138 0013 8000", "138-0013-8000", "+86 13800138000", "+86-138-0013-8000", "0086 13800138000",
     "M: 13800138000", "手机 138.0013.8000", "Mobile：１３８００１３８０００"],
)  # fmt: skip
def test_every_way_of_writing_a_mobile_gives_its_eleven_digits(printed: str) -> None:
    assert read_fields([printed]).mobile == "13800138000"


@pytest.mark.parametrize(
    ("printed", "phone"),
    [
        ("电话：0755-8888 8888", "0755-88888888"),
        ("Tel: (020) 3888-6666", "020-38886666"),
        ("T: +86-10-6666 8888 ext 12", "010-66668888-12"),
        ("座机 0856 5221234", "0856-5221234"),
        ("电话：021-58847739 分机 301", "021-58847739-301"),
        ("T:010-9796:3384", "010-97963384"),
        ("Tel 021-2778.5787 转 934", "021-27785787-934"),
    ],
)
def test_landlines_get_their_area_code_and_extension(printed: str, phone: str) -> None:
    assert read_fields([printed]).phone == phone


def test_a_fax_number_is_not_the_phone() -> None:
    assert read_fields(["传真：0755-8888 9999", "Fax 020-38886666"]).phone == ""


def test_a_mobile_is_not_taken_for_a_landline() -> None:
    fields = read_fields(["13800138000"])
    assert (fields.mobile, fields.phone) == ("13800138000", "")


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["欧阳 娜娜"], "欧阳娜娜"),
        (["司马光明", "总经理"], "司马光明"),
        (["诸葛亮"], "诸葛亮"),
        (["张  伟"], "张伟"),
        (["李强 副总裁"], "李强"),
        (["王芳总经理"], "王芳"),
        (["郑云招商总监"], "郑云"),
        (["欧阳娜娜销售经理"], "欧阳娜娜"),
        (["姓名：陈静"], "陈静"),
    ],
)
def test_chinese_names_with_common_and_compound_surnames(lines: list[str], name: str) -> None:
    assert read_fields(lines).name == name


def test_the_tallest_name_wins_when_heights_are_known() -> None:
    lines = [CardLine("林海", 20), CardLine("黄明", 60), CardLine("经理", 20)]
    assert read_fields(lines).name == "黄明"


def test_without_heights_the_first_name_wins() -> None:
    assert read_fields(["林海", "黄明"]).name == "林海"


@pytest.mark.parametrize(
    "line", ["诚信创新共赢", "让物流更简单", "招商引资", "深圳市", "总经理", "有限公司"]
)
def test_slogans_places_and_titles_are_not_names(line: str) -> None:
    assert read_fields([line]).name == ""


@pytest.mark.parametrize(
    "title", ["总经理", "董事长", "招商总监", "副总裁", "经理", "主任", "董事长兼总经理",
              "市场部经理", "常务副会长", "秘书长"],
)  # fmt: skip
def test_titles(title: str) -> None:
    assert read_fields(["赵敏", title]).title == title


@pytest.mark.parametrize(
    "company",
    ["深圳市德润物流有限公司", "贵州茅台酒股份有限公司", "华润集团", "深圳市贵州商会",
     "广东省电子行业协会", "中国银行深圳分行"],
)  # fmt: skip
def test_organization_names(company: str) -> None:
    assert read_fields(["地址：深圳市福田区福华路88号", company, "赵敏"]).company == company


def test_an_address_with_a_company_ending_is_not_the_company() -> None:
    fields = read_fields(["地址：深圳市南山区科技园路1号华为公司", "深圳市德润物流有限公司"])
    assert fields.company == "深圳市德润物流有限公司"


def test_ocr_reading_the_o_of_com_as_a_zero_is_mended() -> None:
    assert read_fields(["E: irc94@163.c0m"]).email == "irc94@163.com"


def test_a_colon_read_for_the_dot_of_a_domain_is_mended() -> None:
    assert read_fields(["E: pjzz22@qq:com"]).email == "pjzz22@qq.com"


def test_a_bullet_read_before_an_email_is_dropped() -> None:
    assert read_fields(["·.igohfhhe37@foxmail.com"]).email == "igohfhhe37@foxmail.com"


def test_an_english_card() -> None:
    fields = read_fields(
        ["John Smith", "Sales Manager", "Acme Trading Co., Ltd.", "john@acme.com",
         "Tel: +86 755 8888 6666", "Mob: +86 138 0013 8000", "www.acme.com"]
    )  # fmt: skip
    assert fields == CardFields(
        "John Smith", "Sales Manager", "13800138000", "0755-88886666", "john@acme.com",
        "Acme Trading Co., Ltd.",
    )  # fmt: skip


def test_an_empty_card_proposes_nothing() -> None:
    assert read_fields([]) == CardFields()
    assert read_fields(["", "   "]) == CardFields()
