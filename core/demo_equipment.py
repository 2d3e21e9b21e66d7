"""Deterministic demo equipment for the demo plant: ledger, maintenance and fault history.

About 400 machines spread over the demo plant's areas and lines, two years of maintenance
records and a sparse fault history ending near ``today``. Two machines carry the field report's
stories so that the early-warning features (F8) have something real to find:

* a press on stamping line B with abnormal noise (异响) in three consecutive months, and
* a press on stamping line B whose foot switch fails or fires by itself again and again.

Everything that varies comes from ``random.Random(seed)`` and the ``today`` parameter (never the
wall clock), so demo databases, screenshots and tests are the same on every PC. Presses,
welders, robots, compressors, cranes and forklifts carry brands and model series a Chinese
metal-parts plant really owns; the smaller suppliers, codes, serial numbers and history are
invented.

Standard library only: core/ stays pure.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.demo_plant import RISK_LEVELS, DemoPlant, Person

STATUSES: tuple[str, ...] = ("in_service", "stopped", "under_repair", "scrapped")
MAINTENANCE_KINDS: tuple[str, ...] = (
    "daily", "monthly", "annual", "repair", "statutory_inspection",
)  # fmt: skip
KEY_EQUIPMENT_ROLES: tuple[str, ...] = (
    "noisy_press",  # 冲压B线 press with abnormal noise in 3 consecutive months
    "foot_switch_press",  # 冲压B线 press with repeated foot-switch failures
    "ventilation_booth",  # spray booth whose ventilation failed and was fixed in 18 h
    "bearing_compressor",  # compressor whose worn motor bearing was caught in time
)
DEFAULT_TODAY = dt.date(2025, 11, 1)
HISTORY_DAYS = 730  # maintenance and faults cover the two years before today


@dataclass(frozen=True)
class EquipmentType:
    code: str  # 2-letter pinyin prefix of equipment codes, e.g. YJ (压力机)
    name: str
    name_en: str
    special: bool  # 特种设备: needs statutory inspection by an outside body


@dataclass(frozen=True)
class Equipment:
    code: str  # {type_code}-{area_code}-{seq:04d}, e.g. YJ-CY-0012
    name: str
    type_code: str
    model: str
    manufacturer: str
    serial_no: str
    area_code: str
    line_code: str | None
    department_code: str
    owner_employee_no: str
    install_date: dt.date
    status: str  # one of STATUSES
    risk_grade: str | None  # one of RISK_LEVELS; None = not yet assessed
    special: bool
    inspection_due: dt.date | None  # statutory inspection due date, special equipment only
    procedure: str  # safe operating procedure, numbered steps, one per line


@dataclass(frozen=True)
class MaintenanceRecord:
    equipment_code: str
    date: dt.date
    kind: str  # one of MAINTENANCE_KINDS
    performed_by: str  # employee_no, or the inspection body for statutory inspections
    notes: str
    # When the next maintenance of this kind is due. Daily checks and repairs are not scheduled
    # work, so they have none; the latest next_due of an item says whether it is overdue.
    next_due: dt.date | None


@dataclass(frozen=True)
class FaultRecord:
    equipment_code: str
    date: dt.date
    symptom: str
    cause: str
    downtime_hours: float
    fix: str


@dataclass(frozen=True)
class DemoEquipment:
    types: tuple[EquipmentType, ...]
    items: tuple[Equipment, ...]
    maintenance: tuple[MaintenanceRecord, ...]
    faults: tuple[FaultRecord, ...]
    key_equipment: dict[str, str] = field(default_factory=dict)  # role -> equipment code

    def item(self, code: str) -> Equipment:
        for e in self.items:
            if e.code == code:
                return e
        raise KeyError(code)

    def maintenance_of(self, code: str) -> tuple[MaintenanceRecord, ...]:
        return tuple(m for m in self.maintenance if m.equipment_code == code)

    def faults_of(self, code: str) -> tuple[FaultRecord, ...]:
        return tuple(f for f in self.faults if f.equipment_code == code)


# --- Equipment types -------------------------------------------------------------------------
# Special equipment (特种设备) follows the national catalogue: cranes, in-plant vehicles,
# pressure vessels and lifts need a statutory inspection; presses and welders do not.

EQUIPMENT_TYPES: tuple[EquipmentType, ...] = (
    EquipmentType("YJ", "压力机/冲床", "Press", False),
    EquipmentType("SL", "送料机", "Coil feeder", False),
    EquipmentType("JB", "剪板机", "Shearing machine", False),
    EquipmentType("HJ", "电焊机", "Welding machine", False),
    EquipmentType("HQ", "焊接机器人", "Welding robot", False),
    EquipmentType("QG", "切割机", "Cutting machine", False),
    EquipmentType("DM", "砂轮机/打磨机", "Grinder", False),
    EquipmentType("PT", "喷涂房/喷漆房", "Spray booth", False),
    EquipmentType("HG", "固化炉/烘干炉", "Curing oven", False),
    EquipmentType("KY", "空气压缩机", "Air compressor", False),
    EquipmentType("YL", "储气罐", "Air receiver (pressure vessel)", True),
    EquipmentType("QZ", "起重机/行车", "Crane", True),
    EquipmentType("CC", "叉车", "Forklift", True),
    EquipmentType("DT", "电梯", "Lift", True),
    EquipmentType("PD", "配电柜/配电箱", "Distribution cabinet", False),
    EquipmentType("JC", "机床", "Machine tool", False),
    EquipmentType("FJ", "风机/排风", "Fan / extraction", False),
    EquipmentType("DB", "打包机", "Strapping / wrapping machine", False),
)
_TYPES: dict[str, EquipmentType] = {t.code: t for t in EQUIPMENT_TYPES}

# Years between statutory periodic inspections (定期检验周期).
_INSPECTION_YEARS: dict[str, int] = {"QZ": 2, "CC": 1, "YL": 3, "DT": 1}
_INSPECTION_BODIES: tuple[str, ...] = ("市特种设备检验研究院", "省特种设备科学研究院")

# --- Where the machines stand ----------------------------------------------------------------
# (type, area, line, count). Fixed counts keep the ledger near 400 items for every seed; codes
# are numbered per (type, area) in this order, so line A presses come before line B's.
_LAYOUT: tuple[tuple[str, str, str | None, int], ...] = (
    ("YJ", "CY", "CY-A", 20), ("YJ", "CY", "CY-B", 20), ("YJ", "CY", None, 6),
    ("YJ", "ZP", "ZP-1", 4), ("YJ", "ZP", "ZP-2", 4),
    ("SL", "CY", "CY-A", 8), ("SL", "CY", "CY-B", 8),
    ("JB", "CY", None, 6),
    ("HJ", "HJ", "HJ-1", 50), ("HJ", "HJ", None, 10), ("HJ", "ZP", "ZP-1", 3),
    ("HJ", "ZP", "ZP-2", 3), ("HJ", "CY", None, 2),
    ("HQ", "HJ", "HJ-2", 12),
    ("QG", "HJ", None, 5),
    ("DM", "HJ", "HJ-1", 12), ("DM", "HJ", None, 6), ("DM", "CY", None, 6), ("DM", "ZP", None, 8),
    ("DM", "PT", None, 2),
    ("PT", "PT", "PT-1", 4), ("PT", "PT", None, 2),
    ("HG", "PT", "PT-1", 2),
    ("KY", "KY", None, 5),
    ("YL", "KY", None, 5), ("YL", "CY", None, 2), ("YL", "HJ", None, 1),
    ("QZ", "CY", None, 5), ("QZ", "HJ", None, 3), ("QZ", "ZP", None, 2), ("QZ", "CK", None, 4),
    ("CC", "CK", None, 9), ("CC", "CY", None, 3), ("CC", "ZP", None, 2),
    ("DT", "BG", None, 2), ("DT", "CK", None, 1),
    ("PD", "PD", None, 20), ("PD", "CY", "CY-A", 6), ("PD", "CY", "CY-B", 6), ("PD", "CY", None, 4),
    ("PD", "HJ", "HJ-1", 6), ("PD", "HJ", "HJ-2", 3), ("PD", "HJ", None, 5),
    ("PD", "ZP", "ZP-1", 4), ("PD", "ZP", "ZP-2", 4), ("PD", "ZP", None, 2),
    ("PD", "PT", "PT-1", 4), ("PD", "PT", None, 2), ("PD", "TQ", None, 2), ("PD", "CK", None, 6),
    ("PD", "KY", None, 3), ("PD", "BG", None, 6),
    ("JC", "ZP", None, 16), ("JC", "CY", None, 12),
    ("FJ", "HJ", "HJ-1", 10), ("FJ", "HJ", "HJ-2", 2), ("FJ", "HJ", None, 4),
    ("FJ", "PT", "PT-1", 6), ("FJ", "PT", None, 4), ("FJ", "TQ", None, 3), ("FJ", "KY", None, 3),
    ("FJ", "CY", None, 2),
    ("DB", "ZP", "ZP-1", 2), ("DB", "ZP", "ZP-2", 2), ("DB", "ZP", None, 2), ("DB", "CK", None, 2),
)  # fmt: skip


@dataclass(frozen=True)
class _Model:
    """One catalogue entry: what a machine is called, its model, and who makes it."""

    name: str
    model: str
    makers: tuple[str, ...]
    weight: int = 1
    areas: tuple[str, ...] = ()  # empty: fits any area
    on_line: bool | None = None  # True: only on a production line; False: only off-line


_CATALOGUE: dict[str, tuple[_Model, ...]] = {
    "YJ": (
        _Model("开式固定台压力机", "JH21-80", ("扬力", "沃得精机"), 2, ("CY",), True),
        _Model("开式固定台压力机", "JH21-110", ("扬力", "沃得精机"), 3, ("CY",), True),
        _Model("开式固定台压力机", "JH21-160", ("扬力", "沃得精机"), 3, ("CY",), True),
        _Model("开式固定台压力机", "JF21-160", ("金丰",), 2, ("CY",), True),
        _Model("开式固定台压力机", "JH21-200", ("扬力",), 1, ("CY",), True),
        _Model("开式双点压力机", "JH25-200", ("扬力",), 1, ("CY",), True),
        _Model("闭式单点压力机", "J31-315", ("济南二机床",), 1, ("CY",), True),
        _Model("闭式双点压力机", "J36-400", ("济南二机床",), 1, ("CY",), True),
        _Model("开式可倾压力机", "J23-63", ("扬力", "沃得精机"), 2, ("CY",), False),
        _Model("四柱液压机", "YQ32-315", ("天锻",), 1, ("CY",), False),
        _Model("开式可倾压力机", "J23-25", ("扬力", "金丰"), 2, ("ZP",)),
        _Model("单柱液压机", "Y41-25", ("天锻",), 1, ("ZP",)),
    ),
    "SL": (
        _Model("三合一送料机", "NCLF-400", ("锐升自动化", "永鸿机械"), 2),
        _Model("开卷校平送料机", "GLK3-600", ("锐升自动化", "永鸿机械"), 1),
    ),
    "JB": (
        _Model("液压摆式剪板机", "QC12Y-4×2500", ("扬力", "亚威"), 2),
        _Model("液压摆式剪板机", "QC12Y-6×2500", ("扬力", "亚威"), 2),
        _Model("液压闸式剪板机", "QC11Y-8×2500", ("亚威",), 1),
    ),
    "HJ": (
        _Model("CO2气体保护焊机", "NBC-350", ("奥太",), 3),
        _Model("CO2气体保护焊机", "NBC-500", ("奥太",), 1),
        _Model("CO2气体保护焊机", "YD-350GR3", ("松下",), 3),
        _Model("CO2气体保护焊机", "YD-500GR3", ("松下",), 1),
        _Model("CO2气体保护焊机", "NB-350", ("时代",), 2),
        _Model("逆变直流手工焊机", "ZX7-400", ("时代", "奥太"), 1),
        _Model("氩弧焊机", "WS-315", ("时代",), 1),
    ),
    "HQ": (
        _Model("弧焊机器人工作站", "MOTOMAN-MA1440", ("安川",), 2),
        _Model("弧焊机器人工作站", "MOTOMAN-AR1440", ("安川",), 2),
        _Model("弧焊机器人工作站", "ARC Mate 100iD", ("发那科",), 1),
        _Model("弧焊机器人工作站", "M-10iD/12", ("发那科",), 1),
    ),
    "QG": (
        _Model("空气等离子切割机", "LGK-100", ("时代", "奥太"), 2),
        _Model("型材切割机", "J3G-400", ("东成",), 1),
    ),
    "DM": (
        _Model("台式砂轮机", "MD3225", ("西菱",), 2, ("CY", "ZP", "HJ")),
        _Model("落地式砂轮机", "M3030", ("西菱",), 1, ("CY", "HJ")),
        _Model("角向磨光机", "S1M-FF03-100A", ("东成",), 2, ("HJ", "PT", "ZP")),
        _Model("角向磨光机", "GWS 900-100", ("博世",), 1, ("HJ", "PT")),
    ),
    "PT": (
        _Model("静电粉末喷房", "PF-3000", ("华涂涂装", "新锐涂装"), 1, (), True),
        _Model("大旋风回收喷粉房", "DXF-4000", ("华涂涂装",), 1, (), True),
        _Model("水帘喷漆房", "SL-PQF4000", ("新锐涂装", "华涂涂装"), 1, (), False),
        _Model("干式喷漆房", "GS-PQF3000", ("新锐涂装",), 1, (), False),
    ),
    "HG": (
        _Model("粉末固化炉", "GHL-12-180", ("华涂涂装", "新锐涂装"), 1),
        _Model("前处理烘干炉", "HGL-8-120", ("华涂涂装",), 1),
    ),
    "KY": (
        _Model("螺杆式空气压缩机", "GA37", ("阿特拉斯·科普柯",), 2),
        _Model("螺杆式空气压缩机", "GA55+", ("阿特拉斯·科普柯",), 1),
        _Model("变频螺杆式空气压缩机", "GA75VSD", ("阿特拉斯·科普柯",), 1),
        _Model("螺杆式空气压缩机", "R55i", ("英格索兰",), 1),
        _Model("螺杆式空气压缩机", "SA-60A", ("复盛",), 1),
    ),
    "YL": (
        _Model("立式储气罐", "C-2.0/0.8", ("申江", "华东压力容器"), 2, ("KY",)),
        _Model("立式储气罐", "C-3.0/0.8", ("申江",), 1, ("KY",)),
        _Model("立式储气罐", "C-1.0/0.8", ("申江", "华东压力容器"), 1, ("CY", "HJ")),
    ),
    "QZ": (
        _Model("电动单梁起重机", "LD 5t-16.5m", ("卫华", "河南矿山", "纽科伦"), 3, ("CY", "HJ", "CK")),
        _Model("电动单梁起重机", "LD 10t-16.5m", ("卫华", "河南矿山"), 1, ("CY",)),
        _Model("电动单梁悬挂起重机", "LX 3t-10m", ("卫华", "纽科伦"), 1, ("ZP",)),
        _Model("钢丝绳电动葫芦", "CD1 5t-12m", ("河南矿山",), 1, ("ZP", "CK")),
    ),
    "CC": (
        _Model("内燃平衡重式叉车", "CPCD30", ("合力", "杭叉"), 3),
        _Model("内燃平衡重式叉车", "CPCD35", ("合力", "杭叉"), 1, ("CK",)),
        _Model("蓄电池平衡重式叉车", "CPD20", ("合力", "杭叉"), 2),
        _Model("蓄电池平衡重式叉车", "CPD15", ("杭叉",), 1),
    ),
    "DT": (
        _Model("曳引式乘客电梯", "TKJ1000/1.75-JXW", ("西子奥的斯", "康力"), 1, ("BG",)),
        _Model("曳引式载货电梯", "THJ2000/0.5-JXW", ("西子奥的斯", "康力"), 1, ("CK",)),
    ),
    "PD": (
        _Model("低压配电柜", "GGD2", ("正泰", "德力西"), 3, ("PD",)),
        _Model("低压抽出式开关柜", "GCS", ("正泰", "德力西"), 2, ("PD",)),
        _Model("高压开关柜", "KYN28A-12", ("正泰",), 1, ("PD",)),
        _Model("低压无功补偿柜", "GGJ", ("正泰", "德力西"), 1, ("PD",)),
        _Model("动力配电箱", "XL-21", ("正泰", "德力西", "人民电器"), 3,
               ("CY", "HJ", "ZP", "CK", "KY", "BG")),
        _Model("照明配电箱", "PZ30-18", ("正泰", "德力西"), 1, ("CY", "HJ", "ZP", "CK", "KY", "BG")),
        # Paint dust and solvent vapour make the paint shop an explosion-risk zone.
        _Model("防爆配电箱", "BXMD51-6/K", ("华荣", "新黎明"), 1, ("PT", "TQ")),
    ),
    "JC": (
        _Model("台式钻床", "Z4116", ("西湖",), 3, ("ZP",)),
        _Model("摇臂钻床", "Z3050×16", ("中捷",), 1, ("ZP", "CY")),
        _Model("攻丝机", "SWJ-12", ("西湖",), 2, ("ZP",)),
        _Model("普通车床", "CA6140", ("沈阳机床", "大连机床"), 2, ("CY",)),
        _Model("万能摇臂铣床", "X6325", ("杭州机床",), 1, ("CY",)),
        _Model("平面磨床", "M7130", ("杭州机床",), 1, ("CY",)),
        _Model("电火花线切割机床", "DK7740", ("三光",), 1, ("CY",)),
    ),
    "FJ": (
        _Model("移动式焊烟净化器", "JH-1.5", ("亚泰",), 2, ("HJ",)),
        _Model("焊烟集中净化系统", "JH-12000", ("亚泰",), 1, ("HJ",)),
        _Model("防爆离心风机", "4-72-6C", ("上风",), 2, ("PT", "TQ")),
        _Model("防爆轴流风机", "BT35-11-5.6", ("上风",), 1, ("PT", "TQ")),
        _Model("轴流排风机", "T35-11-5", ("上风", "亚泰"), 1, ("KY", "CY")),
        _Model("屋顶风机", "DWT-I-5", ("上风",), 1, ("CY",)),
    ),
    "DB": (
        _Model("半自动打包机", "KZB-II", ("永创",), 2, ("ZP",)),
        _Model("全自动捆扎机", "KZB-A", ("永创",), 1, ("ZP",)),
        _Model("缠绕包装机", "TP1650F", ("永创",), 1, ("CK",)),
    ),
}

# Serial-number prefix per manufacturer; each maker keeps one format, as nameplates do.
_MAKER_PREFIX: dict[str, str] = {
    "扬力": "YL", "济南二机床": "JE", "沃得精机": "WD", "金丰": "JF", "天锻": "TD",
    "锐升自动化": "RS", "永鸿机械": "YH", "亚威": "YW", "奥太": "AT", "松下": "PA", "时代": "SD",
    "安川": "YR", "发那科": "FA", "东成": "DC", "西菱": "XL", "博世": "BS", "华涂涂装": "HT",
    "新锐涂装": "XR", "阿特拉斯·科普柯": "AII", "英格索兰": "IR", "复盛": "FS", "申江": "SJ",
    "华东压力容器": "HD", "卫华": "WH", "河南矿山": "KS", "纽科伦": "NK", "合力": "HL",
    "杭叉": "HC", "西子奥的斯": "XO", "康力": "KL", "正泰": "ZT", "德力西": "DX",
    "人民电器": "RM", "华荣": "HR", "新黎明": "XM", "西湖": "XH", "中捷": "ZJ",
    "沈阳机床": "SY", "大连机床": "DL", "杭州机床": "HZ", "三光": "SG", "上风": "SF",
    "亚泰": "YT", "永创": "YC",
}  # fmt: skip

# Risk-grade weights (major, considerable, general, low) per type: paint booths burn and explode,
# presses and lifting gear crush, most other machines are ordinary.
_RISK_WEIGHTS: dict[str, tuple[int, int, int, int]] = {
    "YJ": (2, 8, 2, 0), "SL": (0, 2, 6, 1), "JB": (0, 6, 3, 0), "HJ": (0, 2, 8, 1),
    "HQ": (0, 2, 7, 1), "QG": (0, 2, 6, 1), "DM": (0, 2, 6, 2), "PT": (6, 2, 0, 0),
    "HG": (1, 5, 2, 0), "KY": (0, 3, 6, 0), "YL": (0, 6, 3, 0), "QZ": (1, 7, 2, 0),
    "CC": (0, 6, 3, 0), "DT": (0, 2, 6, 0), "PD": (0, 2, 7, 2), "JC": (0, 1, 5, 4),
    "FJ": (0, 1, 4, 5), "DB": (0, 0, 3, 6),
}  # fmt: skip

# Earliest install year per type: the plant opened in 2005, the paint line came in 2012 and the
# robot cell in 2019.
_EARLIEST_YEAR: dict[str, int] = {"HQ": 2019, "PT": 2012, "HG": 2012, "DT": 2010}
_PLANT_OPENED = dt.date(2005, 6, 1)

# --- Who owns which machine ------------------------------------------------------------------
# Building services (power, compressed air, pressure vessels, lifts) belong to the equipment
# department wherever they stand, and forklifts to logistics; everything else belongs to the
# department working in the area, with an owner holding a post that runs the machine.
_TYPE_OWNER: dict[str, tuple[str, tuple[str, ...]]] = {
    "PD": ("SB", ("SB-DG",)),
    "KY": ("SB", ("SB-KYJ",)),
    "YL": ("SB", ("SB-KYJ",)),
    "DT": ("SB", ("SB-WXQG", "SB-JL")),
    "CC": ("CC", ("CC-CCSJ",)),
}
_AREA_DEPARTMENT: dict[str, str] = {
    "CY": "CY", "HJ": "HJ", "ZP": "ZP", "PT": "PT", "TQ": "PT", "CK": "CC", "KY": "SB",
    "PD": "SB", "BG": "SB",
}  # fmt: skip
_OWNER_POSTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("YJ", "CY"): ("CY-CYG", "CY-BZ"), ("SL", "CY"): ("CY-CYG",), ("JB", "CY"): ("CY-CYG", "CY-MJ"),
    ("HJ", "CY"): ("CY-MJ",), ("DM", "CY"): ("CY-MJ",), ("JC", "CY"): ("CY-MJ",),
    ("QZ", "CY"): ("CY-XC",), ("FJ", "CY"): ("CY-BZ",),
    ("HJ", "HJ"): ("HJ-DHG",), ("HQ", "HJ"): ("HJ-JQR",), ("QG", "HJ"): ("HJ-DHG", "HJ-DM"),
    ("DM", "HJ"): ("HJ-DM",), ("QZ", "HJ"): ("HJ-BZ",), ("FJ", "HJ"): ("HJ-BZ",),
    ("YJ", "ZP"): ("ZP-ZPG",), ("HJ", "ZP"): ("ZP-ZPG", "ZP-BZ"), ("DM", "ZP"): ("ZP-ZPG",),
    ("JC", "ZP"): ("ZP-ZPG",), ("QZ", "ZP"): ("ZP-BZ",), ("DB", "ZP"): ("ZP-BZG",),
    ("PT", "PT"): ("PT-PQG", "PT-BZ"), ("HG", "PT"): ("PT-QCL",), ("DM", "PT"): ("PT-QCL",),
    ("FJ", "PT"): ("PT-BZ",), ("FJ", "TQ"): ("PT-TQG",),
    ("QZ", "CK"): ("CC-XC",), ("DB", "CK"): ("CC-CGY",),
    ("FJ", "KY"): ("SB-KYJ",),
}  # fmt: skip
# Electricians maintain anything that is mostly electrical; fitters the rest.
_ELECTRICAL_TYPES = frozenset({"PD", "HJ", "DT"})

# --- Safe operating procedures ---------------------------------------------------------------
# One short procedure per type, in the words posted next to a machine in a Chinese plant.
_PROCEDURES: dict[str, tuple[str, ...]] = {
    "YJ": (
        "开机前检查离合器、制动器、光电保护装置和急停按钮灵敏可靠,模具紧固无松动。",
        "空车试运行2~3次,确认滑块运行及脚踏开关、双手按钮动作正常后方可作业。",
        "严禁将手或身体任何部位伸入模具区域,取放工件必须使用专用工具。",
        "一人一机操作,脚踏开关不用时脚必须离开开关。",
        "发现异响、连冲或保护装置失效,立即停机断电并报告班组长,挂牌上锁后方可检修。",
        "作业结束将滑块停于下死点,切断电源,清理工作台面。",
    ),
    "SL": (
        "上料前检查料架制动、压臂及校平辊正常,周边无人员站立。",
        "卷料吊装使用专用吊具,放稳卡紧后方可剪断捆带,防止钢带弹出伤人。",
        "穿料和调整送料长度必须在点动模式下进行,严禁手伸入辊轮之间。",
        "运行中不得触碰钢带及辊轮,异常时立即按急停按钮。",
    ),
    "JB": (
        "开机前检查刀片紧固、压料装置、后挡料及防护栏完好。",
        "严禁剪切超过额定厚度的板料及淬火钢,严禁叠料剪切。",
        "送料时手指距刀口不少于200mm,严禁将手伸入压料脚下方。",
        "多人配合作业时由一人统一指挥并操作脚踏开关。",
        "作业结束切断电源,清理边角废料。",
    ),
    "HJ": (
        "作业前检查焊机外壳接地可靠,焊把线绝缘无破损,接头牢固。",
        "持焊工特种作业证上岗,穿戴焊工防护服、绝缘手套、面罩和劳保鞋。",
        "清除动火点10米内可燃物,配备灭火器,CO2气瓶直立固定并远离热源。",
        "更换焊丝、移动焊机或检修前必须先切断电源。",
        "作业结束关闭气瓶阀门和焊机电源,确认现场无遗留火种。",
    ),
    "HQ": (
        "开机前确认安全围栏门关闭、安全光栅和门锁有效,工作区内无人员。",
        "示教必须在低速模式下手持示教器进行,确认急停有效,严禁两人同时示教。",
        "自动运行时任何人不得进入围栏,进入前停止机器人并随身携带钥匙。",
        "每班清理焊枪喷嘴飞溅,检查送丝机构和防碰撞传感器。",
        "故障报警按复位程序处理,严禁短接安全回路。",
    ),
    "QG": (
        "作业前检查切割片或割嘴无裂纹、无损坏,防护罩齐全牢固。",
        "佩戴防护眼镜和手套,站在切割片侧面操作,切割方向严禁站人。",
        "工件夹紧后方可切割,进给平稳,不得用力过猛。",
        "清除火花飞溅方向的可燃物,必要时设挡板;更换切割片前切断电源。",
    ),
    "DM": (
        "开机前检查砂轮无裂纹,防护罩齐全,托架与砂轮间隙不大于3mm。",
        "启动后空转1分钟,运转平稳后方可使用。",
        "操作者站在砂轮侧面并佩戴防护眼镜,严禁戴手套操作台式砂轮机。",
        "不得两人同时使用一个砂轮,不得用砂轮侧面磨削。",
        "使用完毕切断电源,清理粉尘。",
    ),
    "PT": (
        "作业前开启排风系统运行5分钟以上,确认风量正常、可燃气体报警仪工作正常。",
        "穿防静电工作服,佩戴防毒面具,严禁携带火种和手机进入。",
        "喷房内油漆存放量不超过当班用量,空桶及时移出。",
        "每班检查喷枪及工件静电接地,接地不良时不得喷涂。",
        "作业结束先停喷涂,继续排风15分钟后关闭,废棉纱放入带盖金属桶。",
    ),
    "HG": (
        "开炉前检查加热器、循环风机、排风机及超温报警正常,炉内无易燃杂物。",
        "先开风机吹扫不少于5分钟,再点火升温。",
        "严格按工艺温度设定,不得擅自调高温控;超温报警立即停机检查。",
        "工件进出炉佩戴隔热手套,防止烫伤。",
        "停炉时先关加热,炉温降至60℃以下再停风机。",
    ),
    "KY": (
        "开机前检查油位、冷却器及皮带,确认出口阀门开启。",
        "运行中观察排气压力和温度,排气温度超过100℃立即停机。",
        "每班排放储气罐及管路冷凝水。",
        "严禁擅自调高压力设定;安全阀、压力表按期校验。",
        "检修前停机断电、泄压,挂“禁止合闸”警示牌。",
    ),
    "YL": (
        "每班检查压力表读数不超过最高工作压力,安全阀铅封完好。",
        "每班打开排污阀排放冷凝水,人站侧面,缓慢开启。",
        "检查罐体无变形、锈蚀和泄漏,基础螺栓紧固。",
        "严禁在罐体上焊接或敲击,检修前必须泄压并隔离。",
    ),
    "QZ": (
        "持证上岗,作业前检查制动器、限位器、钢丝绳、吊钩及防脱钩装置。",
        "空载试运行,确认各机构和急停按钮正常。",
        "严禁超载,吊物捆绑牢固,坚持“十不吊”。",
        "吊运时鸣铃警示,吊物下方严禁站人,不得从人员头顶通过。",
        "作业结束将吊钩升至安全高度,停于规定位置并切断电源。",
    ),
    "CC": (
        "持证驾驶,出车前检查制动、转向、喇叭、灯光、货叉、链条及轮胎。",
        "厂内限速5公里/小时,转弯和通道口减速鸣笛。",
        "不得超载、偏载,货物遮挡视线时倒车行驶。",
        "严禁货叉载人,严禁人员在货叉下方停留。",
        "停车时货叉落地,拉紧手刹,取下钥匙。",
    ),
    "DT": (
        "电梯必须在检验有效期内使用,检验合格标志张贴在轿厢内。",
        "严禁超载,货梯禁止人货混载。",
        "被困时按报警按钮等待救援,严禁扒门自救。",
        "发生火灾、地震时禁止使用电梯。",
    ),
    "PD": (
        "只允许持证电工操作,作业时穿绝缘鞋、戴绝缘手套。",
        "停电检修执行停电、验电、挂接地线、挂牌上锁,严禁约时送电。",
        "柜门关闭上锁,柜前0.8米内不得堆放物品,配备绝缘垫和灭火器。",
        "每月试验漏电保护器,检查接线端子有无过热变色。",
        "发现异味、冒烟立即切断上级电源并报告。",
    ),
    "JC": (
        "穿紧身工作服,扎紧袖口,戴工作帽,严禁戴手套操作旋转部件。",
        "工件和刀具装夹牢固,卡盘扳手用后立即取下。",
        "开车前检查防护罩和急停完好,变速必须停车进行。",
        "运转中不得测量工件或用手清除切屑。",
        "作业结束切断电源,清理机床并加油润滑。",
    ),
    "FJ": (
        "启动前检查叶轮、皮带及防护罩完好,风管连接无破损。",
        "防爆区域只允许使用防爆型风机,外壳接地可靠。",
        "运行中注意异常振动和电机温升,异常立即停机。",
        "定期清理风管和滤筒积尘,防止堵塞和积尘起火。",
        "检修时切断电源挂牌,叶轮完全停止后方可打开检修门。",
    ),
    "DB": (
        "开机前检查加热片、切刀及急停按钮正常。",
        "穿带时手远离切刀和加热部位,防止烫伤。",
        "工作台上不得放置杂物,包装件放平稳。",
        "卡带时先停机断电再处理。",
    ),
}

# --- Maintenance notes -----------------------------------------------------------------------
_MONTHLY_NOTES: dict[str, tuple[str, ...]] = {
    "YJ": ("检查离合器、制动器间隙,紧固模具及连杆螺栓", "检查光电保护、双手按钮及急停功能正常",
           "清洗润滑油路滤网,补充润滑油", "检查飞轮皮带张紧及气路压力"),
    "SL": ("清洁送料辊并检查包胶磨损", "检查伺服电机及编码器连接"),
    "JB": ("检查刀片间隙及液压油位", "检查后挡料丝杆润滑"),
    "HJ": ("检查焊把线绝缘及接地线", "清理机内积尘,检查散热风扇", "检查送丝轮及导电嘴"),
    "HQ": ("检查各轴减速机油位及电缆", "校验TCP及清枪站", "检查安全光栅及门锁"),
    "QG": ("检查割炬电极和喷嘴", "检查切割片及防护罩"),
    "DM": ("检查砂轮及托架间隙", "检查防护罩及接地"),
    "PT": ("更换过滤棉,测试排风风速", "检查静电接地及可燃气体报警仪"),
    "HG": ("检查温控仪及超温报警", "清理炉内积尘,检查链条润滑"),
    "KY": ("清洁空滤,检查油位及冷却器", "排放冷凝水,检查安全阀", "检查皮带及联轴器"),
    "YL": ("检查压力表、安全阀及排污阀", "检查罐体外观及基础"),
    "QZ": ("检查钢丝绳、吊钩及防脱钩装置", "检查制动器及上升限位", "检查大车、小车运行机构"),
    "CC": ("检查制动、转向及灯光喇叭", "检查货叉、链条及门架", "检查轮胎及液压系统"),
    "DT": ("检查门机、门锁及平层", "检查曳引机、制动器及钢丝绳"),
    "PD": ("紧固接线端子,红外测温无异常", "试验漏电保护器动作正常", "清扫柜内积尘,检查接地"),
    "JC": ("检查主轴润滑及导轨", "检查防护罩及急停"),
    "FJ": ("检查叶轮、皮带及轴承温升", "清理滤筒及风管积尘"),
    "DB": ("检查加热片及切刀", "清理导带轮"),
}
_ANNUAL_NOTES: dict[str, str] = {
    "YJ": "年度保养:更换润滑油,检测制动角,校验光电保护装置,检测电气绝缘",
    "KY": "年度保养:更换机油、油滤、油分芯和空滤,校验安全阀和压力表",
    "YL": "年度检查:安全阀校验、压力表校验,罐体壁厚抽测",
    "QZ": "年度自检:钢丝绳探伤,制动器及限位全面检查,载荷试验",
    "CC": "年度保养:更换机油及液压油,检查制动系统",
    "DT": "年度保养:全面检查曳引系统、安全钳及限速器",
    "PD": "年度预防性试验:绝缘电阻测试,接地电阻测试,断路器整定值复核",
}
_DEFAULT_ANNUAL_NOTE = "年度保养:全面检查电气及机械部分,更换易损件"
_DAILY_TYPES = frozenset({"YJ", "KY", "QZ"})  # operators log a daily check sheet (点检表)
_DENSE_TYPES = frozenset({"YJ", "SL", "JB", "HQ", "PT", "HG", "KY", "YL", "QZ", "CC", "DT"})
_DAILY_OK: dict[str, str] = {
    "YJ": "班前点检:离合器、制动器、光电保护正常",
    "KY": "班前点检:油位、排气温度、压力正常,已排冷凝水",
    "QZ": "班前点检:制动器、限位、吊钩正常",
}
_DAILY_CHECK_DAYS = 14

# --- Faults ----------------------------------------------------------------------------------
# (symptom, cause, fix, (min hours, max hours) of downtime). No type's everyday faults mention
# abnormal noise or foot switches: those belong to the two key presses' stories.
_Fault = tuple[str, str, str, tuple[float, float]]
_FAULTS: dict[str, tuple[_Fault, ...]] = {
    "YJ": (
        ("离合器结合不良,滑块下行缓慢", "离合器摩擦片磨损超限", "更换离合器摩擦片并调整间隙", (4, 16)),
        ("制动角超标,滑块停止位置偏下", "制动器摩擦片磨损、弹簧疲劳", "更换制动器摩擦片,调整制动角", (3, 10)),
        ("液压过载保护频繁动作", "过载保护油泵内泄,油位不足", "补充液压油,更换过载保护阀密封件", (2, 8)),
        ("光电保护装置无响应", "光幕接收器积尘、插头松动", "清洁光幕并紧固插头,试验遮光停机正常", (1, 3)),
        ("润滑系统低油压报警", "润滑油管接头漏油", "更换油管接头,补充润滑油", (1, 4)),
        ("主电机过热跳闸", "连续冲压超负荷,电机风道积尘", "清理电机风道,调整冲压节拍", (2, 6)),
    ),
    "SL": (
        ("送料长度偏差大", "送料辊包胶磨损,编码器松动", "更换送料辊包胶,紧固编码器", (2, 6)),
        ("伺服驱动器过载报警", "校平辊轴承卡滞", "更换校平辊轴承", (3, 8)),
    ),
    "JB": (
        ("剪切断面毛刺大", "刀口磨钝,刀片间隙过大", "修磨刀片并调整间隙", (2, 6)),
        ("压料脚不动作", "电磁换向阀卡滞", "清洗电磁换向阀", (2, 5)),
    ),
    "HJ": (
        ("焊枪堵塞,送丝不畅", "导电嘴飞溅堵塞,送丝软管积尘", "更换导电嘴,清理送丝软管", (0.5, 1.5)),
        ("焊机外壳带电,操作者有麻电感", "焊把线绝缘破损,接地线松脱", "更换焊把线,紧固接地并测试绝缘电阻", (1, 3)),
        ("焊机过热保护停机", "散热风扇损坏", "更换散热风扇", (1, 4)),
        ("焊缝气孔多,保护气流量不稳", "CO2减压流量计加热器损坏", "更换加热减压流量计", (0.5, 2)),
    ),
    "HQ": (
        ("焊枪堵塞,机器人报警停机", "喷嘴飞溅积聚,清枪站剪丝失效", "清理喷嘴,维修清枪剪丝站", (0.5, 2)),
        ("防碰撞传感器频繁触发", "工装夹具定位偏移", "校正夹具并修正示教点", (2, 6)),
        ("安全光栅误报停机", "光栅对射偏移", "重新对准光栅并试验", (0.5, 2)),
    ),
    "QG": (
        ("等离子切割机无法引弧", "电极、喷嘴烧损", "更换电极和喷嘴", (0.5, 1)),
        ("切割片崩裂(未伤人)", "切割片受潮,进给过猛", "更换合格切割片,对操作人员再培训", (0.5, 1)),
    ),
    "DM": (
        ("砂轮机振动大", "砂轮磨损不均,法兰盘松动", "修整砂轮,紧固法兰盘", (0.5, 2)),
        ("托架与砂轮间隙过大", "托架紧固螺栓松动", "调整托架间隙至3mm以内并紧固", (0.3, 1)),
    ),
    "PT": (
        ("喷房排风量不足,漆雾外溢", "过滤棉堵塞,排风机皮带打滑", "更换过滤棉,张紧风机皮带", (4, 12)),
        ("可燃气体报警仪误报", "探头老化", "更换探头并标定", (1, 4)),
        ("静电喷枪放电异常", "喷枪接地线断裂", "更换接地线并测试接地电阻", (1, 3)),
    ),
    "HG": (
        ("固化炉超温报警", "热电偶损坏,温控仪失准", "更换热电偶并校准温控仪", (2, 8)),
        ("输送链卡滞", "链条润滑不良,链轮磨损", "更换链轮,链条加注高温润滑脂", (3, 10)),
    ),
    "KY": (
        ("排气温度高报警停机", "冷却器翅片积尘,散热不良", "清洗冷却器,更换空滤", (3, 8)),
        ("排气压力上不去,有漏气声", "进气阀密封件老化", "更换进气阀维修包", (2, 6)),
        ("油气分离器压差大", "油分芯堵塞", "更换油分芯", (3, 6)),
    ),
    "YL": (
        ("储气罐安全阀漏气", "阀芯密封面磨损", "更换安全阀并送检校验", (1, 3)),
        ("自动排水阀不排水", "排水阀滤网堵塞", "清洗排水阀滤网", (0.5, 1)),
    ),
    "QZ": (
        ("大车运行啃轨", "车轮磨损,轨道偏差", "调整车轮,校正轨道", (4, 12)),
        ("起升制动器溜钩", "制动器间隙过大", "调整制动器间隙并做载荷试验", (1, 4)),
        ("上升限位器失灵", "限位开关损坏", "更换限位开关并试验", (1, 3)),
        ("遥控器失灵", "遥控接收器进灰受潮", "更换遥控接收器", (1, 3)),
    ),
    "CC": (
        ("叉车制动距离变长", "制动片磨损,制动液不足", "更换制动片,补充制动液", (2, 6)),
        ("门架升降抖动", "门架滚轮磨损,链条缺油", "更换门架滚轮,链条润滑", (3, 8)),
        ("液压系统漏油", "起升油缸密封件老化", "更换油缸密封件", (3, 8)),
        ("倒车蜂鸣器不响", "蜂鸣器线路断开", "修复线路", (0.5, 1)),
    ),
    "DT": (
        ("电梯开关门异常", "门刀与门球间隙变化", "维保单位调整门刀", (1, 4)),
        ("电梯困人", "厅门门锁触点接触不良", "维保单位救援,更换门锁触点", (1, 3)),
        ("平层误差超标", "平层感应器移位", "调整平层感应器", (1, 3)),
    ),
    "PD": (
        ("接线端子过热变色", "端子螺栓松动,接触电阻增大", "断电紧固端子,更换烧损端子", (1, 4)),
        ("漏电保护器频繁跳闸", "下级电缆绝缘下降", "查找并更换破损电缆", (1, 6)),
        ("照明回路断路器跳闸", "灯具进水短路", "更换灯具", (0.5, 2)),
    ),
    "JC": (
        ("主轴温升过高", "主轴轴承润滑不足", "清洗轴承并加注润滑脂", (2, 6)),
        ("冷却泵不出水", "冷却液箱切屑堵塞", "清理冷却液箱", (0.5, 2)),
        ("卡盘夹紧力不足", "卡爪磨损", "更换卡爪", (1, 3)),
    ),
    "FJ": (
        ("焊烟净化器吸力下降", "滤筒堵塞", "反吹清灰并更换滤筒", (1, 3)),
        ("风机电机过热", "电机轴承缺油", "加注轴承润滑脂", (1, 4)),
        ("风机皮带断裂", "皮带老化", "更换风机皮带", (1, 3)),
    ),
    "DB": (
        ("打包带粘合不牢", "加热片温度不足", "更换加热片", (0.5, 2)),
        ("切刀不切带", "切刀磨损", "更换切刀", (0.5, 1)),
    ),
}
# Expected faults per machine over the two years: presses and compressors break most often.
_FAULT_RATE: dict[str, float] = {
    "YJ": 1.1, "SL": 0.6, "JB": 0.6, "HJ": 0.35, "HQ": 1.0, "QG": 0.3, "DM": 0.2, "PT": 0.8,
    "HG": 0.7, "KY": 1.2, "YL": 0.2, "QZ": 0.6, "CC": 0.8, "DT": 0.6, "PD": 0.15, "JC": 0.3,
    "FJ": 0.3, "DB": 0.2,
}  # fmt: skip

# The field report's punch press: noise in three consecutive months, each time "lubricated and
# kept running", never traced to its cause.
_NOISE_FAULTS: tuple[tuple[str, str, str, float], ...] = (
    ("滑块运行时有异常响声", "初步判断为导轨润滑不足", "导轨加注润滑油,观察使用", 0.5),
    ("冲压时曲轴部位异响,较上月明显", "怀疑连杆球头间隙偏大,未拆检", "紧固连杆锁紧螺母,加注润滑脂,继续观察", 1.0),
    ("异响加剧,滑块运行伴随振动", "连杆球头及曲轴轴瓦磨损", "调整球头间隙,申请停机大修(待排产)", 2.0),
)
# Stamping line B's foot switch: seven same-type reports in two months in the field report.
_FOOT_SWITCH_FAULTS: tuple[tuple[str, str, str, float], ...] = (
    ("脚踏开关失灵,踩下后滑块不动作", "开关内部进油污,触点接触不良", "清理脚踏开关触点", 0.5),
    ("脚踏开关误动作,未踩踏时滑块下行", "开关无防护罩,被掉落废料压触", "更换脚踏开关并加装防护罩", 1.0),
    ("脚踏开关失灵", "开关复位弹簧疲劳断裂", "更换脚踏开关", 0.5),
    ("脚踏开关误动作,滑块意外下行(未伤人)", "开关线缆被叉车碾压,绝缘破损短路", "更换线缆并穿管保护", 1.5),
    ("脚踏开关误动作,出现连冲", "开关进水受潮", "更换防水型脚踏开关,建议加装双手按钮联锁", 2.0),
)
_BOOTH_FAULT = (
    "喷漆房通风系统异常,排风量不足,可燃气体报警",
    "排风机皮带断裂,过滤棉严重堵塞",
    "更换风机皮带和过滤棉,测试风速合格后恢复作业",
    18.0,
)
_BEARING_FAULT = (
    "主电机振动值上升,轴承温度偏高",
    "电机驱动端轴承磨损",
    "预防性更换电机轴承,避免轴承抱死引发火灾",
    8.0,
)
_AWAITING_PARTS = "已拆检,等待配件到货"


# --- Small date helpers ----------------------------------------------------------------------


def _add_months(d: dt.date, months: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(d.day, 28))


def _add_years(d: dt.date, years: int) -> dt.date:
    return _add_months(d, 12 * years)


def _month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _workday(d: dt.date) -> dt.date:
    # Maintenance happens on Saturdays but not Sundays; moving back never passes ``today``.
    return d - dt.timedelta(days=1) if d.weekday() == 6 else d


def _month_key(d: dt.date) -> int:
    return d.year * 12 + d.month


# --- Layout and items ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Slot:
    code: str
    type_code: str
    area_code: str
    line_code: str | None


def _layout() -> list[_Slot]:
    seq: dict[tuple[str, str], int] = {}
    slots: list[_Slot] = []
    for type_code, area_code, line_code, count in _LAYOUT:
        for _ in range(count):
            n = seq.get((type_code, area_code), 0) + 1
            seq[(type_code, area_code)] = n
            slots.append(_Slot(f"{type_code}-{area_code}-{n:04d}", type_code, area_code, line_code))
    return slots


def _pick_keys(rng: random.Random, slots: Sequence[_Slot]) -> dict[str, str]:
    line_b_presses = [s.code for s in slots if s.type_code == "YJ" and s.line_code == "CY-B"]
    noisy, foot = rng.sample(line_b_presses, 2)
    booths = [s.code for s in slots if s.type_code == "PT"]
    compressors = [s.code for s in slots if s.type_code == "KY"]
    return {
        "noisy_press": noisy,
        "foot_switch_press": foot,
        "ventilation_booth": rng.choice(booths),
        "bearing_compressor": rng.choice(compressors),
    }


class _Staff:
    """Active people by post and by department, for picking owners and maintainers."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.by_post: dict[str, list[str]] = {}
        self.by_department: dict[str, list[str]] = {}
        for p in people:
            if p.status != "active":
                continue
            self.by_post.setdefault(p.post_code, []).append(p.employee_no)
            self.by_department.setdefault(p.department_code, []).append(p.employee_no)

    def pick(self, rng: random.Random, posts: Sequence[str], department: str) -> str:
        candidates = [n for post in posts for n in self.by_post.get(post, [])]
        return rng.choice(candidates or self.by_department[department])


