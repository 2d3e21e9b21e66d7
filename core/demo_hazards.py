"""Two years of demo hazards (隐患) for the demo plant, shaped like the field report.

The first year is the paper era: about 23 hazards a month, written on paper, handed over at shift
change, summarised and dispatched a day or two later, so a hazard takes about 72 hours from being
found to being archived and about a third miss their deadline. The second year runs on SafeDesk
(the switch is 12 months before ``today``): about 9 a month, dispatched within the hour, archived
in 3.8 hours on average, almost all on time, with 随手拍 reports by anyone, verified by the clerk
and rewarded with points and small red packets.

The field report's stories are in the data so that dashboards and early warnings (F8, F9) find
them: welding-area PPE violations are 37% of all hazards and cluster between 15:00 and 16:00;
stamping line B's foot switch is reported seven times in two months; the noisy press is reported
in three consecutive months; the spray booth's ventilation failure is fixed in 18 hours. The last
weeks hold open hazards in every step (two major ones among them) so every page shows something.

Everything that varies comes from ``random.Random(seed)`` and ``today`` (never the wall clock);
events end before ``today`` starts. Standard library only: core/ stays pure.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.demo_equipment import DEFAULT_TODAY, DemoEquipment, Equipment
from core.demo_plant import DemoPlant, Person
from core.hazards import DEFAULT_POINT_RULES
from core.workflow import (
    ARCHIVED,
    DISCOVERED,
    DISPATCHED,
    ESCALATED,
    MERGED_INTO,
    RECTIFIED,
    RECTIFY,
    REPORT_REJECTED,
    REPORTED,
    REVIEW_PASSED,
    REVIEW_REJECTED,
    REWARDED,
    VERIFIED,
    Event,
)

DEVICE = "demo"
MONTHS = 24
SWITCH_MONTHS = 12  # SafeDesk arrives this many months before today
BEFORE, AFTER = "before", "after"
PER_MONTH = {BEFORE: 23, AFTER: 9}  # the field report's 月均隐患数量
TARGET_HOURS = {BEFORE: 72.0, AFTER: 3.8}  # its 平均整改周期, found -> archived
WELDING_PPE_SHARE = 0.37
ON_TIME = {BEFORE: 0.68, AFTER: 0.96}
REJECTED_ONCE = {BEFORE: 0.10, AFTER: 0.07}
SNAPSHOT_REWARD_SHARE = 0.3
# The plant is in China: a wall time read as China Standard Time gives the same stamps on every
# PC, whatever its time zone (the stamps only have to be deterministic and in the past).
CST = dt.timezone(dt.timedelta(hours=8))

# (person's employee number, rule, points, reason = hazard number, hazard index, when)
Award = tuple[str, str, int, str, int, dt.datetime]


@dataclass(frozen=True)
class DemoHazards:
    # Rows for the hazards table with codes instead of ids: area_code, line_code,
    # equipment_code and reporter_employee_no are mapped to ids by the loader.
    hazards: list[dict[str, Any]]
    events: list[Event]
    awards: list[Award]


# --- What is found where -----------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """One kind of hazard a safety officer writes down, with what is done about it."""

    type: str
    area: str
    text: str  # the description; {where} is the spot
    measures: str  # what the dispatch asks for
    note: str  # what the rectifier reports
    cost: tuple[int, int] = (0, 0)  # yuan
    where: tuple[str, ...] = ()  # spots; {n} is a station/room number
    equipment: str | None = None  # an equipment type code: the hazard is on one such machine
    weight: float = 1.0


def _e(type_: str, area: str, text: str, measures: str, note: str, cost: tuple[int, int] = (0, 0),
       where: tuple[str, ...] = (), equipment: str | None = None, weight: float = 1.0) -> _Entry:
    return _Entry(type_, area, text, measures, note, cost, where, equipment, weight)


_WELD_SPOTS = ("手工焊接线{n}号工位", "手工焊接线{n}号工位", "机器人焊接线{n}号工作站",
               "焊接车间打磨区{n}号打磨台", "焊接车间东侧补焊区", "焊接车间返修区", "焊接车间切割区")

# Welding-area PPE violations: 37% of everything in the field report.
_PPE: tuple[_Entry, ...] = (
    _e("ppe", "HJ", "{where}电焊工焊接时未戴焊接面罩，仅用手持面罩偶尔遮挡",
       "立即停止作业，佩戴头戴式焊接面罩后方可恢复；班组长班前检查劳保穿戴",
       "当场纠正，当事人已佩戴头戴式面罩，班组开展劳保穿戴教育", where=_WELD_SPOTS, weight=2),
    _e("ppe", "HJ", "{where}焊工未穿阻燃工作服，袖口挽起，手臂裸露",
       "责令更换阻燃工作服并扣紧袖口", "已更换阻燃工作服，班组长复查确认", where=_WELD_SPOTS),
    _e("ppe", "HJ", "{where}打磨作业未戴防护眼镜", "佩戴防护眼镜，打磨台张贴“必须戴护目镜”标识",
       "已补发防护眼镜并张贴警示标识", (20, 80), where=("焊接车间打磨区{n}号打磨台",), weight=1.5),
    _e("ppe", "HJ", "{where}焊工未戴电焊手套，徒手扶持焊件", "停止作业，佩戴电焊手套；核查手套领用",
       "已补发电焊手套，当事人签字确认", (10, 40), where=_WELD_SPOTS, weight=1.5),
    _e("ppe", "HJ", "{where}烟尘较大，作业人员未戴防尘口罩", "佩戴KN95防尘口罩，检查烟尘净化器运行",
       "已发放防尘口罩，净化器运行正常", (20, 60), where=_WELD_SPOTS),
    _e("ppe", "HJ", "{where}辅助工近距离观看焊接，未戴护目镜", "设置挡弧光屏，辅助人员佩戴护目镜",
       "已加设挡光屏，辅助人员已佩戴护目镜", (150, 400), where=_WELD_SPOTS),
    _e("ppe", "HJ", "{where}焊工穿化纤衣物进行焊接作业", "更换纯棉或阻燃工装后作业",
       "已更换工装，班前会通报", where=_WELD_SPOTS),
    _e("ppe", "HJ", "{where}作业人员穿运动鞋进入焊接区，未穿劳保鞋", "更换防砸防烫劳保鞋",
       "已更换劳保鞋，当事人已教育", where=_WELD_SPOTS),
    _e("ppe", "HJ", "{where}打磨作业噪声大，作业人员未戴耳塞", "佩戴耳塞，打磨区补充耳塞取用点",
       "已补充耳塞并当场佩戴", (10, 30), where=("焊接车间打磨区{n}号打磨台", "焊接车间切割区")),
    _e("ppe", "HJ", "{where}仰焊作业未戴焊工帽和防火披肩", "佩戴焊工帽及披肩后作业",
       "已佩戴，班组补充领用", (30, 90), where=("焊接车间返修区", "手工焊接线{n}号工位")),
    _e("ppe", "HJ", "{where}焊接面罩护目镜片破裂仍在使用", "更换合格的护目镜片",
       "已更换镜片，班组每周检查面罩", (15, 40), where=_WELD_SPOTS),
    _e("ppe", "HJ", "{where}等离子切割未戴防护面屏", "佩戴防护面屏后作业", "已配发面屏并佩戴",
       (60, 150), where=("焊接车间切割区",)),
    _e("ppe", "HJ", "{where}调试人员进入围栏内未戴安全帽", "佩戴安全帽，入口张贴提示",
       "已佩戴安全帽，入口已张贴提示", where=("机器人焊接线{n}号工作站",)),
    _e("ppe", "HJ", "{where}临近下班，多名焊工摘下面罩作业", "班组长现场纠正，15:00增加专项巡查",
       "已纠正并纳入15:00专项巡查", where=("手工焊接线", "焊接车间东侧补焊区"), weight=1.5),
)

# Everything else, by area. Weights make stamping, welding and painting the busiest.
_OTHER: tuple[_Entry, ...] = (
    # 冲压车间
    _e("guard", "CY", "{where}冲床光电保护装置失效，遮挡光幕后滑块仍可下行",
       "停机检修光电保护装置，修复前禁止使用", "更换光幕接收器并调试，遮挡测试滑块可靠停止",
       (600, 1800), equipment="YJ", weight=2),
    _e("violation", "CY", "{where}冲床双手按钮被胶带固定短接",
       "立即拆除短接，对当班操作工进行违章处理和教育", "已恢复双手按钮功能，当事人已教育并考核",
       equipment="YJ", weight=1.5),
    _e("guard", "CY", "{where}冲床飞轮防护罩缺失", "加装飞轮防护罩", "已制作并安装飞轮防护罩",
       (300, 900), equipment="YJ"),
    _e("machinery", "CY", "{where}冲床换模后调模扳手遗留在工作台面", "清理工作台，执行换模后工具清点",
       "已清理，换模确认表增加工具清点项", equipment="YJ"),
    _e("guard", "CY", "{where}送料机卷料架旋转部位无防护栏", "加装防护栏及警示标识",
       "已加装1.2米防护栏并张贴警示", (400, 1200), equipment="SL"),
    _e("machinery", "CY", "{where}剪板机压料脚防护栅栏间隙过大，手指可伸入",
       "调整防护栅栏间隙至规范要求", "已更换防护栅栏，间隙不大于6毫米", (200, 600), equipment="JB"),
    _e("violation", "CY", "{where}冲压工单手操作，手伸入模具区取件", "停止作业，使用取件工具；班组开展案例教育",
       "已配发取件钳，班组长加强巡查", (50, 150), equipment="YJ", weight=1.5),
    _e("electrical", "CY", "{where}配电箱门锁损坏，箱门无法关闭", "更换门锁，箱门保持关闭",
       "已更换门锁并张贴“当心触电”标识", (50, 150), equipment="PD"),
    _e("housekeeping", "CY", "{where}堆放半成品料框，占用安全通道", "清理通道，划定料框定置区",
       "已清理并重新划线定置", (0, 300),
       where=("冲压A线与B线之间通道", "冲压车间模具存放区通道", "冲压车间东门通道")),
    _e("housekeeping", "CY", "{where}地面油污未及时清理，存在滑倒风险", "清理油污，查找漏油点并修复",
       "已清理地面，更换漏油的液压管接头", (50, 300),
       where=("冲压B线{n}号冲床旁", "冲压A线{n}号冲床旁", "冲压车间液压站周边")),
    _e("lifting", "CY", "{where}行车吊钩防脱钩装置失效", "停用行车，更换防脱钩舌片",
       "已更换防脱钩装置，试吊正常", (80, 300), equipment="QZ"),
    _e("lifting", "CY", "{where}行车钢丝绳局部断丝超标", "停用行车，更换钢丝绳并做载荷试验",
       "已更换钢丝绳，试吊合格后恢复使用", (1500, 3500), equipment="QZ"),
    _e("violation", "CY", "{where}吊运模具时下方有人员穿行", "设置吊运警戒区，吊运前鸣铃确认",
       "已划定吊运警戒线，行车工和当事人已教育", where=("冲压车间换模区", "冲压车间模具存放区")),
    _e("struck", "CY", "{where}模具堆放超高，上层模具未固定", "降低堆放高度，重模下置",
       "已重新摆放，上层限放轻模", (0, 200), where=("冲压车间模具存放区",)),
    _e("fire", "CY", "{where}灭火器压力表指针在红区", "更换灭火器并检查同区域其他灭火器",
       "已更换灭火器并更新月检卡", (80, 200), where=("冲压车间{n}号消防点",)),
    _e("vehicle", "CY", "{where}叉车在车间内超速行驶", "叉车限速5公里/小时，对司机进行教育",
       "已对司机教育考核，车间入口设置限速标识", (0, 300), equipment="CC"),
    # 焊接车间
    _e("electrical", "HJ", "{where}电焊机二次线绝缘层破损，导线外露", "停用焊机，更换焊把线",
       "已更换焊把线并规范接头", (120, 400), equipment="HJ", weight=1.5),
    _e("electrical", "HJ", "{where}电焊机外壳保护接地线松脱", "补接保护接地线，测量接地电阻",
       "已紧固接地线，接地电阻测量合格", (30, 100), equipment="HJ"),
    _e("fire", "HJ", "{where}焊接点5米内堆放纸箱等可燃物", "清除可燃物，动火点配备灭火器",
       "已清理可燃物并配备灭火器", (0, 150), where=("手工焊接线{n}号工位", "焊接车间东侧补焊区")),
    _e("ventilation", "HJ", "{where}焊接烟尘净化器滤筒堵塞，吸风效果差", "更换滤筒，建立定期清灰制度",
       "已更换滤筒，风量检测正常", (600, 1500), equipment="FJ"),
    _e("pressure", "HJ", "{where}乙炔瓶与氧气瓶间距不足5米，气瓶未固定", "按规定间距分开存放，加装防倒链",
       "已分开放置并加装气瓶固定链", (100, 400), where=("焊接车间切割区", "焊接车间气瓶存放点")),
    _e("guard", "HJ", "{where}焊接机器人安全围栏门联锁失效，开门后机器人未停止", "修复门联锁，确保开门即停",
       "更换安全门开关，测试开门停机正常", (300, 900), equipment="HQ"),
    _e("guard", "HJ", "{where}砂轮机防护罩缺失，托架间隙过大", "恢复防护罩，调整托架间隙不大于3毫米",
       "已安装防护罩并调整托架", (100, 300), equipment="DM"),
    _e("certificate", "HJ", "{where}一名焊工熔化焊接与热切割作业证已过期仍在上岗",
       "暂停其焊接作业，安排复审", "已参加复审培训，取证前调整为辅助岗位", (200, 400),
       where=("手工焊接线",), weight=0.5),
    _e("burn", "HJ", "{where}焊后工件未冷却即放在通道旁，未设警示", "设置冷却区及“当心烫伤”标识",
       "已设置工件冷却区并张贴标识", (50, 150), where=("手工焊接线{n}号工位", "焊接车间返修区")),
    _e("housekeeping", "HJ", "{where}焊接电缆横穿通道未做防护", "电缆架空或加盖过线槽",
       "已加装过线槽", (100, 300), where=("手工焊接线{n}号工位", "焊接车间主通道")),
    # 装配车间
    _e("guard", "ZP", "{where}小型冲床无防护挡板", "加装防护挡板", "已加装透明防护挡板",
       (200, 500), equipment="YJ"),
    _e("electrical", "ZP", "{where}临时用电私拉乱接，插线板串接使用", "拆除临时线路，由电工规范增设插座",
       "已拆除并由电工规范布线", (150, 500), where=("装配一线{n}号工位", "装配二线{n}号工位"),
       weight=1.5),
    _e("guard", "ZP", "{where}打包机旋转部位防护罩未复位", "恢复防护罩，防护罩加装联锁开关",
       "已复位防护罩并加装联锁", (100, 400), equipment="DB"),
    _e("guard", "ZP", "{where}输送带急停拉绳松脱", "恢复急停拉绳并测试", "已重新张紧，急停测试有效",
       (0, 100), where=("装配一线", "装配二线")),
    _e("housekeeping", "ZP", "{where}成品堆放超高，超出定置线", "按定置要求降低堆高",
       "已重新码放，堆高不超过1.5米", where=("装配车间成品暂存区", "装配二线线尾")),
    _e("struck", "ZP", "{where}线边货架上层零件箱未放稳，有坠落风险", "重物下置，货架加装挡边",
       "已调整摆放并加装挡边", (100, 300), where=("装配一线线边货架", "装配二线线边货架")),
    _e("violation", "ZP", "{where}操作钻床时戴线手套", "立即摘除手套，设备旁张贴“禁止戴手套”标识",
       "已纠正并张贴禁止标识", (0, 50), equipment="JC"),
    # 喷涂车间 and 调漆间
    _e("ventilation", "PT", "{where}喷漆房排风量不足，漆雾外逸", "检查风机皮带和过滤棉，恢复排风量",
       "已更换过滤棉并张紧皮带，排风量恢复", (500, 2000), equipment="PT", weight=1.5),
    _e("fire", "PT", "{where}喷漆房内废漆渣未及时清理", "清理漆渣，建立每班清理制度",
       "已清理漆渣，每班清理列入交接班", where=("喷涂车间{n}号喷漆房", "静电喷涂线")),
    _e("electrical", "PT", "{where}静电喷涂线接地线断开", "立即停线，恢复接地并测量接地电阻",
       "已恢复接地，接地电阻测量合格", (50, 200), where=("静电喷涂线",)),
    _e("burn", "PT", "{where}固化炉外壳隔热层脱落，表面温度过高", "修复隔热层，设置防烫警示",
       "已修复隔热层并张贴“当心高温”标识", (800, 2500), equipment="HG"),
    _e("burn", "PT", "{where}未设置洗眼器，酸碱液溅入眼睛无法及时冲洗", "在前处理区加装洗眼器",
       "已加装洗眼器并试用", (500, 1200), where=("喷涂车间前处理槽旁",)),
    _e("housekeeping", "PT", "{where}油漆空桶开盖随意堆放", "空桶加盖，及时回收至危废暂存间",
       "已加盖回收，危废台账已登记", where=("喷涂车间调色台旁", "静电喷涂线上件区")),
    _e("poisoning", "TQ", "{where}稀释剂桶未加盖，室内有刺鼻气味", "桶盖随用随盖，开启排风",
       "已加盖并保持排风运行", where=("调漆间",)),
    _e("fire", "TQ", "{where}油漆存放量超过一天用量", "多余油漆退回危化品库", "已退库，现场只存当班用量",
       where=("调漆间",)),
    _e("electrical", "TQ", "{where}防爆灯灯罩破损", "更换防爆灯具", "已更换合格防爆灯", (300, 600),
       where=("调漆间",)),
    _e("fire", "TQ", "{where}门口人体静电释放器损坏", "更换人体静电释放器", "已更换并测试", (200, 500),
       where=("调漆间",)),
    # 仓库
    _e("vehicle", "CK", "{where}叉车倒车蜂鸣器失灵", "停用叉车，修复倒车蜂鸣器", "已更换蜂鸣器，试车正常",
       (50, 150), equipment="CC", weight=1.5),
    _e("vehicle", "CK", "{where}叉车货叉升高后行驶", "对司机教育，货叉离地不超过30厘米行驶",
       "已对司机教育并考核", equipment="CC"),
    _e("violation", "CK", "{where}叉车司机未系安全带", "立即纠正，纳入班前检查", "已纠正，当事人已教育",
       equipment="CC"),
    _e("fall", "CK", "{where}顶层取货使用非标梯子，无人扶梯", "配备带护栏的登高梯", "已配备移动登高平台",
       (800, 1600), where=("仓库{n}号货架区",)),
    _e("struck", "CK", "{where}立柱被叉车撞击变形", "卸载该层货物，更换立柱并加装防撞护角",
       "已更换立柱并加装防撞护角", (300, 900), where=("仓库{n}号货架区",)),
    _e("fire", "CK", "{where}堆放托盘，通道宽度不足", "清理通道，地面施划禁止占用标线", "已清理并施划标线",
       (0, 200), where=("仓库东侧消防通道", "仓库北门消防通道")),
    _e("fire", "CK", "{where}应急照明灯断电后不亮", "更换应急照明灯电池", "已更换并测试持续照明时间",
       (60, 200), where=("仓库{n}号门", "仓库发货区")),
    _e("lifting", "CK", "{where}吊带磨损严重仍在使用", "报废该吊带，建立吊索具检查台账",
       "已报废更换，吊索具每月检查登记", (100, 300), equipment="QZ"),
    _e("certificate", "CK", "{where}一名叉车司机场(厂)内机动车辆作业证过期", "暂停其驾驶，安排复审",
       "已复审取证", (150, 300), where=("仓库",), weight=0.4),
    # 空压机房 and 配电室
    _e("pressure", "KY", "{where}储气罐安全阀超过校验期", "拆下安全阀送检，期间停用该罐",
       "安全阀校验合格后装回，铅封完好", (150, 300), equipment="YL"),
    _e("pressure", "KY", "{where}储气罐压力表超期未检定", "更换检定合格的压力表", "已更换压力表",
       (80, 200), equipment="YL"),
    _e("machinery", "KY", "{where}空压机皮带防护罩螺栓松脱", "紧固防护罩", "已紧固并加防松垫片",
       (0, 50), equipment="KY"),
    _e("electrical", "KY", "{where}电缆沟盖板缺失", "补齐电缆沟盖板", "已补齐盖板", (200, 500),
       where=("空压机房",)),
    _e("electrical", "PD", "{where}配电柜柜前绝缘胶垫破损", "更换绝缘胶垫", "已铺设合格绝缘胶垫",
       (200, 600), equipment="PD"),
    _e("electrical", "PD", "{where}挡鼠板缺失", "加装挡鼠板", "已加装50厘米挡鼠板", (100, 300),
       where=("配电室门口",)),
    _e("electrical", "PD", "{where}配电柜内积灰严重，接线端子发热变色", "停电清灰，紧固或更换端子",
       "已停电清灰并更换变色端子，红外测温正常", (200, 800), equipment="PD"),
    _e("fire", "PD", "{where}只配备水基型灭火器，不适用于电气火灾", "配备二氧化碳灭火器",
       "已配置4具二氧化碳灭火器", (400, 800), where=("配电室",), weight=0.5),
    # 办公区 and everywhere
    _e("electrical", "BG", "{where}插线板串联使用，电线杂乱", "拆除串联插线板，规范布线",
       "已整改并张贴用电提示", (50, 150), where=("综合楼{n}楼办公室",), weight=0.6),
    _e("fire", "BG", "{where}安全出口指示灯不亮", "更换指示灯", "已更换并测试", (80, 150),
       where=("综合楼{n}楼走廊",), weight=0.6),
    _e("other", "BG", "{where}急救箱药品过期", "更换过期药品，每月检查", "已补充药品并建立检查卡",
       (100, 200), where=("综合楼一楼前台", "车间休息室"), weight=0.4),
    _e("other", "CY", "{where}安全警示标识脱落", "重新张贴警示标识", "已补贴警示标识", (20, 80),
       where=("冲压B线{n}号冲床", "冲压A线{n}号冲床")),
    _e("fire", "ZP", "{where}消火栓箱前堆放物料", "清理消火栓周边，施划禁止堆放线",
       "已清理并施划黄色警示线", where=("装配车间{n}号消火栓",)),
)

_WEIGHTS_BY_AREA = {"CY": 1.6, "HJ": 1.3, "ZP": 1.0, "PT": 1.3, "TQ": 1.0, "CK": 1.1,
                    "KY": 0.8, "PD": 0.9, "BG": 0.6}

# Regulator visits in the paper era found what a regulator finds: missing records, signs, certificates.
_REGULATOR: tuple[_Entry, ...] = (
    _e("fire", "CK", "{where}消防通道被货物占用", "清理通道并施划禁止占用标线", "已清理并施划标线",
       where=("仓库东侧消防通道",)),
    _e("electrical", "TQ", "{where}照明灯具及开关为非防爆型", "更换为防爆型灯具和开关",
       "已更换防爆灯具及开关", (1500, 3000), where=("调漆间",)),
    _e("certificate", "CY", "{where}两名行车工特种设备作业人员证未按期复审", "暂停作业，安排复审",
       "两人已完成复审", (300, 600), where=("冲压车间",)),
    _e("other", "PT", "{where}未设置职业病危害告知卡", "在岗位醒目处设置告知卡", "已设置告知卡",
       (100, 300), where=("喷涂车间",)),
    _e("fire", "PT", "{where}灭火器配置数量不足", "按配置标准补足灭火器", "已补配8具灭火器",
       (800, 1500), where=("喷涂车间",)),
    _e("pressure", "HJ", "{where}空瓶与实瓶混放，未分区标识", "分区存放并设置空瓶、实瓶标识",
       "已分区存放并标识", (100, 300), where=("焊接车间气瓶存放点",)),
    _e("guard", "CY", "{where}部分冲床光电保护装置无定期测试记录", "建立每班测试记录", "已建立点检记录表",
       where=("冲压车间",)),
    _e("other", "ZP", "{where}岗位安全操作规程未张贴上墙", "各工位张贴安全操作规程", "已张贴上墙",
       (100, 300), where=("装配车间",)),
    _e("electrical", "PD", "{where}未配置绝缘手套、绝缘靴", "配置并定期检测绝缘用具",
       "已配置并送检绝缘手套、绝缘靴", (300, 600), where=("配电室",)),
    _e("lifting", "CK", "{where}吊索具无检查记录", "建立吊索具检查台账", "已建立台账并完成首次检查",
       where=("仓库",)),
    _e("vehicle", "CK", "{where}一台叉车未张贴定期检验合格标志", "补贴合格标志，核对检验报告",
       "已补贴合格标志", where=("仓库",)),
    _e("housekeeping", "HJ", "{where}安全通道标线磨损不清", "重新施划通道标线", "已重新施划",
       (500, 1200), where=("焊接车间",)),
    _e("other", "BG", "{where}应急预案演练记录不全", "补充演练并完善记录", "已组织演练并存档",
       where=("安全环保部",)),
    _e("fire", "HJ", "{where}动火作业审批单填写不全", "规范动火审批，专人审核", "已规范审批流程",
       where=("焊接车间",)),
    _e("poisoning", "TQ", "{where}未设置应急洗眼器和防毒面具柜", "配置洗眼器和应急防护用品柜",
       "已配置", (1200, 2500), where=("调漆间",)),
)

_REJECTIONS: tuple[tuple[str, str], ...] = (
    ("现场复查仍存在问题，整改不到位", "按复核意见重新整改，现场复查无遗留问题"),
    ("整改后未恢复点检记录，无法确认长期有效", "已补填点检记录，班组长每日签字"),
    ("整改措施与派发要求不一致", "已按派发措施重新整改"),
    ("只做了临时处理，未落实长效措施", "已补充长效措施，纳入班组日常点检"),
    ("警示标识张贴位置不醒目", "已将标识调整到醒目位置"),
    ("更换的配件规格与原厂不符", "已按原厂规格重新更换"),
    ("现场杂物仍未清理干净", "已彻底清理现场并拍照留存"),
)

# 随手拍 reports the clerk did not accept (not safety hazards; passed on to whoever handles them).
_NOT_HAZARDS: tuple[tuple[str, str, str], ...] = (
    ("BG", "更衣室柜门合页松动，关不严", "不属于安全隐患，已转行政部维修"),
    ("ZP", "车间空调出风口噪音大，影响午休", "不属于安全隐患，已转设备动力部列入维修计划"),
    ("HJ", "希望焊接车间休息区增加一台饮水机", "属于后勤建议，已转行政部"),
)

# Which department's people work in an area (reporters), and the default department to
# dispatch to when the caller gives no ids.
_AREA_STAFF = {"CY": "CY", "HJ": "HJ", "ZP": "ZP", "PT": "PT", "TQ": "PT", "CK": "CC",
               "KY": "SB", "PD": "SB", "BG": "ZB"}
_AREA_LEADERS = {"CY": ("CY-BZ", "CY-ZR"), "HJ": ("HJ-BZ", "HJ-ZR"), "ZP": ("ZP-BZ", "ZP-ZR"),
                 "PT": ("PT-BZ", "PT-ZR"), "TQ": ("PT-BZ", "PT-ZR"), "CK": ("CC-ZG",),
                 "KY": ("SB-JL", "SB-WXQG"), "PD": ("SB-DG", "SB-JL"), "BG": ("AQ-HB",)}
_SAFETY_OFFICE = ("AQ-AQY", "AQ-AQY", "AQ-ZJ")
_MANAGER_POSTS = frozenset(("CY-ZR", "HJ-ZR", "PT-ZR", "ZP-ZR", "SB-JL", "CC-ZG", "ZB-ZJL", "ZB-FZ"))

# When hazards are found (hour ranges and weights): the morning and afternoon rounds, little at
# lunch. Welding PPE violations cluster in 15:00-16:00, before the end of the shift.
_HOURS: tuple[tuple[float, float, float], ...] = (
    (8.0, 9.0, 5), (9.0, 10.0, 14), (10.0, 11.0, 16), (11.0, 12.0, 9), (12.0, 13.0, 3),
    (13.0, 14.0, 9), (14.0, 15.0, 14), (15.0, 16.0, 13), (16.0, 17.0, 11), (17.0, 17.5, 5),
)
_PPE_PEAK_SHARE = 0.72


# --- Calendar helpers --------------------------------------------------------------------


def _add_months(d: dt.date, months: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(d.day, last))


def month_windows(today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The 24 month-long windows [start, end) that end at ``today``; the first 12 are the paper
    era, the last 12 the SafeDesk era. Counts per month are counted over these windows."""
    return [(_add_months(today, i - MONTHS), _add_months(today, i - MONTHS + 1))
            for i in range(MONTHS)]


