"""Deterministic demo risk register (F7) for the demo plant: risk points, their assessments
and control measures.

One point per area, one per machine of the types that dominate a metal-parts plant's risk
(spray booths, presses, curing ovens, cranes, forklifts, air receivers, compressors, welding
robots) and one per hazardous work activity of a post (动火、有限空间、吊装 …), so every
production post gets a risk notice card. The spray booths, the paint-mixing room and the press
with the failing foot switch are major risks, presses and welding considerable, warehouses and
offices low, as in the field report's plant.

Everything that varies comes from ``random.Random(seed)`` and ``today``; standard library only.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from core.demo_equipment import DemoEquipment
from core.demo_plant import DemoPlant
from core.risk import DEFAULT_CONTROL_LEVEL, score

# Which department runs each area (the demo loader's table; repeated so core stays standalone).
AREA_DEPARTMENT = {"CY": "CY", "HJ": "HJ", "PT": "PT", "TQ": "PT", "ZP": "ZP", "CK": "CC",
                   "KY": "SB", "PD": "SB", "BG": "ZB"}

E, M, T, P, R = "engineering", "management", "training", "ppe", "emergency"


@dataclass(frozen=True)
class _Template:
    name: str
    hazard_factors: str
    accidents: str
    method: str
    values: dict[str, float]  # the current assessment
    measures: tuple[tuple[str, str], ...]
    post: str | None = None
    activity: str | None = None
    earlier: dict[str, float] | None = None  # a first assessment before the measures worked


_PRESS_MEASURES = (
    (E, "安装光电保护装置（光幕）并与离合器联锁，双手操作按钮间距不小于 260 mm"),
    (E, "脚踏开关加装防护罩，防止误踩；飞轮、皮带等外露传动部位设防护罩"),
    (M, "执行《冲压工安全操作规程》，每班开机前点检光幕、急停与离合制动"),
    (M, "换模、调模、清理废料时停机断电并挂“禁止合闸”牌（上锁挂牌）"),
    (T, "冲压工持岗位培训合格证上岗，新员工三级安全教育不少于 24 学时"),
    (P, "佩戴防护手套、防噪声耳塞和防砸安全鞋，禁止戴线手套直接进模区"),
    (R, "发生手指伤害立即按急停，断指用清洁纱布包好冷藏随伤者送医，拨打 120"),
)
_BOOTH_MEASURES = (
    (E, "喷漆房设机械排风与可燃气体报警装置，报警与排风、停止供漆联锁"),
    (E, "房内电气、照明采用防爆型，设备可靠接地，设置静电导除装置"),
    (M, "作业现场油漆、稀释剂存量不超过一个班用量，废漆渣、抹布放入带盖金属桶"),
    (M, "严禁烟火，动火作业须办理动火审批并清除可燃物、检测合格"),
    (T, "喷漆工掌握有机溶剂危害与消防器材使用，每年专项培训不少于 8 学时"),
    (P, "佩戴防毒面具（有机蒸气滤毒盒）、防静电工作服和防护手套"),
    (R, "着火时立即停止供漆、切断电源，用干粉或二氧化碳灭火器扑救，拨打 119 并疏散"),
)
_WELD_MEASURES = (
    (E, "焊接工位设局部排烟除尘装置和挡弧屏，焊机外壳接地、二次线绝缘完好"),
    (M, "焊工持特种作业操作证上岗，证书到期前复审；焊接区 10 m 内不得存放可燃物"),
    (T, "每年开展焊接烟尘、触电和火灾预防培训"),
    (P, "佩戴焊接面罩、绝缘手套、阻燃工作服和防尘口罩"),
    (R, "发生触电立即切断电源后施救，烧伤用冷水冲洗，火情用灭火器扑救并报告"),
)

_AREA_TEMPLATES: dict[str, _Template] = {
    "CY": _Template(
        "冲压车间作业区", "冲床滑块往复运动、模具间隙、送料与取件、行车吊运、噪声",
        "机械伤害、起重伤害、物体打击、其他伤害", "lec", {"l": 3, "e": 6, "c": 15},
        _PRESS_MEASURES[:2] + _PRESS_MEASURES[3:]),
    "HJ": _Template(
        "焊接车间作业区", "电弧与焊接烟尘、焊机漏电、飞溅火花、气瓶存放",
        "触电、灼烫、火灾、中毒和窒息", "lec", {"l": 3, "e": 6, "c": 15}, _WELD_MEASURES),
    "ZP": _Template(
        "装配车间作业区", "手动工具与气动工具、压装设备、物料搬运、通道占用",
        "机械伤害、物体打击、其他伤害", "lec", {"l": 3, "e": 6, "c": 7},
        ((E, "压装设备加装双手按钮和防护栏"), (M, "物料定置摆放，安全通道宽度不小于 1.2 m 并保持畅通"),
         (T, "装配工岗前培训，熟悉气动工具安全使用"), (P, "佩戴防护手套和安全鞋"))),
    "PT": _Template(
        "喷涂车间（静电喷涂线）", "有机溶剂蒸气与漆雾形成爆炸性混合物、静电放电、固化炉高温",
        "火灾、其他爆炸、中毒和窒息、灼烫", "lec", {"l": 3, "e": 6, "c": 40}, _BOOTH_MEASURES),
    "TQ": _Template(
        "调漆间", "油漆、稀释剂等易燃液体倾倒与调配，蒸气积聚，静电",
        "火灾、其他爆炸、中毒和窒息", "lec", {"l": 3, "e": 6, "c": 40},
        ((E, "调漆间设防爆排风和可燃气体报警，门口设静电释放器"),
         (E, "存放易燃液体的容器密闭，设防泄漏托盘"),
         (M, "调漆间双人管理，存量不超过一昼夜用量，严禁携带火种进入"),
         (P, "佩戴防毒面具、防静电服与耐溶剂手套"),
         (R, "发生泄漏用吸附棉收集，禁止开关电器；着火用二氧化碳灭火器扑救并拨打 119"))),
    "CK": _Template(
        "仓库", "货架堆码、叉车行驶、高处取货",
        "物体打击、车辆伤害、高处坠落", "lec", {"l": 1, "e": 6, "c": 7},
        ((M, "货架标明限载，堆码高度不超过 2 m，重物放下层"),
         (M, "人车分流，仓库内叉车限速 5 km/h"), (P, "进入仓库穿安全鞋"))),
    "KY": _Template(
        "空压机房", "压缩空气系统超压、高温部件、噪声、转动部件",
        "容器爆炸、灼烫、机械伤害、其他伤害", "lec", {"l": 1, "e": 6, "c": 15},
        ((E, "储气罐安全阀、压力表定期校验，超压自动停机"),
         (M, "每日巡检记录压力、温度，储气罐每班排污"),
         (T, "空压机操作工持证上岗"), (P, "进入机房佩戴耳塞"),
         (R, "异常超压立即停机泄压并报告设备动力部"))),
    "PD": _Template(
        "配电室", "高低压配电柜带电部位、误操作、电缆老化",
        "触电、火灾", "lec", {"l": 1, "e": 6, "c": 15},
        ((E, "配电柜前后铺设绝缘垫，防小动物挡板完好"),
         (M, "执行工作票、操作票制度，停送电双人操作、一人监护"),
         (T, "电工持特种作业操作证（低压电工）上岗"), (P, "操作时穿绝缘鞋、戴绝缘手套"),
         (R, "触电时先断电再施救，必要时心肺复苏并拨打 120"))),
    "BG": _Template(
        "办公区", "电气线路与插座超负荷、楼梯湿滑", "火灾、其他伤害", "lec",
        {"l": 1, "e": 6, "c": 3},
        ((M, "下班切断办公设备电源，禁止使用大功率电器"),
         (M, "消防通道和安全出口保持畅通，灭火器每月检查"),
         (T, "每年组织一次消防疏散演练"))),
}

# Machines with their own risk point: type -> (template, operating post by area).
_POST_OF = {("YJ", "CY"): "CY-CYG", ("YJ", "ZP"): "ZP-ZPG", ("PT", "PT"): "PT-PQG",
            ("HG", "PT"): "PT-GJ", ("QZ", "CY"): "CY-XC", ("QZ", "CK"): "CC-XC",
            ("QZ", "HJ"): "HJ-BZ", ("QZ", "ZP"): "ZP-BZ", ("CC", None): "CC-CCSJ",
            ("YL", None): "SB-KYJ", ("KY", None): "SB-KYJ", ("HQ", None): "HJ-JQR"}
_EQUIPMENT_TEMPLATES: dict[str, _Template] = {
    "YJ": _Template(
        "{name}", "滑块下行时手进入模具区、脚踏开关误动作、离合制动失灵、光幕失效",
        "机械伤害", "lec", {"l": 3, "e": 6, "c": 15}, _PRESS_MEASURES,
        earlier={"l": 6, "e": 6, "c": 15}),
    "PT": _Template(
        "{name}", "漆雾与溶剂蒸气积聚、排风失效、静电火花、电气设备非防爆",
        "火灾、其他爆炸、中毒和窒息", "lec", {"l": 3, "e": 6, "c": 40}, _BOOTH_MEASURES),
    "HG": _Template(
        "{name}", "炉体高温表面、燃烧器熄火后燃气积聚、溶剂挥发",
        "灼烫、火灾、其他爆炸", "lec", {"l": 3, "e": 6, "c": 15},
        ((E, "燃烧器设熄火保护和炉膛前吹扫程序，排风与加热联锁"),
         (M, "每班检查温控与超温报警，炉内挂件不得超过额定装载"),
         (P, "出件时佩戴隔热手套"), (R, "超温或燃气泄漏时立即切断燃气、停炉并通风"))),
    "QZ": _Template(
        "{name}", "吊具、钢丝绳磨损断丝，限位失灵，吊物下站人，斜拉斜吊",
        "起重伤害、物体打击", "ls", {"likelihood": 3, "severity": 5},
        ((E, "上升限位、起重量限制器和紧急断电开关有效，吊钩防脱钩装置完好"),
         (M, "行车工持特种作业操作证（起重机司机）上岗，执行“十不吊”"),
         (M, "特种设备定期检验合格并在有效期内，每日班前检查钢丝绳和吊具"),
         (P, "佩戴安全帽"), (R, "吊物坠落或人员被困时立即停车断电，组织救援并报告"))),
    "CC": _Template(
        "{name}", "叉车超速、超载、视线受阻、倒车撞人、货叉载人",
        "车辆伤害、物体打击", "ls", {"likelihood": 3, "severity": 4},
        ((E, "叉车安装倒车蜂鸣器、蓝光警示灯和限速装置"),
         (M, "叉车司机持证上岗，厂内限速 5 km/h，严禁货叉载人"),
         (M, "每班点检制动、转向、喇叭和灯光"), (P, "佩戴安全帽、穿反光背心"))),
    "YL": _Template(
        "{name}", "压力容器超压、安全阀失效、腐蚀减薄",
        "容器爆炸", "ls", {"likelihood": 2, "severity": 5},
        ((E, "安全阀、压力表按期校验，铅封完好"),
         (M, "压力容器定期检验合格，每班排放冷凝水并记录"),
         (R, "超压时立即停止供气并打开泄压阀，人员撤离至安全区域"))),
    "KY": _Template(
        "{name}", "高温排气管路、联轴器转动部位、油气分离器超压",
        "灼烫、机械伤害、容器爆炸", "lec", {"l": 1, "e": 6, "c": 15},
        ((E, "转动部位设防护罩，排气温度超限自动停机"),
         (M, "每日巡检记录排气压力和温度，按期更换油气分离芯"),
         (P, "巡检佩戴耳塞和手套"))),
    "HQ": _Template(
        "{name}", "机器人运动范围内有人、弧光、焊接烟尘",
        "机械伤害、灼烫、中毒和窒息", "lec", {"l": 1, "e": 6, "c": 15},
        ((E, "机器人工作站设安全围栏和门联锁，开门即停机"),
         (M, "示教、维修时使用手持示教器低速模式，专人监护"),
         (T, "操作工经机器人操作专项培训合格"), (P, "佩戴焊接防护眼镜和防尘口罩"))),
}

# Hazardous work activities, each tied to the post that does it.
_ACTIVITY_TEMPLATES: tuple[tuple[str, str, _Template], ...] = (
    ("PT", "PT-QCL", _Template(
        "有限空间作业（前处理水池、喷漆房地沟清理）", "缺氧、有毒气体（硫化氢、有机溶剂蒸气）积聚、淹溺",
        "中毒和窒息、淹溺", "lec", {"l": 3, "e": 2, "c": 40},
        ((M, "执行“先通风、再检测、后作业”，办理有限空间作业审批"),
         (E, "作业前强制通风，作业中连续检测氧含量和有毒气体"),
         (M, "设专人监护，监护人不得离开，严禁盲目施救"),
         (T, "作业人员和监护人经有限空间专项培训合格"),
         (P, "佩戴正压式空气呼吸器或长管呼吸器、安全带和救援绳"),
         (R, "发生中毒窒息时监护人立即呼救并使用救援三脚架施救，拨打 120")),
        activity="有限空间作业")),
    ("HJ", "HJ-DHG", _Template(
        "动火作业（非固定焊接场所）", "焊接切割火花引燃周边可燃物、气瓶回火",
        "火灾、其他爆炸、灼烫", "lec", {"l": 3, "e": 2, "c": 40},
        ((M, "非固定动火点作业须办理动火作业票，清除 10 m 内可燃物"),
         (M, "设专人看火，作业结束后检查 30 分钟无残火方可离开"),
         (E, "乙炔瓶、氧气瓶间距不小于 5 m，距明火不小于 10 m，装回火防止器"),
         (P, "穿阻燃工作服、戴焊接面罩"), (R, "现场配备两具以上灭火器，着火立即扑救并拨打 119")),
        activity="动火作业")),
    ("HJ", "HJ-DHG", _Template(
        "手工电弧焊作业", "焊机漏电、电弧辐射、焊接烟尘、飞溅", "触电、灼烫、中毒和窒息",
        "lec", {"l": 3, "e": 6, "c": 15}, _WELD_MEASURES, activity="手工电弧焊")),
    ("HJ", "HJ-DM", _Template(
        "打磨作业", "砂轮片破裂飞出、粉尘、噪声", "物体打击、机械伤害、其他伤害",
        "lec", {"l": 3, "e": 6, "c": 7},
        ((E, "砂轮机防护罩完好，托架与砂轮间隙不大于 3 mm"),
         (M, "砂轮片使用前检查有无裂纹，严禁超速使用"),
         (P, "佩戴防护眼镜（面屏）、防尘口罩和耳塞")), activity="砂轮打磨")),
    ("PT", "PT-TQG", _Template(
        "调漆作业", "倾倒、搅拌易燃溶剂产生蒸气与静电", "火灾、其他爆炸、中毒和窒息",
        "lec", {"l": 3, "e": 6, "c": 40},
        ((E, "调漆容器接地，使用防爆搅拌器"),
         (M, "稀释剂随用随取，剩余物料当班退库"),
         (P, "佩戴防毒面具和耐溶剂手套"),
         (R, "溶剂溅入眼睛立即用洗眼器冲洗 15 分钟以上并就医")), activity="调漆")),
    ("PT", "PT-QCL", _Template(
        "脱脂、磷化前处理作业", "酸碱溶液飞溅、槽液加热", "灼烫、中毒和窒息",
        "lec", {"l": 3, "e": 6, "c": 7},
        ((E, "槽体设排风罩和液位报警"), (M, "添加药剂缓慢加入，先加水后加酸"),
         (P, "佩戴防酸碱手套、护目镜和防护围裙"),
         (R, "化学品灼伤立即用大量清水冲洗，使用紧急喷淋装置")), activity="前处理")),
    ("CY", "CY-MJ", _Template(
        "换模、调模作业", "滑块意外下行、模具吊装坠落、手部挤压", "机械伤害、起重伤害、物体打击",
        "lec", {"l": 3, "e": 6, "c": 15},
        ((M, "换模前停机断电，上锁挂牌，放置安全栓（安全块）"),
         (M, "模具吊装由持证行车工指挥配合"), (P, "佩戴防护手套和安全鞋"),
         (R, "发生挤压伤害立即停机，反向点动松开后施救")), activity="换模调模")),
    ("CY", "CY-XC", _Template(
        "吊装作业（卷料、模具吊运）", "吊物坠落、斜拉斜吊、吊物下站人", "起重伤害、物体打击",
        "lec", {"l": 3, "e": 6, "c": 15},
        ((M, "执行“十不吊”，重物吊运由专人指挥"), (E, "吊具、钢丝绳每日班前检查，报废标准上墙"),
         (P, "佩戴安全帽"), (R, "吊物坠落时立即停车，疏散人员并报告")), activity="吊装作业")),
    ("CY", "CY-WL", _Template(
        "物料搬运", "人工搬运重物、卷料滚落、通道狭窄", "物体打击、其他伤害",
        "lec", {"l": 3, "e": 6, "c": 3},
        ((M, "单人搬运不超过 25 kg，卷料放置固定架"), (P, "佩戴手套和防砸安全鞋")),
        activity="物料搬运")),
    ("SB", "SB-DG", _Template(
        "电气检修作业", "带电作业、误送电、临时用电线路破损", "触电、火灾",
        "lec", {"l": 1, "e": 6, "c": 40},
        ((M, "停电检修执行“停电、验电、挂接地线、挂牌”，上锁挂牌"),
         (M, "临时用电办理审批，使用漏电保护器"), (T, "电工持证上岗，每年复训"),
         (P, "使用绝缘工具，穿绝缘鞋，戴绝缘手套"),
         (R, "触电时立即断开电源，用绝缘物使触电者脱离，实施心肺复苏并拨打 120")),
        activity="电气检修")),
    ("SB", "SB-WXQG", _Template(
        "高处作业（设备及厂房检修登高）", "登高作业无防护、梯子滑倒、工具坠落", "高处坠落、物体打击",
        "lec", {"l": 3, "e": 3, "c": 15},
        ((M, "2 m 以上高处作业办理审批，设专人监护"), (E, "使用合格的移动式升降平台或人字梯"),
         (P, "系挂全身式安全带，佩戴安全帽"), (R, "发生坠落不要随意搬动伤员，拨打 120")),
        activity="高处作业")),
    ("SB", "SB-WXQG", _Template(
        "设备维修作业", "设备意外启动、能量未隔离", "机械伤害、触电",
        "lec", {"l": 3, "e": 6, "c": 7},
        ((M, "维修前执行能量隔离，上锁挂牌，钥匙本人保管"), (T, "维修钳工每年安全复训"),
         (P, "佩戴防护手套和安全鞋")), activity="设备维修")),
    ("CC", "CC-CCSJ", _Template(
        "叉车装卸作业", "装卸时货物倾倒、叉车倾翻、撞人", "车辆伤害、物体打击",
        "ls", {"likelihood": 3, "severity": 4},
        ((M, "叉车司机持证，装卸区设警示线，无关人员不得进入"), (E, "货物码放平稳，超高货物倒车行驶"),
         (P, "佩戴安全帽、穿反光背心")), activity="叉车装卸")),
    ("CC", "CC-CGY", _Template(
        "仓储保管作业", "高处取货、货架倒塌", "高处坠落、物体打击", "lec", {"l": 1, "e": 6, "c": 7},
        ((M, "高处取货使用带护栏的登高车"), (P, "穿安全鞋")), activity="仓储保管")),
    ("ZP", "ZP-ZPG", _Template(
        "装配作业", "气动扳手反作用力、压装挤手", "机械伤害、其他伤害", "lec", {"l": 3, "e": 6, "c": 3},
        ((E, "压装机双手按钮"), (M, "工装夹具定期点检"), (P, "佩戴防护手套")), activity="装配")),
    ("ZP", "ZP-BZG", _Template(
        "打包作业", "打包机带体回弹、割伤", "其他伤害", "lec", {"l": 1, "e": 6, "c": 1},
        ((M, "打包带剪断时手扶带体"), (P, "佩戴防割手套")), activity="打包")),
    ("ZL", "ZL-ZJY", _Template(
        "现场质量检验", "进入冲压、焊接现场检验时的机械与弧光伤害", "机械伤害、灼烫",
        "lec", {"l": 1, "e": 6, "c": 7},
        ((M, "进入生产区遵守车间安全规定，不得进入设备运行区域"),
         (P, "进入现场佩戴防护眼镜和安全鞋")), activity="质量检验")),
    ("AQ", "AQ-AQY", _Template(
        "安全巡查", "巡查途经行车、叉车作业区", "车辆伤害、起重伤害", "lec", {"l": 1, "e": 6, "c": 7},
        ((M, "巡查走安全通道，不在吊物下停留"), (P, "佩戴安全帽、穿反光背心")), activity="安全巡查")),
    ("ZB", "ZB-SJ", _Template(
        "公务车辆驾驶", "道路交通事故、疲劳驾驶", "车辆伤害", "lec", {"l": 1, "e": 6, "c": 15},
        ((M, "出车前检查车况，连续驾驶不超过 4 小时"), (T, "每年交通安全教育")),
        activity="车辆驾驶")),
    ("ZB", "ZB-WY", _Template(
        "办公室作业", "电气插座超负荷、久坐", "火灾、其他伤害", "lec", {"l": 1, "e": 6, "c": 1},
        ((M, "下班关闭电源"), (T, "每年消防安全培训")), activity="办公")),
)


@dataclass
class DemoRisk:
    points: list[dict[str, Any]] = field(default_factory=list)
    measures: list[dict[str, Any]] = field(default_factory=list)
    assessments: list[dict[str, Any]] = field(default_factory=list)


def _responsible(plant: DemoPlant, department: str) -> str | None:
    """The department's head (车间主任 / 经理 / 主管) answers for its risks."""
    for suffix in ("-ZR", "-JL", "-ZG", "-ZJ", "-ZJL"):
        for p in plant.people:
            if p.department_code == department and p.post_code.endswith(suffix) \
                    and p.status == "active":
                return p.employee_no
    return None