def _owner_spec(slot: _Slot) -> tuple[str, tuple[str, ...]]:
    if slot.type_code in _TYPE_OWNER:
        return _TYPE_OWNER[slot.type_code]
    department = _AREA_DEPARTMENT[slot.area_code]
    return department, _OWNER_POSTS.get((slot.type_code, slot.area_code), ())


def _pick_model(rng: random.Random, slot: _Slot) -> tuple[_Model, str]:
    fits = [
        m
        for m in _CATALOGUE[slot.type_code]
        if (not m.areas or slot.area_code in m.areas)
        and (m.on_line is None or m.on_line == (slot.line_code is not None))
    ]
    model = rng.choices(fits, weights=[m.weight for m in fits])[0]
    return model, rng.choice(model.makers)


def _serial_no(rng: random.Random, maker: str, built: dt.date, taken: set[str]) -> str:
    prefix = _MAKER_PREFIX[maker]
    style = sum(map(ord, prefix)) % 3  # fixed per maker, unlike hash() which is salted per run
    while True:
        n = rng.randrange(1, 100_000)
        if style == 0:
            serial = f"{prefix}{built:%y%m}{n:05d}"
        elif style == 1:
            serial = f"{built.year}{n:06d}"
        else:
            serial = f"{prefix}-{built.year}-{n % 10_000:04d}"
        if serial not in taken:
            taken.add(serial)
            return serial