def switch_date(today: dt.date) -> dt.date:
    """The first day on SafeDesk."""
    return _add_months(today, -SWITCH_MONTHS)


def _at(day: dt.date, hours: float) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=round(hours * 60))


def _workday(day: dt.date, forward: int = 0) -> dt.date:
    """``forward`` working days after ``day`` (the plant works Monday to Saturday)."""
    while forward or day.weekday() == 6:
        day += dt.timedelta(days=1)
        if day.weekday() != 6:
            forward -= 1 if forward else 0
    return day


def _office_time(rng: random.Random, after: dt.datetime, days: int) -> dt.datetime:
    """A paper-era office moment (8:30-17:30) ``days`` working days after ``after``; on the
    same day at least 40 minutes later, else the next working morning."""
    day = _workday(after.date(), days)
    earliest = _at(day, 8.5)
    if day == after.date():
        earliest = max(earliest, after + dt.timedelta(minutes=40))
    closing = _at(day, 17.5)
    if earliest >= closing:
        earliest, closing = _at(_workday(day, 1), 8.5), _at(_workday(day, 1), 17.5)
    moment = earliest + (closing - earliest) * rng.random()
    return moment.replace(microsecond=0)


def _half_hour_up(moment: dt.datetime) -> dt.datetime:
    start = moment.replace(minute=0, second=0, microsecond=0)
    steps = -(-(moment - start).total_seconds() // 1800)
    return start + dt.timedelta(minutes=30 * steps)


def _minutes(rng: random.Random, low: float, high: float) -> dt.timedelta:
    return dt.timedelta(seconds=round(rng.uniform(low, high) * 60))


def _found_time(rng: random.Random, day: dt.date, ppe: bool) -> dt.datetime:
    if ppe and rng.random() < _PPE_PEAK_SHARE:
        return _at(day, rng.uniform(15.0, 16.0 - 1 / 60))
    low, high, _w = rng.choices(_HOURS, weights=[h[2] for h in _HOURS])[0]
    return _at(day, rng.uniform(low, high - 1 / 60))


def _random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A day in [start, end), rarely a Sunday (the plant rests; a few overtime Sundays)."""
    span = (end - start).days
    while True:
        day = start + dt.timedelta(days=rng.randrange(span))
        if day.weekday() != 6 or rng.random() < 0.1:
            return day


# --- Drafts ------------------------------------------------------------------------------


@dataclass
class _Round:
    rectified: dt.datetime
    reviewed: dt.datetime | None = None  # None: waiting for review
    passed: bool = True


@dataclass
class _Life:
    """When each step happened; a None ends the story there (the hazard is still open)."""

    recorded: dt.datetime  # discovered, or reported (随手拍)
    verified: dt.datetime | None = None  # 随手拍 accepted; also when a report was turned down
    dispatched: dt.datetime | None = None
    rounds: list[_Round] = field(default_factory=list)
    archived: dt.datetime | None = None

    def shift_from_rectification(self, delta: dt.timedelta) -> None:
        for r in self.rounds:
            r.rectified += delta
            if r.reviewed is not None:
                r.reviewed += delta
        if self.archived is not None:
            self.archived += delta


@dataclass
class _Draft:
    found: dt.datetime
    era: str
    entry: _Entry
    source: str
    reporter: Person
    area: str
    description: str
    location: str
    line: str | None = None
    machine: str | None = None
    grade: str = "general"
    life: _Life | None = None
    fixed: bool = False  # its durations are part of a story: calibration leaves them alone
    late: bool = False  # rectified after the deadline
    deadline: dt.datetime | None = None
    major: dict[str, Any] = field(default_factory=dict)  # the six fixes of a major hazard
    dispatcher: str = "clerk"
    reviewer: str = "reviewer"
    funds: float = 0.0
    cost: float = 0.0
    rejection: tuple[str, str] = ("", "")  # (review reason, what was done the second time)
    reward: int = 0  # 随手拍 red packet, yuan
    turned_down: str = ""  # the clerk's reason for not accepting a report
    merge_into: _Draft | None = None
    escalate: bool = False
    prepared: bool = False  # handlers, money and life are settled
    number: str = ""
    id: str = ""

    @property
    def closed(self) -> bool:
        return self.life is not None and self.life.archived is not None

    @property
    def total_hours(self) -> float:
        assert self.life is not None and self.life.archived is not None
        return (self.life.archived - self.found).total_seconds() / 3600


class _Staff:
    """People at work on a day, by post and department (someone hired later cannot report)."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.by_post: dict[str, list[Person]] = {}
        self.by_department: dict[str, list[Person]] = {}
        for p in people:
            if p.status == "left":
                continue
            self.by_post.setdefault(p.post_code, []).append(p)
            self.by_department.setdefault(p.department_code, []).append(p)
        self.everyone = [p for group in self.by_department.values() for p in group]

    def pick(self, rng: random.Random, day: dt.date, posts: Sequence[str] = (),
             departments: Sequence[str] = ()) -> Person:
        pool = [p for post in posts for p in self.by_post.get(post, ()) if p.hire_date <= day]
        if not pool:
            pool = [p for d in departments for p in self.by_department.get(d, ())
                    if p.hire_date <= day and p.post_code not in _MANAGER_POSTS]
        return rng.choice(pool or [p for p in self.everyone if p.hire_date <= day] or self.everyone)


@dataclass
class _Ctx:
    rng: random.Random
    plant: DemoPlant
    equipment: DemoEquipment
    today: dt.date
    users: Mapping[str, str]
    user_people: Mapping[str, str]
    departments: Mapping[str, str]
    staff: _Staff
    machines: dict[tuple[str, str], list[Equipment]]
    names: dict[str, str] = field(default_factory=dict)  # username -> display name

    @property
    def cutoff(self) -> dt.datetime:
        return dt.datetime.combine(self.today, dt.time())

    @property
    def yesterday(self) -> dt.date:
        return self.today - dt.timedelta(days=1)

    @property
    def switch(self) -> dt.date:
        return switch_date(self.today)

    def era(self, day: dt.date) -> str:
        return BEFORE if day < self.switch else AFTER

    def user_name(self, username: str) -> str:
        if username not in self.names:
            self.names[username] = self.plant.person(self.user_people[username]).name
        return self.names[username]

    def person_of(self, username: str) -> Person:
        return self.plant.person(self.user_people[username])

    def area_name(self, code: str) -> str:
        return self.plant.area(code).name

    def line_name(self, code: str) -> str:
        return next(ln.name for ln in self.plant.lines if ln.code == code)


def _machines(equipment: DemoEquipment) -> dict[tuple[str, str], list[Equipment]]:
    """Machines a random hazard may be on: in service, and not one of the story machines."""
    keys = set(equipment.key_equipment.values())
    out: dict[tuple[str, str], list[Equipment]] = {}
    for item in equipment.items:
        if item.status in ("in_service", "under_repair") and item.code not in keys:
            out.setdefault((item.area_code, item.type_code), []).append(item)
    return out


def _spot(ctx: _Ctx, entry: _Entry, day: dt.date,
          machine: Equipment | None = None) -> tuple[str, str, str | None, str | None]:
    """(text for {where}, location, line code, equipment code) for an entry."""
    rng = ctx.rng
    if machine is None and entry.equipment:
        pool = [m for m in ctx.machines.get((entry.area, entry.equipment), ())
                if m.install_date <= day]
        machine = rng.choice(pool) if pool else None
    if machine is not None:
        place = ctx.line_name(machine.line_code) if machine.line_code else ctx.area_name(machine.area_code)
        return f"{place}{machine.code}号", f"{place} {machine.code}", machine.line_code, machine.code
    pattern = rng.choice(entry.where or (ctx.area_name(entry.area),))
    where = pattern.format(n=rng.randint(1, 12 if "楼" not in pattern else 4))
    line = next((ln.code for ln in ctx.plant.lines if where.startswith(ln.name)), None)
    return where, where, line, None


def _reporter(ctx: _Ctx, area: str, source: str, day: dt.date) -> Person:
    rng = ctx.rng
    if source == "regulator":
        return ctx.person_of("lead")  # the safety lead walks the inspectors round and records
    if source == "snapshot":
        departments = ("ZL",) if rng.random() < 0.2 else (_AREA_STAFF[area],)
        return ctx.staff.pick(rng, day, departments=departments)
    if source == "inspection" and rng.random() < 0.55:
        return ctx.staff.pick(rng, day, posts=(rng.choice(_SAFETY_OFFICE),))
    return ctx.staff.pick(rng, day, posts=_AREA_LEADERS[area], departments=(_AREA_STAFF[area],))


def _draft(ctx: _Ctx, entry: _Entry, found: dt.datetime, source: str,
           machine: Equipment | None = None, grade: str = "general") -> _Draft:
    where, location, line, code = _spot(ctx, entry, found.date(), machine)
    return _Draft(found=found, era=ctx.era(found.date()), entry=entry, source=source,
                  reporter=_reporter(ctx, entry.area, source, found.date()), area=entry.area,
                  description=entry.text.format(where=where), location=location, line=line,
                  machine=code, grade=grade)


# --- Lifecycles --------------------------------------------------------------------------


def _paper_life(rng: random.Random, d: _Draft) -> _Life:
    """Paper era: written down on the spot, summarised and dispatched a day or two later,
    signed off on paper. The ledger was typed in later with the dates on the paper."""
    life = _Life(recorded=d.found)
    life.dispatched = _office_time(rng, d.found, rng.choice((0, 1, 1, 1, 1)))
    # A late fix is a fix that waited: for parts, for a fitter, for the next stop.
    days = rng.choice((0, 0, 0, 1)) + (rng.choice((1, 1, 2)) if d.late else 0)
    rectified = _office_time(rng, life.dispatched, days)
    if d.rejection[0]:
        reviewed = _office_time(rng, rectified, rng.choice((0, 1)))
        life.rounds.append(_Round(rectified, reviewed, passed=False))
        rectified = _office_time(rng, reviewed, rng.choice((0, 1)))
    reviewed = _office_time(rng, rectified, rng.choice((0, 0, 0, 1)))
    life.rounds.append(_Round(rectified, reviewed))
    life.archived = _office_time(rng, reviewed, rng.choice((0, 0, 0, 1)))
    return life


def _digital_life(rng: random.Random, d: _Draft) -> _Life:
    """SafeDesk era: recorded on the spot, dispatched within the hour, fixed the same shift."""
    life = _Life(recorded=d.found + _minutes(rng, 1, 6))
    start = life.recorded
    if d.source == "snapshot":
        life.verified = start = life.recorded + _minutes(rng, 8, 35)
    life.dispatched = start + _minutes(rng, 6, 30)
    # PPE is put right on the spot; other fixes take a fitter an afternoon.
    quick = d.entry.type in ("ppe", "violation", "housekeeping")
    fix = _minutes(rng, 10, 35) if quick else dt.timedelta(hours=rng.triangular(0.8, 5.5, 2.5))
    if d.late:
        fix += dt.timedelta(hours=rng.uniform(2, 6))
    rectified = life.dispatched + fix
    if d.rejection[0]:
        reviewed = rectified + _minutes(rng, 15, 50)
        life.rounds.append(_Round(rectified, reviewed, passed=False))
        rectified = reviewed + _minutes(rng, 30, 100)
    reviewed = rectified + _minutes(rng, 15, 55)
    life.rounds.append(_Round(rectified, reviewed))
    life.archived = reviewed + _minutes(rng, 5, 30)
    return life


def _life(rng: random.Random, d: _Draft) -> _Life:
    return _paper_life(rng, d) if d.era == BEFORE else _digital_life(rng, d)


def _prepare(ctx: _Ctx, d: _Draft) -> _Draft:
    """Who handles it, what it costs, whether review sends it back; then its life."""
    if d.prepared:
        return d
    d.prepared = True
    rng = ctx.rng
    d.dispatcher = "lead" if rng.random() < 0.15 else "clerk"
    d.reviewer = "lead" if rng.random() < 0.2 else "reviewer"
    low, high = d.entry.cost
    d.funds = float(round(rng.uniform(low, high), -1)) if high else 0.0
    d.cost = float(round(d.funds * rng.uniform(0.7, 1.0), -1)) if high else 0.0
    if d.source == "snapshot" and rng.random() < SNAPSHOT_REWARD_SHARE:
        d.reward = rng.choice((10, 20, 20, 50))
    if d.life is None:
        d.late = rng.random() > ON_TIME[d.era]
        if not d.rejection[0] and rng.random() < REJECTED_ONCE[d.era]:
            d.rejection = rng.choice(_REJECTIONS)
        d.life = _life(rng, d)
    return d


# --- The stories ------------------------------------------------------------------------


_NOISE: tuple[tuple[str, str, str, tuple[int, int]], ...] = (
    ("{where}冲床运行时滑块有异常响声", "停机检查导轨润滑，加注润滑油后试车观察",
     "导轨已加注润滑油，试车异响减弱，列入每日点检跟踪", (0, 100)),
    ("{where}冲床曲轴部位异响，较上月明显加重", "检查连杆及曲轴间隙，必要时拆检",
     "已紧固连杆锁紧螺母并加注润滑脂，异响仍在，列入重点监控", (100, 300)),
    ("{where}冲床异响加剧，滑块运行伴随振动，存在机械伤害风险", "立即停机，拆检连杆球头与曲轴轴瓦，安排大修",
     "已调整球头间隙，更换轴瓦的大修计划已报设备动力部，修复前限载运行", (800, 1500)),
)
_FOOT_SWITCH: tuple[tuple[str, str, str, tuple[int, int]], ...] = (
    ("{where}冲床脚踏开关失灵，踩下后滑块不动作", "停机清理脚踏开关触点，检查线路",
     "已清理触点，试机正常", (0, 50)),
    ("{where}冲床脚踏开关无防护罩，掉落废料可能压触开关", "加装脚踏开关防护罩",
     "已加装防护罩", (100, 200)),
    ("{where}冲床脚踏开关误动作，未踩踏时滑块自行下行", "停机更换脚踏开关，查明误动作原因",
     "已更换脚踏开关，原因为废料压触，防护罩已加固", (300, 500)),
    ("{where}冲床脚踏开关复位弹簧断裂，踩下后不能复位", "停机更换脚踏开关",
     "已更换脚踏开关", (200, 400)),
    ("{where}冲床脚踏开关线缆被叉车碾压，绝缘层破损", "更换线缆并穿管保护，叉车通道与设备区隔离",
     "已更换线缆并穿金属软管保护，设置隔离栏", (300, 700)),
    ("{where}冲床脚踏开关随意摆放，操作工站位不当易误踩", "固定脚踏开关位置，规范操作站位",
     "已用定位板固定脚踏开关，班组培训站位", (50, 150)),
    ("{where}冲床脚踏开关进水受潮，出现连冲", "更换防水型脚踏开关；技术部加装双手按钮联锁",
     "已更换防水型脚踏开关，技术部加装双手按钮联锁装置，从根本上消除误触", (2400, 3200)),
)


def _noisy_press(ctx: _Ctx) -> list[_Draft]:
    """One abnormal-noise report in each of three consecutive months, on the days maintenance
    logged the noise (the press's fault history)."""
    code = ctx.equipment.key_equipment["noisy_press"]
    machine = ctx.equipment.item(code)
    drafts = []
    faults = sorted(ctx.equipment.faults_of(code), key=lambda f: f.date)
    for fault, (text, measures, note, cost) in zip(faults, _NOISE, strict=False):
        entry = _e("machinery", "CY", text, measures, note, cost)
        day = min(fault.date, ctx.yesterday)  # a fault log can run to today: hazards never do
        found = _at(day, ctx.rng.uniform(8.3, 10.5))  # heard at the morning check (点检)
        drafts.append(_draft(ctx, entry, found, "inspection", machine))
    return drafts


def _foot_switch(ctx: _Ctx) -> list[_Draft]:
    """Seven same-type reports on stamping line B within two months (the red alert), on the
    days of the press's foot-switch faults, plus a duplicate 随手拍 merged into one of them."""
    rng = ctx.rng
    code = ctx.equipment.key_equipment["foot_switch_press"]
    machine = ctx.equipment.item(code)
    days = sorted(min(f.date, ctx.yesterday) for f in ctx.equipment.faults_of(code))
    # Guard findings around the faults, the earliest up to eight weeks before the last one:
    # the problem built up over two months.
    last = days[-1]
    first = min(days[0], last - dt.timedelta(weeks=8))
    while len(days) < len(_FOOT_SWITCH):
        days.append(first + dt.timedelta(days=rng.randint(0, (last - first).days)))
    drafts = []
    for i, (day, (text, measures, note, cost)) in enumerate(zip(sorted(days), _FOOT_SWITCH,
                                                               strict=False)):
        entry = _e("guard", "CY", text, measures, note, cost)
        source = "snapshot" if i % 3 == 2 else "inspection"
        drafts.append(_draft(ctx, entry, _found_time(rng, day, False), source, machine))
    target = drafts[2]
    dup_entry = _e("guard", "CY", "B线冲床脚踏开关又出问题了，滑块自己往下走", "", "")
    dup = _draft(ctx, dup_entry, target.found + dt.timedelta(minutes=rng.randint(20, 50)),
                 "snapshot", machine)
    dup.description = dup_entry.text
    dup.merge_into, dup.fixed = target, True
    dup.life = _Life(recorded=dup.found + _minutes(rng, 1, 4))
    dup.life.verified = dup.life.recorded + _minutes(rng, 10, 40)
    return [*drafts, dup]


def _booth_and_compressor(ctx: _Ctx) -> list[_Draft]:
    """The spray booth's ventilation failure (fixed in 18 hours) and the compressor's hot
    bearing, on their fault days."""
    rng, keys = ctx.rng, ctx.equipment.key_equipment
    drafts = []
    booth = ctx.equipment.item(keys["ventilation_booth"])
    fault = ctx.equipment.faults_of(booth.code)[0]
    # The story needs the whole 18 hours before today.
    day = min(fault.date, ctx.today - dt.timedelta(days=3))
    entry = _e("ventilation", "PT", "{where}通风系统异常，排风量不足，可燃气体报警器报警",
               "立即停止喷涂作业，检查排风机和过滤系统",
               "排风机皮带断裂、过滤棉严重堵塞，已更换皮带和过滤棉，风速测试合格后恢复作业", (1500, 2200))
    d = _draft(ctx, entry, _at(day, rng.uniform(15.2, 16.2)), "inspection", booth)
    d.fixed = True
    d.life = life = _Life(recorded=d.found + _minutes(rng, 2, 5))
    life.dispatched = life.recorded + _minutes(rng, 10, 20)
    fixed_at = d.found + dt.timedelta(hours=18) - _minutes(rng, 50, 70)
    life.rounds = [_Round(fixed_at, fixed_at + _minutes(rng, 30, 40))]
    life.archived = d.found + dt.timedelta(hours=18)
    drafts.append(d)
    compressor = ctx.equipment.item(keys["bearing_compressor"])
    fault = ctx.equipment.faults_of(compressor.code)[0]
    day = min(fault.date, ctx.yesterday)
    entry = _e("machinery", "KY", "{where}空压机电机轴承部位温度偏高，振动和噪声明显增大",
               "停机检查电机轴承，测量振动值", "已更换电机前后轴承，振动值恢复正常", (1200, 2000))
    drafts.append(_draft(ctx, entry, _at(day, rng.uniform(8.5, 11)), "inspection", compressor))
    return drafts


def _regulator_visits(ctx: _Ctx) -> list[_Draft]:
    """Quarterly regulator visits in the paper era, three or four findings each (the field
    report's 12 points deducted per visit); one finding is a major hazard. After the switch
    the regulator finds nothing (0 deductions)."""
    rng = ctx.rng
    pool = list(_REGULATOR)
    rng.shuffle(pool)
    windows = month_windows(ctx.today)
    drafts = []
    for visit, month in enumerate((1, 4, 7, 10)):
        start, end = windows[month]
        day = _random_day(rng, start + dt.timedelta(days=5), end - dt.timedelta(days=5))
        while day.weekday() > 3:  # they come Monday to Thursday
            day -= dt.timedelta(days=1)
        for _ in range(4 if visit % 2 else 3):
            entry = pool.pop()
            drafts.append(_draft(ctx, entry, _at(day, rng.uniform(9.3, 11.5)), "regulator"))
    major = _e("fire", "TQ", "{where}未设置可燃气体检测报警装置",
               "调漆间停用，加装可燃气体检测报警装置", "已安装2台可燃气体探测器并与排风机联锁，检测合格",
               (9000, 12000), where=("调漆间",))
    d = _draft(ctx, major, drafts[4].found + dt.timedelta(minutes=20), "regulator", grade="major")
    d.fixed = d.prepared = True
    d.dispatcher, d.reviewer = "clerk", "lead"
    d.funds, d.cost = 12000.0, 10860.0
    d.major = {"plan": "1. 调漆间停用，油漆转移至危化品库；2. 委托有资质单位安装可燃气体探测器，"
               "与排风机联锁；3. 验收合格后恢复使用。", "stop_production": True,
               "report_to_regulator": True}
    d.life = life = _Life(recorded=d.found)
    life.dispatched = _office_time(rng, d.found, 1)
    fixed_at = _office_time(rng, life.dispatched, 16)
    life.rounds = [_Round(fixed_at, _office_time(rng, fixed_at, 1))]
    life.archived = _office_time(rng, life.rounds[0].reviewed or fixed_at, 1)
    d.deadline = _at(_workday(life.dispatched.date(), 20), 17.5)
    return [*drafts, d]


def _turned_down(ctx: _Ctx) -> list[_Draft]:
    """随手拍 reports that were not safety hazards: the clerk turned them down with a reason."""
    rng, drafts = ctx.rng, []
    for area, text, reason in _NOT_HAZARDS:
        day = _random_day(rng, ctx.switch + dt.timedelta(days=30), ctx.today - dt.timedelta(days=45))
        entry = _e("other", area, text, "", "")
        d = _draft(ctx, entry, _found_time(rng, day, False), "snapshot")
        d.description, d.location = text, ctx.area_name(area)
        d.turned_down, d.fixed = reason, True
        d.life = _Life(recorded=d.found + _minutes(rng, 1, 5))
        d.life.verified = d.life.recorded + _minutes(rng, 20, 90)
        drafts.append(d)
    return drafts


# The open work of the last weeks: (step, days ago, source, PPE?). Every page has something.
_OPEN: tuple[tuple[str, int, str, bool], ...] = (
    ("pending", 1, "snapshot", True),
    ("pending", 3, "snapshot", False),
    ("discover", 1, "inspection", False),
    ("rectify", 2, "inspection", False),
    ("overdue", 9, "inspection", False),
    ("overdue", 37, "snapshot", False),
    ("review_again", 5, "inspection", False),
    ("archive", 2, "snapshot", False),
)


def _open_work(ctx: _Ctx) -> list[_Draft]:
    rng, drafts = ctx.rng, []
    for step, days_ago, source, ppe in _OPEN:
        day = _workday(ctx.today - dt.timedelta(days=days_ago))
        if day >= ctx.today:
            day = ctx.today - dt.timedelta(days=days_ago)
        entry = rng.choices(_PPE if ppe else _OTHER,
                            weights=[e.weight for e in (_PPE if ppe else _OTHER)])[0]
        hours = rng.uniform(8.5, 16.0) if not ppe else rng.uniform(15.0, 15.9)
        d = _draft(ctx, entry, _at(day, hours), source)
        d.fixed = True
        if step == "review_again":
            d.rejection = rng.choice(_REJECTIONS)
        _prepare(ctx, d)
        _stop_at(ctx, d, step)
        drafts.append(d)
    return drafts + _majors(ctx)


def _stop_at(ctx: _Ctx, d: _Draft, step: str) -> None:
    """Cut a full life back to the open step it is waiting in."""
    life = d.life
    assert life is not None
    life.archived = None
    if step in ("pending", "discover"):
        life.verified = None if step == "pending" else life.verified
        life.dispatched, life.rounds = None, []
        return
    if step in ("rectify", "overdue"):
        life.rounds = []
        hours = 72 if step == "rectify" else ctx.rng.choice((48, 72))
        assert life.dispatched is not None
        d.deadline = life.dispatched + dt.timedelta(hours=hours)
        d.late = d.escalate = step == "overdue"
        return
    if step in ("review", "review_again"):
        life.rounds[-1].reviewed = None


def _majors(ctx: _Ctx) -> list[_Draft]:
    """Two major hazards in rectification, dispatched with the six fixes (六定)."""
    rng, drafts = ctx.rng, []
    mixing = _e("fire", "TQ", "{where}可燃气体检测报警器失效，通气测试无报警，且未与排风机联锁",
                "立即停止调漆作业，撤出油漆和稀释剂，临时强制通风；更换防爆型可燃气体检测报警器并与排风机联锁",
                "", (24000, 28000), where=("调漆间",))
    plan_mixing = ("1. 调漆间立即停用，油漆、稀释剂转移至危化品库；2. 委托有资质单位更换2台防爆型可燃气体"
                   "探测器，报警值设为爆炸下限的25%，与排风机、声光报警联锁；3. 检测合格、联锁测试有效后"
                   "由安全环保部复查恢复使用；4. 此后每月测试一次报警功能并记录。")
    booths = [m for m in ctx.machines.get(("PT", "PT"), ()) if m.line_code]
    booth_entry = _e("ventilation", "PT", "{where}喷漆房通风不良，排风量不足设计值一半，作业时漆雾浓度超标",
                     "该喷漆房停用，喷涂任务调整到其他喷漆房；排查风机、风管和过滤系统",
                     "", (42000, 52000), equipment="PT")
    plan_booth = ("1. 该喷漆房停用，喷涂任务调整至其他喷漆房；2. 更换排风机及变频器，清理风管积漆，"
                  "更换全部过滤棉；3. 整改后委托第三方检测风速和有害物浓度；4. 检测合格并经复查后恢复生产。")
    for entry, days_ago, plan, weeks, machine in (
        (mixing, 13, plan_mixing, 3, None),
        (booth_entry, 40, plan_booth, 8, rng.choice(booths) if booths else None),
    ):
        day = _workday(ctx.today - dt.timedelta(days=days_ago))
        d = _draft(ctx, entry, _at(day, rng.uniform(9.0, 11.0)), "inspection", machine, "major")
        d.reporter = ctx.person_of("lead")
        d.fixed = d.prepared = True
        d.dispatcher, d.reviewer = "clerk", "lead"
        d.funds = float(round(rng.uniform(*entry.cost), -2))
        d.life = _Life(recorded=d.found + _minutes(rng, 2, 6))
        d.life.dispatched = d.life.recorded + _minutes(rng, 50, 100)  # within the 4 h for a major
        d.deadline = _at(d.life.dispatched.date() + dt.timedelta(weeks=weeks), 17.5)
        d.major = {"plan": plan, "stop_production": True, "report_to_regulator": True}
        drafts.append(d)
    return drafts


# --- Filling the months -----------------------------------------------------------------


def _targets(rng: random.Random, stories: Sequence[int], per_month: int, jitter: int) -> list[int]:
    """Hazards per month: around ``per_month``, summing to exactly ``per_month`` a month, never
    fewer than the month's stories (the excess comes off the other months)."""
    n = len(stories)
    counts = [per_month + rng.randint(-jitter, jitter) for _ in range(n)]
    while (diff := per_month * n - sum(counts)) != 0:
        i = rng.randrange(n)
        step = 1 if diff > 0 else -1
        if abs(counts[i] + step - per_month) <= jitter:
            counts[i] += step
    excess = 0
    for i, taken in enumerate(stories):
        if counts[i] < taken:
            excess += taken - counts[i]
            counts[i] = taken
    while excess > 0:
        i = max(range(n), key=lambda k: (counts[k] - stories[k], -k))
        if counts[i] <= stories[i]:
            break
        counts[i] -= 1
        excess -= 1
    return counts


def _fill(ctx: _Ctx, stories: Sequence[_Draft]) -> list[_Draft]:
    """Ordinary hazards around the stories, month by month, with welding PPE at 37% of each year."""
    rng = ctx.rng
    windows = month_windows(ctx.today)
    # Reports turned down or merged are not hazards (the measures skip them), so they do not
    # take a place in a month's count.
    taken = [sum(1 for s in stories if start <= s.found.date() < end and _counts(s))
             for start, end in windows]
    drafts: list[_Draft] = []
    for era, months in ((BEFORE, range(0, SWITCH_MONTHS)), (AFTER, range(SWITCH_MONTHS, MONTHS))):
        counts = _targets(rng, [taken[i] for i in months], PER_MONTH[era], 3 if era == BEFORE else 2)
        slots = [i for i, count in zip(months, counts, strict=True) for _ in range(count - taken[i])]
        story_ppe = sum(1 for s in stories if s.era == era and s.entry.type == "ppe")
        ppe = max(0, round(WELDING_PPE_SHARE * sum(counts)) - story_ppe)
        chosen = set(rng.sample(range(len(slots)), min(ppe, len(slots))))
        for k, month in enumerate(slots):
            drafts.append(_ordinary(ctx, windows[month], era, k in chosen))
    return drafts


def _counts(d: _Draft) -> bool:
    """Whether the measures count this draft as a hazard (see db/repositories/dashboard.py).
    The reports still waiting to be verified are days old, in the unfinished current month,
    which no before/after comparison of complete months sees: they keep their place."""
    return not d.turned_down and d.merge_into is None


def _ordinary(ctx: _Ctx, window: tuple[dt.date, dt.date], era: str, ppe: bool) -> _Draft:
    rng = ctx.rng
    pool = _PPE if ppe else _OTHER
    weights = [e.weight * _WEIGHTS_BY_AREA[e.area] for e in pool]
    entry = rng.choices(pool, weights=weights)[0]
    found = _found_time(rng, _random_day(rng, *window), ppe)
    if era == BEFORE:  # no 随手拍 before the system
        source = "inspection" if rng.random() < (0.85 if ppe else 0.78) else "other"
    else:
        roll = rng.random()
        source = "inspection" if roll < (0.62 if ppe else 0.5) else "snapshot"
        if not ppe and roll > 0.88:
            source = "other"
    return _prepare(ctx, _draft(ctx, entry, found, source))


# --- Calibration: the report's averages, exactly ------------------------------------------


def _calibrate(rng: random.Random, drafts: Sequence[_Draft], era: str, cutoff: dt.datetime) -> None:
    """Bring the era's average found -> archived to the target. Paper-era sign-offs move by
    whole days (they happen in office hours); SafeDesk-era fixes stretch or shrink. Story
    hazards keep their durations; the recent ones are left alone so nothing passes today."""
    # What ends before today is what the measures will see.
    closed = [d for d in drafts if d.era == era and d.closed and d.found + dt.timedelta(
        hours=d.total_hours) < cutoff]
    target = TARGET_HOURS[era] * len(closed)
    movable = [d for d in closed if not d.fixed and d.found < cutoff - dt.timedelta(days=2)]
    if not movable:
        return
    deficit = target - sum(d.total_hours for d in closed)
    if era == BEFORE:
        _shift_days(rng, movable, deficit)
    else:
        _stretch(movable, deficit)


def _shift_days(rng: random.Random, movable: Sequence[_Draft], deficit_hours: float) -> None:
    """Sign off some hazards a working day later (or earlier) until the sum is as close as
    whole days allow."""
    attempts = 20 * len(movable)
    while abs(deficit_hours) > 12 and attempts:
        attempts -= 1
        life = rng.choice(movable).life
        assert life is not None and life.archived is not None
        if deficit_hours > 0:
            moved = _at(_workday(life.archived.date(), 1), 0) + (life.archived - _at(life.archived.date(), 0))
        else:
            earlier = life.archived.date() - dt.timedelta(days=1)
            if earlier.weekday() == 6:
                earlier -= dt.timedelta(days=1)
            moved = _at(earlier, 0) + (life.archived - _at(life.archived.date(), 0))
            reviewed = life.rounds[-1].reviewed or life.archived
            moved = max(moved, reviewed + dt.timedelta(minutes=20))  # signed off right after review
            if moved >= life.archived:
                continue
        change = (moved - life.archived).total_seconds() / 3600
        if abs(deficit_hours - change) < abs(deficit_hours):
            life.archived = moved
            deficit_hours -= change


def _stretch(movable: Sequence[_Draft], deficit_hours: float) -> None:
    def fix_time(d: _Draft) -> dt.timedelta:
        assert d.life is not None and d.life.dispatched is not None
        return d.life.rounds[0].rectified - d.life.dispatched

    total = sum(fix_time(d).total_seconds() for d in movable) / 3600
    factor = max(0.2, 1 + deficit_hours / total)
    for d in movable:
        assert d.life is not None
        d.life.shift_from_rectification(fix_time(d) * (factor - 1))


# --- Deadlines --------------------------------------------------------------------------


def _set_deadline(rng: random.Random, d: _Draft) -> None:
    """The dispatch deadline, chosen so the hazard is on time or late as planned: paper-era
    deadlines are days (by 17:30); SafeDesk deadlines are hours."""
    life = d.life
    if d.deadline is not None or life is None or life.dispatched is None or not life.rounds:
        return
    done = life.rounds[-1].rectified
    if d.era == BEFORE:
        options = [_at(life.dispatched.date() + dt.timedelta(days=k), 17.5) for k in range(10)]
    else:  # "within N hours", rounded up to the half hour as people set them
        options = [_half_hour_up(life.dispatched + dt.timedelta(hours=h))
                   for h in (1, 2, 4, 8, 24, 48, 72)]
    options = [o for o in options if o > life.dispatched + dt.timedelta(minutes=30)]
    before = [o for o in options if o < done - dt.timedelta(minutes=10)]
    after = [o for o in options if o >= done]
    if d.late and before:
        d.deadline = before[-1]
    else:
        d.late = False
        d.deadline = after[min(len(after) - 1, rng.choice((0, 0, 1, 2)))]
    d.escalate = d.late and d.era == AFTER


# --- Events -----------------------------------------------------------------------------


@dataclass
class _Step:
    kind: str
    at: dt.datetime
    user: str | None  # demo username; None: the reporter or the system
    payload: dict[str, Any]
    award: tuple[str, str, int] | None = None  # (employee no, rule, points)
    name: str = ""


def _steps(ctx: _Ctx, d: _Draft) -> list[_Step]:
    life = d.life
    assert life is not None
    found = d.found.isoformat()
    first = {"found_at": found, "reporter_name": d.reporter.name}
    if d.source == "snapshot":
        steps = [_Step(REPORTED, life.recorded, None, first, name=d.reporter.name)]
        steps += _verification(ctx, d)
    else:
        steps = [_Step(DISCOVERED, life.recorded, _recorder(ctx, d), first)]
    if d.turned_down or d.merge_into is not None or life.dispatched is None:
        return steps
    steps.append(_Step(DISPATCHED, life.dispatched, d.dispatcher, _dispatch_payload(ctx, d)))
    steps += _escalations(ctx, d)
    steps += _rectification(ctx, d)
    if life.archived is not None:
        steps.append(_Step(ARCHIVED, life.archived, "clerk",
                           {"note": "", "closed_on": life.archived.date().isoformat()}))
    return steps


def _recorder(ctx: _Ctx, d: _Draft) -> str:
    """Who typed it in: the safety officer who found it (on SafeDesk), else the clerk."""
    if d.era == AFTER:
        for username in ("lead", "clerk", "reviewer"):
            if ctx.user_people.get(username) == d.reporter.employee_no:
                return username
    return "clerk"


def _verification(ctx: _Ctx, d: _Draft) -> list[_Step]:
    life = d.life
    assert life is not None
    if life.verified is None:
        return []
    if d.turned_down:
        return [_Step(REPORT_REJECTED, life.verified, "clerk", {"reason": d.turned_down})]
    if d.merge_into is not None:
        return [_Step(MERGED_INTO, life.verified, "clerk",
                      {"hazard_id": d.merge_into.id, "number": d.merge_into.number})]
    points = DEFAULT_POINT_RULES["verified_report"]
    steps = [_Step(VERIFIED, life.verified, "clerk", {"note": ""},
                   (d.reporter.employee_no, "verified_report", points))]
    if d.reward:
        steps.append(_Step(REWARDED, life.verified, "clerk",
                           {"amount": d.reward, "note": "随手拍有效线索奖励"}))
    return steps


def _dispatch_payload(ctx: _Ctx, d: _Draft) -> dict[str, Any]:
    assert d.deadline is not None
    payload: dict[str, Any] = {
        "department_id": ctx.departments[d.area], "rectifier_id": ctx.users["rectifier"],
        "reviewer_id": ctx.users[d.reviewer], "measures": d.entry.measures, "funds": d.funds,
        "deadline": d.deadline.replace(microsecond=0).isoformat(),
    }
    if d.grade == "major":
        payload.update(d.major)
    return payload


def _escalations(ctx: _Ctx, d: _Draft) -> list[_Step]:
    """What SafeDesk's overdue check appended: the department head first, the safety lead
    after a second period (see core.workflow.escalation_due)."""
    life = d.life
    if not d.escalate or life is None or life.dispatched is None or d.deadline is None:
        return []
    until = life.rounds[0].rectified if life.rounds else ctx.cutoff
    period = max(d.deadline - life.dispatched, dt.timedelta(hours=1))
    steps = []
    for level, due in ((1, d.deadline), (2, d.deadline + period)):
        at = due + _minutes(ctx.rng, 5, 50)
        if at < until:
            steps.append(_Step(ESCALATED, at, None, {
                "level": level, "step": RECTIFY, "deadline": d.deadline.isoformat(),
                "department_id": ctx.departments[d.area]}, name="SafeDesk"))
    return steps


def _rectification(ctx: _Ctx, d: _Draft) -> list[_Step]:
    life = d.life
    assert life is not None and d.deadline is not None
    steps = []
    points = DEFAULT_POINT_RULES["rectified_on_time"]
    fitter = ctx.user_people["rectifier"]
    for i, r in enumerate(life.rounds):
        again = i < len(life.rounds) - 1 or not r.passed
        note = d.entry.note if i == 0 else d.rejection[1]
        on_time = r.rectified <= d.deadline
        cost = d.cost if i == 0 else float(round(d.cost * 0.2, -1))
        # Points came with SafeDesk (安全积分制); the paper era had none.
        on_safedesk = r.rectified.date() >= ctx.switch
        award = (fitter, "rectified_on_time", points) if on_time and on_safedesk else None
        steps.append(_Step(RECTIFIED, r.rectified, "rectifier", {
            "note": note or "已整改", "cost": cost, "photos": [], "on_time": on_time}, award))
        if r.reviewed is None:
            break
        if again:
            steps.append(_Step(REVIEW_REJECTED, r.reviewed, d.reviewer, {"reason": d.rejection[0]}))
        else:
            steps.append(_Step(REVIEW_PASSED, r.reviewed, d.reviewer, {"reason": ""}))
    return steps


def _stamp_ms(at: dt.datetime) -> int:
    return int(at.replace(tzinfo=CST).timestamp() * 1000)


def _make_id(rng: random.Random, at: dt.datetime) -> str:
    """A UUIDv7 for a moment in the past, from the seeded generator (reproducible)."""
    value = (_stamp_ms(at) & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76 | rng.getrandbits(12) << 64 | 0b10 << 62 | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def _emit(ctx: _Ctx, drafts: Sequence[_Draft]) -> tuple[list[Event], list[Award]]:
    """Events in clock order with strictly increasing stamps; nothing from today on."""
    rng = ctx.rng
    flat = []
    for index, d in enumerate(drafts):
        for seq, step in enumerate(_steps(ctx, d)):
            at = step.at.replace(microsecond=0)
            if at >= ctx.cutoff:
                break
            flat.append((at, index, seq, step))
    flat.sort(key=lambda item: item[:3])
    events, awards = [], []
    last_ms, counter = -1, 0
    for at, index, _seq, step in flat:
        ms = _stamp_ms(at)
        counter = counter + 1 if ms == last_ms else 0
        last_ms = ms
        d = drafts[index]
        actor_id = ctx.users[step.user] if step.user else ""
        name = ctx.user_name(step.user) if step.user else step.name
        events.append(Event(_make_id(rng, at), d.id, step.kind, step.payload, actor_id, name, at,
                            (ms << 16) | counter, DEVICE))
        if step.award:
            person, rule, points = step.award
            awards.append((person, rule, points, d.number, index, at))
    return events, awards


def _row(d: _Draft) -> dict[str, Any]:
    return {"id": d.id, "number": d.number, "description": d.description, "type": d.entry.type,
            "grade": d.grade, "source": d.source, "area_code": d.area, "line_code": d.line,
            "equipment_code": d.machine, "location": d.location,
            "reporter_employee_no": d.reporter.employee_no, "reporter_name": d.reporter.name,
            "found_at": d.found.isoformat()}


# --- The generator ----------------------------------------------------------------------


def generate_hazards(plant: DemoPlant, equipment: DemoEquipment, users: Mapping[str, str],
                     user_people: Mapping[str, str], seed: int = 1,
                     today: dt.date | None = None,
                     departments: Mapping[str, str] | None = None) -> DemoHazards:
    """Two years of hazards ending before ``today`` (default: the equipment's default today).

    ``users`` maps the demo user names (clerk, lead, rectifier, reviewer) to user ids and
    ``user_people`` to their employee numbers; ``departments`` maps area codes to the id of the
    department that rectifies there (by default the department code stands in)."""
    today = today or DEFAULT_TODAY
    rng = random.Random(seed)
    ctx = _Ctx(rng, plant, equipment, today, users, user_people,
               departments or dict(_AREA_STAFF), _Staff(plant.people), _machines(equipment))
    stories = [*_regulator_visits(ctx), *_booth_and_compressor(ctx), *_noisy_press(ctx),
               *_foot_switch(ctx), *_turned_down(ctx), *_open_work(ctx)]
    for d in stories:
        _prepare(ctx, d)
    drafts = sorted([*stories, *_fill(ctx, stories)], key=lambda d: d.found)
    for era in (BEFORE, AFTER):
        _calibrate(rng, drafts, era, ctx.cutoff)
    numbers: dict[int, int] = {}
    for d in drafts:
        _set_deadline(rng, d)
        numbers[d.found.year] = numbers.get(d.found.year, 0) + 1
        d.number = f"YH-{d.found.year}-{numbers[d.found.year]:04d}"
        d.id = _make_id(rng, d.found)
    events, awards = _emit(ctx, drafts)
    return DemoHazards([_row(d) for d in drafts], events, awards)
