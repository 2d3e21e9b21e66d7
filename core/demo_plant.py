"""A deterministic, fictional demo plant: structure, posts and 312 people.

The shape follows the field report (a 312-person metal-parts plant with stamping, welding and
spray painting), but the company, its people and phone numbers are invented. Everything that
varies comes from ``random.Random(seed)``, so the same seed always gives the same plant: demo
databases, screenshots and tests stay reproducible on every PC.

Standard library only (core/ is pure): the floor-plan PNG is drawn by reports/floorplan.py from
the area rectangles defined here.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

# Risk levels of a post, highest first (red / orange / yellow / blue, see REGULATIONS.md).
RISK_LEVELS: tuple[str, ...] = ("major", "considerable", "general", "low")
STATUSES: tuple[str, ...] = ("active", "on_leave", "left")
GENDERS: tuple[str, ...] = ("male", "female")
KEY_ROLES: tuple[str, ...] = (
    "safety_lead",
    "safety_clerk",
    "head_stamping",
    "head_welding",
    "head_painting",
    "rectifier",
    "reviewer",
)

HEADCOUNT = 312  # the field report's plant
EMPLOYEE_PREFIX = "HJ"  # 华嘉
PLAN_SIZE: tuple[float, float] = (200.0, 120.0)  # metres, origin top-left, y grows southwards

Rect = tuple[float, float, float, float]  # (x, y, w, h) in metres on the site plan


@dataclass(frozen=True)
class Site:
    code: str
    name: str
    name_en: str


@dataclass(frozen=True)
class Building:
    code: str
    name: str
    name_en: str
    site_code: str


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    name_en: str
    building_code: str
    kind: str
    rect: Rect


@dataclass(frozen=True)
class Line:
    code: str
    name: str
    name_en: str
    area_code: str


@dataclass(frozen=True)
class Department:
    code: str
    name: str
    name_en: str


@dataclass(frozen=True)
class Post:
    code: str
    name: str
    name_en: str
    department_code: str
    risk_level: str


@dataclass(frozen=True)
class Person:
    employee_no: str
    name: str
    gender: str
    department_code: str
    post_code: str
    hire_date: dt.date
    phone: str
    status: str


@dataclass(frozen=True)
class DemoPlant:
    name: str
    name_en: str
    site: Site
    buildings: tuple[Building, ...]
    areas: tuple[Area, ...]
    lines: tuple[Line, ...]
    departments: tuple[Department, ...]
    posts: tuple[Post, ...]
    people: tuple[Person, ...]
    key_people: dict[str, str] = field(default_factory=dict)  # role -> employee_no
    plan_size: tuple[float, float] = PLAN_SIZE

    def person(self, employee_no: str) -> Person:
        for p in self.people:
            if p.employee_no == employee_no:
                return p
        raise KeyError(employee_no)

    def area(self, code: str) -> Area:
        for a in self.areas:
            if a.code == code:
                return a
        raise KeyError(code)


# --- Fixed structure ---------------------------------------------------------------------
# Codes are pinyin initials, as Chinese plants write them (equipment codes such as YJ-CY-0012
# reuse the area code), so a clerk recognises them on a label.

PLANT_NAME = "华嘉精工金属制品有限公司"
PLANT_NAME_EN = "Huajia Precision Metal Products Co., Ltd."

SITE = Site("S01", "华嘉精工主厂区", "Huajia main site")

BUILDINGS: tuple[Building, ...] = (
    Building("B01", "1号厂房", "Workshop building 1", "S01"),
    Building("B02", "2号厂房", "Workshop building 2 (paint shop)", "S01"),
    Building("B03", "仓库", "Warehouse building", "S01"),
    Building("B04", "动力站", "Utilities building", "S01"),
    Building("B05", "综合楼", "Office building", "S01"),
)

# The paint shop stands in its own building, apart from the main workshop, because solvent
# paint needs fire separation; the utilities and offices sit along the south fence.
AREAS: tuple[Area, ...] = (
    Area("CY", "冲压车间", "Stamping workshop", "B01", "stamping", (10.0, 14.0, 56.0, 40.0)),
    Area("HJ", "焊接车间", "Welding workshop", "B01", "welding", (66.0, 14.0, 50.0, 40.0)),
    Area("ZP", "装配车间", "Assembly workshop", "B01", "assembly", (10.0, 54.0, 106.0, 26.0)),
    Area("PT", "喷涂车间", "Spray painting workshop", "B02", "painting", (130.0, 14.0, 40.0, 30.0)),
    Area("TQ", "调漆间", "Paint mixing room", "B02", "paint_mixing", (170.0, 14.0, 14.0, 12.0)),
    Area("CK", "仓库", "Warehouse", "B03", "warehouse", (130.0, 54.0, 54.0, 26.0)),
    Area("KY", "空压机房", "Compressor room", "B04", "compressor", (10.0, 92.0, 18.0, 14.0)),
    Area("PD", "配电室", "Power distribution room", "B04", "power", (28.0, 92.0, 16.0, 14.0)),
    Area("BG", "办公区", "Offices", "B05", "office", (130.0, 90.0, 54.0, 22.0)),
)

LINES: tuple[Line, ...] = (
    Line("CY-A", "冲压A线", "Stamping line A", "CY"),
    Line("CY-B", "冲压B线", "Stamping line B", "CY"),
    Line("HJ-1", "手工焊接线", "Manual welding line", "HJ"),
    Line("HJ-2", "机器人焊接线", "Robotic welding line", "HJ"),
    Line("PT-1", "静电喷涂线", "Electrostatic spray line", "PT"),
    Line("ZP-1", "装配一线", "Assembly line 1", "ZP"),
    Line("ZP-2", "装配二线", "Assembly line 2", "ZP"),
)

DEPARTMENTS: tuple[Department, ...] = (
    Department("ZB", "总经理办公室", "General manager's office"),
    Department("AQ", "安全环保部", "Safety & environment department"),
    Department("SC", "生产部", "Production department"),
    Department("CY", "冲压车间", "Stamping workshop"),
    Department("HJ", "焊接车间", "Welding workshop"),
    Department("PT", "喷涂车间", "Spray painting workshop"),
    Department("ZP", "装配车间", "Assembly workshop"),
    Department("SB", "设备动力部", "Equipment & utilities department"),
    Department("CC", "仓储物流部", "Warehouse & logistics department"),
    Department("ZL", "质量部", "Quality department"),
    Department("JS", "技术部", "Engineering department"),
    Department("RL", "人力资源部", "Human resources department"),
    Department("CW", "财务部", "Finance department"),
)

# (post, headcount). Headcounts add up to HEADCOUNT; most people work in the four production
# workshops, as in a real metal-parts plant.
_STAFFING: tuple[tuple[Post, int], ...] = (
    (Post("ZB-ZJL", "总经理", "General manager", "ZB", "low"), 1),
    (Post("ZB-FZ", "副总经理", "Deputy general manager", "ZB", "low"), 1),
    (Post("ZB-WY", "文员", "Office clerk", "ZB", "low"), 2),
    (Post("ZB-SJ", "司机", "Company driver", "ZB", "general"), 1),
    (Post("AQ-ZJ", "安全总监", "Safety director", "AQ", "general"), 1),
    (Post("AQ-AQY", "安全员", "Safety officer", "AQ", "general"), 2),
    (Post("AQ-HB", "环保专员", "Environmental officer", "AQ", "general"), 1),
    (Post("SC-JL", "生产经理", "Production manager", "SC", "general"), 1),
    (Post("SC-JH", "计划员", "Production planner", "SC", "low"), 2),
    (Post("SC-TJ", "统计员", "Production statistician", "SC", "low"), 2),
    (Post("SC-WY", "文员", "Office clerk", "SC", "low"), 1),
    (Post("CY-ZR", "车间主任", "Workshop head", "CY", "general"), 1),
    (Post("CY-BZ", "班组长", "Team leader", "CY", "considerable"), 4),
    (Post("CY-CYG", "冲压工", "Press operator", "CY", "considerable"), 60),
    (Post("CY-MJ", "模具工", "Die fitter", "CY", "considerable"), 6),
    (Post("CY-XC", "行车工", "Overhead crane operator", "CY", "considerable"), 3),
    (Post("CY-WL", "物料员", "Material handler", "CY", "general"), 4),
    (Post("HJ-ZR", "车间主任", "Workshop head", "HJ", "general"), 1),
    (Post("HJ-BZ", "班组长", "Team leader", "HJ", "considerable"), 3),
    (Post("HJ-DHG", "电焊工", "Welder", "HJ", "considerable"), 44),
    (Post("HJ-JQR", "焊接机器人操作工", "Welding robot operator", "HJ", "considerable"), 6),
    (Post("HJ-DM", "打磨工", "Grinder", "HJ", "considerable"), 6),
    (Post("HJ-WL", "物料员", "Material handler", "HJ", "general"), 2),
    (Post("PT-ZR", "车间主任", "Workshop head", "PT", "general"), 1),
    (Post("PT-BZ", "班组长", "Team leader", "PT", "major"), 2),
    (Post("PT-PQG", "喷漆工", "Spray painter", "PT", "major"), 18),
    (Post("PT-TQG", "调漆工", "Paint mixer", "PT", "major"), 3),
    (Post("PT-QCL", "前处理工", "Pre-treatment operator", "PT", "considerable"), 6),
    (Post("PT-GJ", "挂件工", "Part hanger", "PT", "general"), 4),
    (Post("ZP-ZR", "车间主任", "Workshop head", "ZP", "general"), 1),
    (Post("ZP-BZ", "班组长", "Team leader", "ZP", "general"), 3),
    (Post("ZP-ZPG", "装配工", "Assembler", "ZP", "general"), 44),
    (Post("ZP-BZG", "包装工", "Packer", "ZP", "low"), 8),
    (Post("SB-JL", "设备经理", "Equipment manager", "SB", "general"), 1),
    (Post("SB-DG", "电工", "Electrician", "SB", "considerable"), 6),
    (Post("SB-WXQG", "维修钳工", "Maintenance fitter", "SB", "considerable"), 8),
    (Post("SB-KYJ", "空压机操作工", "Compressor operator", "SB", "considerable"), 3),
    (Post("CC-ZG", "仓储主管", "Warehouse supervisor", "CC", "general"), 1),
    (Post("CC-CGY", "仓管员", "Storekeeper", "CC", "general"), 8),
    (Post("CC-CCSJ", "叉车司机", "Forklift driver", "CC", "considerable"), 7),
    (Post("CC-XC", "行车工", "Overhead crane operator", "CC", "considerable"), 2),
    (Post("CC-ZXG", "装卸工", "Loader", "CC", "general"), 2),
    (Post("ZL-JL", "质量经理", "Quality manager", "ZL", "low"), 1),
    (Post("ZL-ZJY", "质检员", "Quality inspector", "ZL", "general"), 12),
    (Post("ZL-JLY", "计量员", "Metrology technician", "ZL", "low"), 1),
    (Post("JS-JL", "技术经理", "Engineering manager", "JS", "low"), 1),
    (Post("JS-GYS", "工艺工程师", "Process engineer", "JS", "low"), 4),
    (Post("JS-MJS", "模具设计师", "Die designer", "JS", "low"), 2),
    (Post("RL-JL", "人事经理", "HR manager", "RL", "low"), 1),
    (Post("RL-ZY", "人事专员", "HR officer", "RL", "low"), 2),
    (Post("RL-PX", "培训专员", "Training officer", "RL", "low"), 1),
    (Post("CW-JL", "财务经理", "Finance manager", "CW", "low"), 1),
    (Post("CW-KJ", "会计", "Accountant", "CW", "low"), 2),
    (Post("CW-CN", "出纳", "Cashier", "CW", "low"), 1),
)

POSTS: tuple[Post, ...] = tuple(post for post, _ in _STAFFING)

# Managers and heads joined early and are always at work: the demo needs them as users.
_SENIOR_POSTS = frozenset(
    "ZB-ZJL ZB-FZ AQ-ZJ SC-JL CY-ZR HJ-ZR PT-ZR ZP-ZR SB-JL CC-ZG ZL-JL JS-JL RL-JL CW-JL".split()
)

# Key demo roles: (role, post code, which holder of that post, 0-based in generation order).
# The reviewer is the second safety officer, so nobody reviews their own rectification and the
# reviewer sits outside the rectifier's (equipment) department.
_KEY_ROLE_POSTS: tuple[tuple[str, str, int], ...] = (
    ("safety_lead", "AQ-ZJ", 0),
    ("safety_clerk", "AQ-AQY", 0),
    ("reviewer", "AQ-AQY", 1),
    ("head_stamping", "CY-ZR", 0),
    ("head_welding", "HJ-ZR", 0),
    ("head_painting", "PT-ZR", 0),
    ("rectifier", "SB-WXQG", 0),
)

# Share of men per department: shop floors are mostly male, offices mostly female.
_MALE_SHARE: dict[str, float] = {
    "ZB": 0.5, "AQ": 0.7, "SC": 0.5, "CY": 0.85, "HJ": 0.95, "PT": 0.75, "ZP": 0.55,
    "SB": 0.95, "CC": 0.8, "ZL": 0.45, "JS": 0.75, "RL": 0.2, "CW": 0.15,
}  # fmt: skip

# --- Names -------------------------------------------------------------------------------
# Surnames with rough relative frequencies (the big five first; 陈/林/金/应 are common in
# Zhejiang), so a roster of 312 looks like a real one, with repeated surnames and names.
_SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 72), ("李", 70), ("张", 66), ("陈", 62), ("刘", 55), ("林", 30), ("黄", 26),
    ("杨", 24), ("吴", 24), ("周", 22), ("徐", 20), ("赵", 18), ("朱", 16), ("孙", 14),
    ("金", 14), ("胡", 13), ("郑", 13), ("何", 12), ("叶", 12), ("应", 8), ("郭", 10),
    ("马", 10), ("高", 9), ("罗", 8), ("梁", 8), ("宋", 7), ("谢", 7), ("许", 7), ("韩", 6),
    ("冯", 6), ("邓", 6), ("曹", 5), ("彭", 5), ("曾", 5), ("潘", 5), ("蒋", 5), ("蔡", 5),
    ("方", 5), ("江", 4), ("卢", 4), ("丁", 4), ("沈", 4), ("姚", 4), ("汪", 4), ("陆", 4),
    ("钱", 3), ("戴", 3), ("严", 3), ("程", 3), ("毛", 3), ("童", 3), ("夏", 3), ("顾", 3),
    ("欧阳", 1), ("诸葛", 1),
)  # fmt: skip

# Given names as people are really called: whole two-character names (not random pairs of
# characters, which read oddly) and single characters, for each gender.
_GIVEN_MALE_2 = tuple(
    """建国 建华 建军 建平 建明 国强 国平 志强 志明 志刚 海涛 海峰 海军 晓东 晓明 晓峰 小军
    永强 永刚 永康 文斌 文杰 俊杰 俊峰 子豪 浩然 宇航 宇轩 鹏飞 云飞 立新 立军 立伟 卫东 卫国
    金龙 金华 德明 德胜 振华 振宇 家豪 家乐 天宇 明辉 明杰 春雷 春生 旭东 亚军 新民 少华
    伟民 伟东 伟华 泽宇 博文 嘉伟 思远 一鸣 正阳 忠良 福生 根宝 林峰 宏伟 洪涛 江涛 剑锋
    学军 学文 杭军 海平 宇杰 晨阳""".split()
)
_GIVEN_MALE_1 = tuple("伟强军磊勇杰涛斌超明刚平辉鹏华飞鑫波浩凯健俊峰亮东龙旭阳翔兵锋彬武")
_GIVEN_FEMALE_2 = tuple(
    """秀英 桂英 秀兰 玉兰 桂兰 丽娟 丽华 丽萍 美玲 美华 晓燕 晓红 晓丽 晓霞 小燕 海燕 春燕
    春梅 冬梅 雪梅 红梅 玉梅 金凤 彩霞 艳华 艳红 素芬 素珍 月娥 雅琴 雅婷 婷婷 佳怡 佳琪
    欣怡 梓涵 诗琪 思雨 雨欣 文静 慧敏 慧芳 丽丽 琳琳 莉莉 倩倩 静怡 梦瑶 晶晶 秋菊 淑珍
    淑华 凤英 玉珍 爱华 爱萍 亚萍 小红 小英 燕萍 海霞 晓梅 丹丹 宁静""".split()
)
_GIVEN_FEMALE_1 = tuple("芳娜敏静丽艳娟霞燕玲婷雪慧颖琳洁倩蓉萍红梅莉兰琴晶媛露")

# Mobile prefixes of the three carriers starting 13/15/18.
_PHONE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
    "180 181 182 183 185 186 187 188 189"
).split()

_FOUNDED = dt.date(2005, 3, 1)
_LAST_HIRE = dt.date(2025, 6, 30)


def _pick_surname(rng: random.Random) -> str:
    names = [s for s, _ in _SURNAMES]
    weights = [w for _, w in _SURNAMES]
    return rng.choices(names, weights=weights)[0]


def _pick_given_name(rng: random.Random, gender: str) -> str:
    male = gender == "male"
    # About a quarter of given names are a single character (张伟, 王芳); the rest are two.
    if rng.random() < 0.25:
        return rng.choice(_GIVEN_MALE_1 if male else _GIVEN_FEMALE_1)
    return rng.choice(_GIVEN_MALE_2 if male else _GIVEN_FEMALE_2)


def _pick_name(rng: random.Random, gender: str) -> str:
    surname = _pick_surname(rng)
    given = _pick_given_name(rng, gender)
    # Keep compound surnames to one given character: four-character names are rare.
    if len(surname) > 1:
        given = given[:1]
    return surname + given


def _pick_phone(rng: random.Random, taken: set[str]) -> str:
    while True:
        phone = rng.choice(_PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if phone not in taken:
            taken.add(phone)
            return phone


def _pick_hire_date(rng: random.Random, senior: bool) -> dt.date:
    span = (_LAST_HIRE - _FOUNDED).days
    if senior:
        # Managers joined in the plant's first years.
        offset = rng.triangular(0, span * 0.45, 0)
    else:
        # Shop-floor turnover means most current staff joined in recent years.
        offset = rng.triangular(0, span, span)
    return _FOUNDED + dt.timedelta(days=int(offset))


def _pick_status(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.03:
        return "on_leave"
    if roll < 0.05:
        return "left"
    return "active"


@dataclass(frozen=True)
class _Draft:
    """A person before employee numbers are assigned (numbers follow hire order)."""

    name: str
    gender: str
    post: Post
    hire_date: dt.date
    phone: str
    status: str
    role: str | None
    seq: int  # generation order: a stable tie-breaker for equal hire dates


def _roles_by_slot() -> dict[tuple[str, int], str]:
    return {(post, index): role for role, post, index in _KEY_ROLE_POSTS}


def _draft_people(rng: random.Random) -> list[_Draft]:
    roles = _roles_by_slot()
    phones: set[str] = set()
    drafts: list[_Draft] = []
    for post, count in _STAFFING:
        for index in range(count):
            role = roles.get((post.code, index))
            senior = post.code in _SENIOR_POSTS
            male = rng.random() < _MALE_SHARE[post.department_code]
            gender = "male" if male else "female"
            drafts.append(
                _Draft(
                    name=_pick_name(rng, gender),
                    gender=gender,
                    post=post,
                    hire_date=_pick_hire_date(rng, senior),
                    phone=_pick_phone(rng, phones),
                    # Key people and managers must be at work to log in to the demo.
                    status="active" if senior or role else _pick_status(rng),
                    role=role,
                    seq=len(drafts),
                )
            )
    return drafts


def _number_people(drafts: Sequence[_Draft]) -> tuple[tuple[Person, ...], dict[str, str]]:
    ordered = sorted(drafts, key=lambda d: (d.hire_date, d.seq))
    people: list[Person] = []
    key_people: dict[str, str] = {}
    for number, d in enumerate(ordered, start=1):
        employee_no = f"{EMPLOYEE_PREFIX}{number:04d}"
        people.append(
            Person(
                employee_no=employee_no,
                name=d.name,
                gender=d.gender,
                department_code=d.post.department_code,
                post_code=d.post.code,
                hire_date=d.hire_date,
                phone=d.phone,
                status=d.status,
            )
        )
        if d.role:
            key_people[d.role] = employee_no
    return tuple(people), {role: key_people[role] for role in KEY_ROLES}


def generate_plant(seed: int = 1) -> DemoPlant:
    """Build the demo plant. The structure is fixed; people depend only on ``seed``."""
    rng = random.Random(seed)
    people, key_people = _number_people(_draft_people(rng))
    return DemoPlant(
        name=PLANT_NAME,
        name_en=PLANT_NAME_EN,
        site=SITE,
        buildings=BUILDINGS,
        areas=AREAS,
        lines=LINES,
        departments=DEPARTMENTS,
        posts=POSTS,
        people=people,
        key_people=key_people,
        plan_size=PLAN_SIZE,
    )