def _install_date(rng: random.Random, slot: _Slot, today: dt.date, old: bool) -> dt.date:
    earliest = max(_PLANT_OPENED, dt.date(_EARLIEST_YEAR.get(slot.type_code, 2005), 1, 1))
    # ``old`` machines predate the history window, so their whole recent record is visible.
    latest = today - dt.timedelta(days=HISTORY_DAYS + 30 if old else 90)
    earliest = min(earliest, latest)
    # Skew towards recent years: machines are replaced and added as the plant grows.
    offset = rng.triangular(0, (latest - earliest).days, (latest - earliest).days * 0.7)
    return earliest + dt.timedelta(days=int(offset))


def _risk_grade(rng: random.Random, type_code: str, must_assess: bool) -> str | None:
    # A few machines have not been through risk assessment yet (F7 lists them as to-do).
    if not must_assess and rng.random() < 0.03:
        return None
    return rng.choices(RISK_LEVELS, weights=_RISK_WEIGHTS[type_code])[0]


def _procedure(type_code: str) -> str:
    return "\n".join(f"{i}. {step}" for i, step in enumerate(_PROCEDURES[type_code], start=1))


@dataclass(frozen=True)
class _Fate:
    """What happens to a machine over the history window (drives its records)."""

    status: str
    retired_on: dt.date | None = None  # stopped or scrapped: records end here
    lapsed_on: dt.date | None = None  # maintenance fell behind: scheduled records end here