def generate_risk(plant: DemoPlant, equipment: DemoEquipment, seed: int = 1,
                  today: dt.date = dt.date(2025, 11, 1), assessor: str = "") -> DemoRisk:
    """The demo register: points with codes FX-001…, current grades equal to the last of their
    1–2 assessments, and 2–7 control measures each."""
    rng = random.Random(seed * 7919 + 6)
    out = DemoRisk()
    posts = {p.code for p in plant.posts}
    key_press = equipment.key_equipment.get("foot_switch_press")
    key_booth = equipment.key_equipment.get("ventilation_booth")
    # The plant's annual identification round (年度风险辨识评估) ran early this year.
    round_day = today - dt.timedelta(days=rng.randint(200, 260))

    def add(template: _Template, name: str, kind: str, area: str | None, department: str,
            post: str | None, machine: str | None = None, values: dict[str, float] | None = None,
            earlier: dict[str, float] | None = None) -> None:
        code = f"FX-{len(out.points) + 1:03d}"
        current = score(template.method, values or template.values)
        history = []
        first_day = round_day - dt.timedelta(days=rng.randint(300, 400))
        if earlier:
            history.append((score(template.method, earlier), first_day, "首次辨识评价"))
            history.append((current, round_day, "落实工程技术措施后复评"))
        else:
            history.append((current, round_day + dt.timedelta(days=rng.randint(0, 20)),
                            "年度风险辨识评价"))
        for result, day, note in history:
            at = dt.datetime.combine(day, dt.time(9 + rng.randint(0, 7), rng.randint(0, 59)))
            row = {"point_code": code, "method": result.method, "score": result.score,
                   "grade": result.grade, "assessed_at": at.isoformat(), "assessor_name": assessor,
                   "note": note, **{k: v for k, v in result.values.items()}}
            if result.method == "ls":
                row["likelihood"], row["severity"] = int(row["likelihood"]), int(row["severity"])
            out.assessments.append(row)
        last_day = history[-1][1]
        review = last_day + dt.timedelta(days=182 if current.grade == "major" else 365)
        level = "post" if kind == "activity" and current.grade == "low" else \
            DEFAULT_CONTROL_LEVEL[current.grade]
        out.points.append({
            "code": code, "name": name, "kind": kind, "area_code": area,
            "equipment_code": machine, "post_code": post if post in posts else None,
            "department_code": department, "activity": template.activity,
            "hazard_factors": template.hazard_factors, "possible_accidents": template.accidents,
            "method": current.method, "grade": current.grade, "score": current.score,
            "control_level": level, "responsible_department_code": department,
            "responsible_employee_no": _responsible(plant, department),
            "review_date": review.isoformat(), "notes": None,
        })
        for position, (kind_, text) in enumerate(template.measures):
            out.measures.append({"point_code": code, "kind": kind_, "text": text,
                                 "position": position})

    for area in plant.areas:
        template = _AREA_TEMPLATES.get(area.code)
        if template:
            department = AREA_DEPARTMENT[area.code]
            # No post: an area's risk is on the card of every post there without its own.
            add(template, template.name, "area", area.code, department, None)
    for item in equipment.items:
        template = _EQUIPMENT_TEMPLATES.get(item.type_code)
        if template is None or item.status == "scrapped":
            continue
        post = _POST_OF.get((item.type_code, item.area_code)) or _POST_OF.get((item.type_code, None))
        values, earlier = dict(template.values), template.earlier
        if item.type_code == "YJ":
            if item.code == key_press:
                # The line B press whose foot switch keeps failing: a major risk until fixed.
                values = {"l": 6, "e": 6, "c": 15}
                earlier = None
            elif item.area_code == "ZP":
                values = {"l": 3, "e": 6, "c": 7}  # small presses, guarded fixtures
                earlier = None
            elif rng.random() < 0.6:
                earlier = None  # not every press had the light curtain retrofit
        elif item.type_code == "PT" and item.code == key_booth:
            values = {"l": 6, "e": 6, "c": 40}  # its extraction keeps failing
        elif item.type_code in ("QZ", "CC") and item.area_code in ("CY", "HJ") and \
                rng.random() < 0.5:
            values = {"likelihood": 4, "severity": 4}
        add(template, f"{item.name}（{item.code}）", "equipment", item.area_code,
            item.department_code, post, item.code, values, earlier)
    for department, post, template in _ACTIVITY_TEMPLATES:
        area = {"PT": "PT", "HJ": "HJ", "CY": "CY", "SB": "KY", "CC": "CK", "ZP": "ZP",
                "ZL": None, "AQ": None, "ZB": "BG"}.get(department)
        add(template, template.name, "activity", area, department, post)
    return out
