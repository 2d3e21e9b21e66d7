"""Demo checklists, schedules and two years of inspection runs for the demo plant.

Checklists: one per equipment type, written as a Chinese plant's 点检表 reads. Schedules: daily
for presses, welders, spray booths, cranes and forklifts (the operator's 班前点检), weekly for
distribution cabinets and compressors, monthly for everything else.

The runs are sampled to keep the demo load fast (a full record would be ~150 machines × 620
working days of daily checks, well over half a million result rows):
- *tracked* machines carry the whole two years: seven daily machines (the three story machines
  of core/demo_hazards.py — the noisy press, the foot-switch press and the spray booth — plus one
  press of line A, one welder, one crane and one forklift), every compressor and six
  distribution cabinets (weekly), and the first two machines of each monthly type;
- every other machine carries its recent history only (the last 12 working days of daily
  checks, 8 weeks of weekly ones, the SafeDesk year of monthly ones), so today's due list is
  realistic for the whole plant.
About 9,600 runs and 56,000 results in all; they add ~1.5 s to the demo load.
Year one is the paper era: about 16% of daily checks (10% of weekly/monthly ones) were skipped;
on SafeDesk 2.5% (2%) are. A few machines have missed their last checks, so the due list has
overdue rows today besides the ordinary "due today" ones.

Every demo hazard with source "inspection" on a machine is the failed item of an inspection run
of that machine, finished when the hazard was recorded, by the person who reported it; the
result links the hazard. Other runs pass (now and then an item is n/a). Proper runs on SafeDesk
earn the inspection points (core.inspections: the first complete run of a machine on a day).

Deterministic: everything comes from ``random.Random(seed)`` and ``today``; ids are UUIDv7s
made from the seeded generator, result ids are core.inspections.result_id. Standard library only.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from core.demo_equipment import DEFAULT_TODAY, DemoEquipment, Equipment
from core.demo_hazards import CST, DemoHazards, month_windows, switch_date
from core.demo_plant import DemoPlant, Person
from core.hazards import DEFAULT_POINT_RULES
from core.inspections import POINT_RULE, guess_hazard_type, period_start, result_id

# (type code) -> (checklist name, ((item, how to check it), ...))
CHECKLISTS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "YJ": ("压力机（冲床）班前点检表", (
        ("光电保护装置灵敏有效", "遮挡光幕任一光束，滑块应立即停止下行"),
        ("双手按钮功能正常，无短接", "单手按下不得启动；按钮不得用胶带、铁丝固定"),
        ("防护罩完好，飞轮、皮带等旋转部位无外露", "目视检查防护罩齐全、紧固"),
        ("急停按钮灵敏", "按下急停，设备立即停止，复位后方可启动"),
        ("离合器、制动器可靠，无连冲", "单次行程试车，滑块停在上死点"),
        ("脚踏开关防护罩完好，位置固定", "防护罩无变形，废料不能落入压触开关"),
        ("运行无异响、无异常振动", "空车运行，听导轨、曲轴、连杆部位"),
    )),
    "SL": ("送料机月度点检表", (
        ("卷料架旋转部位防护栏完好", "防护栏高度不低于1.2米，无缺口"),
        ("急停按钮灵敏", "按下急停，送料立即停止"),
        ("卷料固定可靠，压料装置有效", ""),
        ("电气线路无破损，接地可靠", ""),
    )),
    "JB": ("剪板机月度点检表", (
        ("压料脚防护栅栏完好，间隙不大于6毫米", "手指不能伸入刀口区域"),
        ("脚踏开关防护罩完好", ""),
        ("急停按钮灵敏", ""),
        ("后挡料区有防护，无人员进入", ""),
        ("离合器、制动器可靠", "单次行程后刀架停在上位"),
    )),
    "HJ": ("电焊机班前点检表", (
        ("接地线连接可靠，外壳保护接地完好", "接地线无松脱，螺栓紧固"),
        ("电缆绝缘无破损，接头规范", "焊把线、地线无裸露，接头用专用接头"),
        ("焊烟净化器运行正常", "开机检查吸风正常，滤筒无堵塞报警"),
        ("面罩、手套等劳保用品齐全完好", "头戴式面罩、电焊手套、阻燃工作服"),
        ("焊接点周边5米内无可燃物", ""),
        ("接线端子防护罩完好", ""),
    )),
    "HQ": ("焊接机器人月度点检表", (
        ("安全围栏门联锁有效，开门即停", "打开安全门，机器人应立即停止"),
        ("急停按钮灵敏（示教器及操作台）", ""),
        ("焊烟净化器运行正常", ""),
        ("焊枪电缆绝缘无破损，接地可靠", ""),
        ("围栏完好，警示标识齐全", ""),
    )),
    "QG": ("切割机月度点检表", (
        ("砂轮片/锯片防护罩完好", ""),
        ("气瓶固定，回火防止器完好", "乙炔、氧气瓶间距不小于5米"),
        ("电源线绝缘无破损，接地可靠", ""),
        ("周边无可燃物，配备灭火器", ""),
    )),
    "DM": ("砂轮机月度点检表", (
        ("砂轮防护罩完好", "防护罩开口角度符合要求，紧固可靠"),
        ("托架与砂轮间隙不大于3毫米", "用塞尺检查"),
        ("砂轮无裂纹、无缺损", "停机目视检查，敲击声音清脆"),
        ("护目镜配备并佩戴", ""),
        ("电源线及接地可靠", ""),
    )),
    "PT": ("喷漆房班前点检表", (
        ("通风排风正常", "开机后检查排风机运转、风量指示正常"),
        ("可燃气体检测报警器有效", "查看报警器自检正常，无故障指示"),
        ("静电接地良好", "工件挂具、喷枪、房体接地线连接可靠"),
        ("防爆电器完好", "灯具、开关、电机防爆外壳无破损"),
        ("消防器材齐全有效", "灭火器压力在绿区，消防通道畅通"),
        ("漆渣及废棉纱已清理，无易燃物堆积", ""),
    )),
    "HG": ("固化炉月度点检表", (
        ("炉体隔热层完好，表面无高温裸露", ""),
        ("超温报警及温控有效", ""),
        ("燃烧器及燃气管路无泄漏", "用检漏液检查接头"),
        ("排风系统运行正常", ""),
        ("防烫警示标识齐全", ""),
    )),
    "KY": ("空压机周点检表", (
        ("安全阀在校验期内，铅封完好", "查看校验标签日期"),
        ("压力表在检定期内，指示正常", "查看检定标签，指针在正常范围"),
        ("储气罐排污", "打开排污阀排尽积水"),
        ("皮带防护罩完好，紧固可靠", ""),
        ("运行无异常声响和过热", "手背感受电机、轴承温度，听运转声音"),
    )),
    "YL": ("储气罐月度点检表", (
        ("安全阀在校验期内，铅封完好", ""),
        ("压力表在检定期内，指示正常", ""),
        ("储气罐排污", ""),
        ("罐体无腐蚀、变形，基础牢固", ""),
        ("定期检验合格标志张贴在有效期内", ""),
    )),
    "QZ": ("行车（起重机）班前点检表", (
        ("上下限位有效", "空钩上升至限位，应自动停止"),
        ("钢丝绳无断丝、变形，润滑良好", "检查断丝数不超标，无扭结、压扁"),
        ("吊钩防脱装置完好", "防脱钩舌片弹性良好"),
        ("制动器可靠", "起升后停止，重物无下滑"),
        ("急停及声光报警有效", ""),
        ("大车、小车轨道无障碍物", ""),
    )),
    "CC": ("叉车班前点检表", (
        ("刹车、喇叭、灯光正常", "试车检查制动距离，喇叭、转向灯、照明有效"),
        ("货叉无裂纹、变形", ""),
        ("司机持证上岗", "场（厂）内专用机动车辆作业证在有效期内"),
        ("倒车蜂鸣器有效", ""),
        ("轮胎无破损，气压正常", ""),
        ("安全带完好", ""),
    )),
    "DT": ("电梯月度点检表", (
        ("定期检验合格证在有效期内", ""),
        ("层门、轿门联锁有效", "层门未关闭时电梯不能运行"),
        ("轿厢应急照明和报警装置有效", ""),
        ("平层准确，运行无异响", ""),
        ("机房整洁，无杂物堆放", ""),
    )),
    "PD": ("配电柜周点检表", (
        ("柜门关闭上锁", ""),
        ("接地可靠", "柜体接地线连接牢固"),
        ("柜内无积尘杂物", ""),
        ("警示标识齐全", "“当心触电”“有电危险”标识完好"),
        ("柜前绝缘胶垫完好", ""),
        ("无异味、无过热，指示灯正常", "红外测温或手背感受柜门温度"),
    )),
    "JC": ("机床月度点检表", (
        ("防护门、防护罩完好", ""),
        ("急停按钮灵敏", ""),
        ("卡盘扳手用后取下", ""),
        ("“禁止戴手套”标识齐全", ""),
        ("局部照明为安全电压，电气线路无破损", ""),
    )),
    "FJ": ("风机月度点检表", (
        ("皮带防护罩完好", ""),
        ("运行无异响、无异常振动", ""),
        ("风管无破损、无积尘堵塞", ""),
        ("电机接地可靠", ""),
    )),
    "DB": ("打包机月度点检表", (
        ("旋转部位防护罩完好，联锁有效", ""),
        ("急停按钮灵敏", ""),
        ("电气线路无破损，接地可靠", ""),
        ("作业区域整洁，通道畅通", ""),
    )),
}

FREQUENCY: dict[str, str] = {
    **dict.fromkeys(("YJ", "HJ", "PT", "QZ", "CC"), "daily"),
    **dict.fromkeys(("PD", "KY"), "weekly"),
}  # every other type: monthly
MISSED = {("daily", "before"): 0.16, ("daily", "after"): 0.025,
          ("weekly", "before"): 0.10, ("weekly", "after"): 0.02,
          ("monthly", "before"): 0.10, ("monthly", "after"): 0.02}
NA_SHARE = 0.015
RECENT_DAYS = 12  # working days of daily checks kept for untracked machines
RECENT_WEEKS = 8
RECENT_MONTHS = 12
TRACKED_MONTHLY = 2  # machines of each monthly type with the whole two years
TRACKED_CABINETS = 6
PAPER_NOTE = "纸质点检表录入"  # the note on paper-era runs typed in from the check sheets


@dataclass(frozen=True)
class DemoInspections:
    templates: list[dict[str, Any]]  # id, type_code, name
    items: list[dict[str, Any]]  # id + checklist_items fields
    schedules: list[dict[str, Any]]  # id, type_code, frequency, start_date, active
    # inspections rows with codes: equipment_code, inspector_employee_no, inspector_username
    runs: list[dict[str, Any]]
    results: list[dict[str, Any]]  # id + inspection_results fields (ids are final)
    awards: list[tuple[str, str, int, str, dt.datetime]]  # employee no, rule, points, reason, at
    tracked: tuple[str, ...]  # equipment codes with the full two years


def frequency_of(type_code: str) -> str:
    return FREQUENCY.get(type_code, "monthly")


def _make_id(rng: random.Random, at: dt.datetime) -> str:
    ms = int(at.replace(tzinfo=CST).timestamp() * 1000)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76 | rng.getrandbits(12) << 64 | 0b10 << 62 | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


class _Inspectors:
    """Who does a check: the operator (the machine's owner) for daily checks, now and then a
    colleague; maintenance staff or the owner for weekly and monthly ones."""

    def __init__(self, plant: DemoPlant) -> None:
        self.people = {p.employee_no: p for p in plant.people}
        self.by_department: dict[str, list[Person]] = {}
        self.by_post: dict[str, list[Person]] = {}
        for p in plant.people:
            self.by_department.setdefault(p.department_code, []).append(p)
            self.by_post.setdefault(p.post_code, []).append(p)

    def _pool(self, people: Sequence[Person], day: dt.date) -> list[Person]:
        return [p for p in people if p.hire_date <= day and p.status != "left"]

    def pick(self, rng: random.Random, machine: Equipment, frequency: str, day: dt.date) -> Person:
        owner = self.people.get(machine.owner_employee_no)
        if owner is not None and owner.hire_date <= day and rng.random() < (
                0.85 if frequency == "daily" else 0.5):
            return owner
        if frequency == "daily":
            pool = self._pool(self.by_department.get(machine.department_code, ()), day)
        else:
            posts = ("SB-DG",) if machine.type_code == "PD" else ("SB-WXQG", "SB-DG", "SB-KYJ")
            pool = self._pool([p for post in posts for p in self.by_post.get(post, ())], day)
        return rng.choice(pool) if pool else (owner or next(iter(self.people.values())))


@dataclass
class _Run:
    machine: Equipment
    started: dt.datetime
    inspector: Person
    failed: dict[int, tuple[str, str]]  # item index -> (note, hazard id)
    finished: dt.datetime | None = None


def _tracked(equipment: DemoEquipment) -> set[str]:
    keys = equipment.key_equipment
    tracked = {keys["noisy_press"], keys["foot_switch_press"], keys["ventilation_booth"]}
    in_service = [e for e in equipment.items if e.status == "in_service"]
    for type_code, line in (("YJ", "CY-A"), ("HJ", "HJ-1"), ("QZ", None), ("CC", None)):
        pool = [e for e in in_service if e.type_code == type_code and e.code not in tracked
                and (line is None or e.line_code == line)]
        if pool:
            tracked.add(pool[0].code)
    tracked |= {e.code for e in in_service if e.type_code == "KY"}
    tracked |= set(sorted(e.code for e in in_service if e.type_code == "PD")[:TRACKED_CABINETS])
    monthly: dict[str, list[str]] = {}
    for e in in_service:
        if frequency_of(e.type_code) == "monthly":
            monthly.setdefault(e.type_code, []).append(e.code)
    tracked |= {code for codes in monthly.values() for code in sorted(codes)[:TRACKED_MONTHLY]}
    return tracked


def _periods(frequency: str, first: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """[start, end) of each schedule period that begins before ``end`` and ends after ``first``."""
    out = []
    if frequency == "daily":
        day = first
        while day < end:
            if day.weekday() != 6:
                out.append((day, day + dt.timedelta(days=1)))
            day += dt.timedelta(days=1)
    elif frequency == "weekly":
        start = first - dt.timedelta(days=first.weekday())
        while start < end:
            out.append((max(start, first), min(start + dt.timedelta(days=7), end)))
            start += dt.timedelta(days=7)
    else:
        start = first.replace(day=1)
        while start < end:
            following = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
            out.append((max(start, first), min(following, end)))
            start = following
    return out


def _recent_start(frequency: str, today: dt.date) -> dt.date:
    if frequency == "weekly":
        return today - dt.timedelta(days=today.weekday() + 7 * RECENT_WEEKS)
    if frequency == "monthly":
        index = today.year * 12 + today.month - 1 - RECENT_MONTHS
        return dt.date(index // 12, index % 12 + 1, 1)
    day, left = today, RECENT_DAYS
    while left:
        day -= dt.timedelta(days=1)
        if day.weekday() != 6:
            left -= 1
    return day


def _check_time(rng: random.Random, frequency: str, start: dt.date, end: dt.date) -> dt.datetime | None:
    """When a period's check happens: the daily one before the shift starts; weekly ones early
    in the week; monthly ones in the first ten days."""
    if frequency == "daily":
        day = start
        hours = rng.uniform(7.6, 8.4) if rng.random() < 0.9 else rng.uniform(13.0, 13.6)
    else:
        span = (end - start).days
        days = [start + dt.timedelta(days=k) for k in range(min(span, 3 if frequency == "weekly"
                                                                else 10))]
        days = [d for d in days if d.weekday() != 6] or days
        if not days:
            return None
        day = rng.choice(days)
        hours = rng.uniform(8.5, 16.0)
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=round(hours * 3600))


def generate_inspections(plant: DemoPlant, equipment: DemoEquipment, hazards: DemoHazards,
                         user_people: Mapping[str, str], seed: int = 1,
                         today: dt.date | None = None) -> DemoInspections:
    """Checklists, schedules and runs ending before ``today``. ``user_people`` maps demo user
    names to employee numbers (their runs carry the user)."""
    today = today or DEFAULT_TODAY
    rng = random.Random(seed * 7919 + 4)
    history_start = month_windows(today)[0][0]
    switch = switch_date(today)
    cutoff = dt.datetime.combine(today, dt.time())
    created = dt.datetime.combine(history_start - dt.timedelta(days=14), dt.time(10))

    # -- checklists and schedules ------------------------------------------------------
    templates, items, item_ids = [], [], {}
    for type_code, (name, entries) in CHECKLISTS.items():
        template_id = _make_id(rng, created)
        templates.append({"id": template_id, "type_code": type_code, "name": name})
        ids = []
        for n, (text, guidance) in enumerate(entries, 1):
            item_id = _make_id(rng, created)
            ids.append(item_id)
            items.append({"id": item_id, "template_id": template_id, "position": n,
                          "text": text, "guidance": guidance or None, "hazard_type": None})
        item_ids[type_code] = (template_id, ids)
    schedules = [{"id": _make_id(rng, created), "type_code": t.code,
                  "frequency": frequency_of(t.code), "start_date": history_start.isoformat(),
                  "active": 1} for t in equipment.types if t.code in CHECKLISTS]

    # -- the runs that found the inspection hazards ------------------------------------
    machines = {e.code: e for e in equipment.items}
    people = {p.employee_no: p for p in plant.people}
    found_runs: dict[tuple[str, dt.date], list[_Run]] = {}
    for h in hazards.hazards:
        code = h["equipment_code"]
        if h["source"] != "inspection" or not code or code not in machines:
            continue
        machine = machines[code]
        if machine.type_code not in CHECKLISTS:
            continue
        found = dt.datetime.fromisoformat(h["found_at"])
        entries = _items_of(machine.type_code)
        words = _bigrams(h["description"])
        scores = [len(words & _bigrams(text)) + 2 * (guess_hazard_type(text, machine.type_code)
                                                      == h["type"])
                  for text, _g in entries]
        ranked = sorted(range(len(entries)), key=lambda k: (-scores[k], k))
        finding = (h["description"], h["id"])
        same_day = found_runs.setdefault((code, found.date()), [])
        if same_day and (found - (same_day[-1].finished or found)) < dt.timedelta(minutes=30):
            # Found within half an hour on the same machine: one round, two failed items.
            free = [k for k in ranked if k not in same_day[-1].failed]
            if free:
                same_day[-1].failed[free[0]] = finding
                continue
        same_day.append(_Run(machine, found - dt.timedelta(seconds=rng.randint(240, 720)),
                             people[h["reporter_employee_no"]], {ranked[0]: finding}, found))

    # -- scheduled runs ----------------------------------------------------------------
    tracked = _tracked(equipment)
    inspectors = _Inspectors(plant)
    runs: list[_Run] = []
    periods_with_findings: set[tuple[str, dt.date]] = set()
    for (code, day), found in found_runs.items():
        runs.extend(found)
        freq = frequency_of(machines[code].type_code)
        periods_with_findings.add((code, period_start(freq, day)))
    # A few machines have missed their latest checks: the due list's overdue rows today.
    recent = today - dt.timedelta(days=62)
    busy = {code for code, day in found_runs if day >= recent} | set(equipment.key_equipment.values())
    behind: dict[str, int] = {}
    for frequency, count, most in (("daily", 3, 3), ("weekly", 2, 2), ("monthly", 1, 1)):
        pool = sorted(e.code for e in equipment.items if e.status == "in_service"
                      and frequency_of(e.type_code) == frequency and e.code not in busy
                      and e.install_date < history_start)
        for code in rng.sample(pool, min(count, len(pool))):
            behind[code] = rng.randint(1, most)
    for machine in equipment.items:
        if machine.status != "in_service" or machine.type_code not in CHECKLISTS:
            continue
        freq = frequency_of(machine.type_code)
        first = history_start if machine.code in tracked else _recent_start(freq, today)
        first = max(first, history_start, machine.install_date)
        periods = _periods(freq, first, today)
        skip = behind.get(machine.code, 0)
        if skip:  # its last periods, and this one so far, went without a check
            current = period_start(freq, today)
            done = [p for p in periods if p[0] < current]
            periods = done[:len(done) - skip]
        for start, end in periods:
            if (machine.code, period_start(freq, start)) in periods_with_findings:
                continue
            era = "before" if start < switch else "after"
            if rng.random() < MISSED[(freq, era)]:
                continue
            at = _check_time(rng, freq, start, end)
            if at is None or at >= cutoff:
                continue
            runs.append(_Run(machine, at, inspectors.pick(rng, machine, freq, at.date()), {}))
    runs.sort(key=lambda r: (r.started, r.machine.code))

    # -- rows ----------------------------------------------------------------------------
    users_by_person = {no: name for name, no in user_people.items()}
    points = DEFAULT_POINT_RULES[POINT_RULE]
    run_rows, result_rows, awards = [], [], []
    proper_days: set[tuple[str, dt.date]] = set()
    for run in runs:
        machine = run.machine
        template_id, ids = item_ids[machine.type_code]
        entries = _items_of(machine.type_code)
        minutes = 2 + len(entries) * rng.uniform(0.5, 1.4)
        finished = run.finished or run.started + dt.timedelta(seconds=round(minutes * 60))
        inspection_id = _make_id(rng, run.started)
        ok = failed = na = 0
        for k, (text, _guidance) in enumerate(entries):
            note, hazard_id = run.failed.get(k, (None, None))
            if hazard_id:
                outcome = "fail"
                failed += 1
            elif rng.random() < NA_SHARE:
                outcome, note = "na", "设备停机未开" if rng.random() < 0.5 else None
                na += 1
            else:
                outcome = "pass"
                ok += 1
            result_rows.append({
                "id": result_id(inspection_id, ids[k]), "inspection_id": inspection_id,
                "item_id": ids[k], "position": k + 1, "item_text": text, "outcome": outcome,
                "note": note, "photos": "[]", "hazard_id": hazard_id})
        day_key = (machine.code, run.started.date())
        proper = ok + failed > 0 and day_key not in proper_days
        if proper:
            proper_days.add(day_key)
        paper = run.started.date() < switch
        run_rows.append({
            "id": inspection_id, "equipment_code": machine.code, "template_id": template_id,
            "inspector_employee_no": run.inspector.employee_no,
            "inspector_username": users_by_person.get(run.inspector.employee_no),
            "inspector_name": run.inspector.name,
            "started_at": run.started.isoformat(), "finished_at": finished.isoformat(),
            "note": PAPER_NOTE if paper else None, "item_count": len(entries),
            "ok_count": ok, "failed_count": failed, "na_count": na, "proper": int(proper)})
        # Points came with SafeDesk (安全积分制); the paper era had none.
        if proper and not paper:
            awards.append((run.inspector.employee_no, POINT_RULE, points, machine.code, finished))
    return DemoInspections(templates, items, schedules, run_rows, result_rows, awards,
                           tuple(sorted(tracked)))


def _items_of(type_code: str) -> tuple[tuple[str, str], ...]:
    return CHECKLISTS[type_code][1]