def _pick_fate(
    rng: random.Random, special: bool, key: bool, install: dt.date, today: dt.date
) -> _Fate:
    if key:
        return _Fate("in_service")
    window_start = today - dt.timedelta(days=HISTORY_DAYS)
    # Only machines older than the window can have been parked, scrapped or neglected in it;
    # special equipment is never parked or scrapped, so its inspection dates stay meaningful.
    old = install < window_start and not special
    roll = rng.random()
    if roll < 0.02:
        return _Fate("under_repair")
    if roll < 0.04 and old:
        return _Fate("stopped", retired_on=_retire_date(rng, window_start, today))
    if roll < 0.06 and old and install.year < today.year - 10:
        return _Fate("scrapped", retired_on=_retire_date(rng, window_start, today))
    if roll < 0.12 and old:
        return _Fate("in_service", lapsed_on=today - dt.timedelta(days=rng.randint(15, 120)))
    return _Fate("in_service")


def _retire_date(rng: random.Random, window_start: dt.date, today: dt.date) -> dt.date:
    # Late enough to leave a few months of records, early enough to show that they stopped.
    return _random_date(rng, window_start + dt.timedelta(days=120), today - dt.timedelta(days=30))


def _inspection_plan(
    rng: random.Random, slots: Sequence[_Slot], today: dt.date
) -> dict[str, dt.date]:
    """Statutory inspection due dates: a handful overdue, some due within 30 days, rest later."""
    codes = [s.code for s in slots if _TYPES[s.type_code].special]
    order = rng.sample(codes, len(codes))
    type_of = {s.code: s.type_code for s in slots}
    plan: dict[str, dt.date] = {}
    for rank, code in enumerate(order):
        years = _INSPECTION_YEARS[type_of[code]]
        if rank < 4:
            offset = -rng.randint(3, 75)
        elif rank < 10:
            offset = rng.randint(1, 30)
        else:
            offset = rng.randint(31, 365 * years - 30)
        plan[code] = today + dt.timedelta(days=offset)
    return plan


# --- Maintenance -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    rng: random.Random
    staff: _Staff
    today: dt.date
    window_start: dt.date


def _maintainer(ctx: _Context, type_code: str) -> str:
    posts = ("SB-DG",) if type_code in _ELECTRICAL_TYPES else ("SB-WXQG",)
    return ctx.staff.pick(ctx.rng, posts, "SB")


def _history_start(item: Equipment, window_start: dt.date) -> dt.date:
    return max(window_start, item.install_date + dt.timedelta(days=20))


def _scheduled(ctx: _Context, item: Equipment, fate: _Fate) -> list[MaintenanceRecord]:
    start = _history_start(item, ctx.window_start)
    end = fate.retired_on or ctx.today
    records = _monthly(ctx, item, start, end) + _annual(ctx, item, start, end)
    if fate.lapsed_on is not None:
        # Nobody did the scheduled work after ``lapsed_on``: every next_due lies in the past.
        records = [
            r for r in records
            if r.date <= fate.lapsed_on and r.next_due is not None and r.next_due < ctx.today
        ]  # fmt: skip
    if item.inspection_due is not None:
        records += _statutory(ctx, item, start, item.inspection_due)
    return records


def _monthly(
    ctx: _Context, item: Equipment, start: dt.date, end: dt.date
) -> list[MaintenanceRecord]:
    rng = ctx.rng
    nominal = start.replace(day=rng.randint(1, 28))
    if nominal < start:
        nominal = _add_months(nominal, 1)
    dates: list[dt.date] = []
    while nominal <= end:
        dates.append(nominal)
        nominal = _add_months(nominal, 1)
    dense = item.type_code in _DENSE_TYPES
    records = []
    for i, d in enumerate(dates):
        # Small machines' paper logs have gaps; the most recent entry is always there, so only
        # machines chosen as lapsed end up overdue.
        if not dense and i < len(dates) - 1 and rng.random() < 0.2:
            continue
        records.append(
            MaintenanceRecord(
                equipment_code=item.code,
                date=_workday(d),
                kind="monthly",
                performed_by=_maintainer(ctx, item.type_code),
                notes=rng.choice(_MONTHLY_NOTES[item.type_code]),
                next_due=_add_months(d, 1),
            )
        )
    return records


def _annual(
    ctx: _Context, item: Equipment, start: dt.date, end: dt.date
) -> list[MaintenanceRecord]:
    anniversary = start + dt.timedelta(days=ctx.rng.randint(0, 364))
    records = []
    while anniversary <= end:
        records.append(
            MaintenanceRecord(
                equipment_code=item.code,
                date=_workday(anniversary),
                kind="annual",
                performed_by=_maintainer(ctx, item.type_code),
                notes=_ANNUAL_NOTES.get(item.type_code, _DEFAULT_ANNUAL_NOTE),
                next_due=_add_years(anniversary, 1),
            )
        )
        anniversary = _add_years(anniversary, 1)
    return records


def _statutory(
    ctx: _Context, item: Equipment, start: dt.date, due: dt.date
) -> list[MaintenanceRecord]:
    years = _INSPECTION_YEARS[item.type_code]
    body = ctx.rng.choice(_INSPECTION_BODIES)
    records = []
    inspected = _add_years(due, -years)
    next_due = due
    while inspected >= start:
        report = f"{item.type_code}{inspected.year}-{ctx.rng.randrange(1, 100_000):05d}"
        records.append(
            MaintenanceRecord(
                equipment_code=item.code,
                date=inspected,
                kind="statutory_inspection",
                performed_by=body,
                notes=f"定期检验结论:合格(检验报告编号 {report})",
                next_due=next_due,
            )
        )
        next_due = inspected
        inspected = _add_years(inspected, -years)
    return records


def _daily(ctx: _Context, item: Equipment, fate: _Fate, noisy: bool) -> list[MaintenanceRecord]:
    if item.type_code not in _DAILY_TYPES or fate.status != "in_service":
        return []
    records = []
    for back in range(_DAILY_CHECK_DAYS, 0, -1):
        d = ctx.today - dt.timedelta(days=back)
        if d.weekday() == 6 or d < _history_start(item, ctx.window_start):
            continue
        note = _DAILY_OK[item.type_code]
        if noisy and ctx.rng.random() < 0.4:
            note = "班前点检:滑块运行有异响,已报班组长"
        records.append(
            MaintenanceRecord(item.code, d, "daily", item.owner_employee_no, note, None)
        )
    return records


# --- Faults ----------------------------------------------------------------------------------


def _repair(ctx: _Context, item: Equipment, fault: FaultRecord) -> MaintenanceRecord:
    return MaintenanceRecord(
        equipment_code=item.code,
        date=fault.date,
        kind="repair",
        performed_by=_maintainer(ctx, item.type_code),
        notes=f"{fault.symptom}:{fault.fix}",
        next_due=None,
    )


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method: fine for the small means used here.
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def _random_faults(ctx: _Context, item: Equipment, fate: _Fate) -> list[FaultRecord]:
    rng = ctx.rng
    start = _history_start(item, ctx.window_start)
    end = (fate.retired_on or ctx.today) - dt.timedelta(days=1)
    faults: list[FaultRecord] = []
    months: set[int] = set()
    for _ in range(_poisson(rng, _FAULT_RATE[item.type_code])):
        # Keep a machine's random faults at least a month apart, so that only the key presses
        # show a month-on-month pattern for early warning to find.
        for _attempt in range(20):
            d = _random_date(rng, start, end)
            if not months & {_month_key(d) - 1, _month_key(d), _month_key(d) + 1}:
                break
        else:
            continue
        months.add(_month_key(d))
        symptom, cause, fix, (low, high) = rng.choice(_FAULTS[item.type_code])
        hours = round(rng.uniform(low, high) * 2) / 2
        faults.append(FaultRecord(item.code, d, symptom, cause, max(hours, 0.5), fix))
    return faults


def _pending_repair(ctx: _Context, item: Equipment) -> FaultRecord:
    """The fault that put an under-repair machine out of service a few days ago."""
    days = ctx.rng.randint(3, 12)
    symptom, cause, _fix, _hours = ctx.rng.choice(_FAULTS[item.type_code])
    return FaultRecord(
        item.code, ctx.today - dt.timedelta(days=days), symptom, cause, float(days * 24),
        _AWAITING_PARTS,
    )


def _scripted_faults(ctx: _Context, role: str, item: Equipment) -> list[FaultRecord]:
    rng = ctx.rng
    last_month = _month_start(ctx.today - dt.timedelta(days=1))
    last_day = ctx.today - dt.timedelta(days=1)
    faults = []
    if role == "noisy_press":
        # One report in each of the three months before today's: the 4th month is now.
        for back, (symptom, cause, fix, hours) in zip(range(2, -1, -1), _NOISE_FAULTS, strict=True):
            month = _add_months(last_month, -back)
            month_end = min(_add_months(month, 1) - dt.timedelta(days=1), last_day)
            # early in a month the current month may have only a day or two behind us
            d = _random_date(rng, min(month + dt.timedelta(days=2), month_end), month_end)
            faults.append(FaultRecord(item.code, d, symptom, cause, hours, fix))
    elif role == "foot_switch_press":
        # Repeated within the last two calendar months, as in the field report's red alert.
        first = _add_months(last_month, -1)
        dates = sorted(_random_date(rng, first, last_day) for _ in _FOOT_SWITCH_FAULTS)
        for d, (symptom, cause, fix, hours) in zip(dates, _FOOT_SWITCH_FAULTS, strict=True):
            faults.append(FaultRecord(item.code, d, symptom, cause, hours, fix))
    else:
        symptom, cause, fix, hours = _BOOTH_FAULT if role == "ventilation_booth" else _BEARING_FAULT
        d = _random_date(rng, ctx.window_start + dt.timedelta(days=60), last_day)
        faults.append(FaultRecord(item.code, d, symptom, cause, hours, fix))
    return faults


# --- Assembly --------------------------------------------------------------------------------


def _make_item(
    rng: random.Random,
    slot: _Slot,
    staff: _Staff,
    today: dt.date,
    key: bool,
    inspection_due: dt.date | None,
    serials: set[str],
) -> tuple[Equipment, _Fate]:
    etype = _TYPES[slot.type_code]
    model, maker = _pick_model(rng, slot)
    # Key and special machines predate the history, so their stories and inspections fit in it.
    install = _install_date(rng, slot, today, old=key or etype.special)
    department, posts = _owner_spec(slot)
    fate = _pick_fate(rng, etype.special, key, install, today)
    built = install - dt.timedelta(days=rng.randint(20, 200))  # made a while before delivery
    item = Equipment(
        code=slot.code,
        name=model.name,
        type_code=etype.code,
        model=model.model,
        manufacturer=maker,
        serial_no=_serial_no(rng, maker, built, serials),
        area_code=slot.area_code,
        line_code=slot.line_code,
        department_code=department,
        owner_employee_no=staff.pick(rng, posts, department),
        install_date=install,
        status=fate.status,
        risk_grade=_risk_grade(rng, etype.code, must_assess=key or etype.special),
        special=etype.special,
        inspection_due=inspection_due,
        procedure=_procedure(etype.code),
    )
    return item, fate


def _history(
    ctx: _Context, item: Equipment, fate: _Fate, role: str | None
) -> tuple[list[MaintenanceRecord], list[FaultRecord]]:
    records = _scheduled(ctx, item, fate)
    records += _daily(ctx, item, fate, noisy=role == "noisy_press")
    if role is not None:
        faults = _scripted_faults(ctx, role, item)
    else:
        faults = _random_faults(ctx, item, fate)
        if fate.status == "under_repair":
            faults.append(_pending_repair(ctx, item))
    records += [_repair(ctx, item, f) for f in faults]
    return records, faults


def generate_equipment(
    plant: DemoPlant, seed: int = 1, today: dt.date = DEFAULT_TODAY
) -> DemoEquipment:
    """Build the demo equipment ledger and its history, ending on ``today``."""
    rng = random.Random(seed)
    staff = _Staff(plant.people)
    slots = _layout()
    keys = _pick_keys(rng, slots)
    role_of = {code: role for role, code in keys.items()}
    due = _inspection_plan(rng, slots, today)
    ctx = _Context(rng, staff, today, today - dt.timedelta(days=HISTORY_DAYS))
    serials: set[str] = set()
    items: list[Equipment] = []
    maintenance: list[MaintenanceRecord] = []
    faults: list[FaultRecord] = []
    for slot in slots:
        role = role_of.get(slot.code)
        item, fate = _make_item(rng, slot, staff, today, role is not None, due.get(slot.code),
                                serials)
        records, item_faults = _history(ctx, item, fate, role)
        items.append(item)
        maintenance += records
        faults += item_faults
    kind_order = {k: i for i, k in enumerate(MAINTENANCE_KINDS)}
    maintenance.sort(key=lambda m: (m.equipment_code, m.date, kind_order[m.kind]))
    faults.sort(key=lambda f: (f.equipment_code, f.date))
    return DemoEquipment(
        types=EQUIPMENT_TYPES,
        items=tuple(items),
        maintenance=tuple(maintenance),
        faults=tuple(faults),
        key_equipment={role: keys[role] for role in KEY_EQUIPMENT_ROLES},
    )
