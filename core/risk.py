"""Risk grading and control (风险分级管控, F7): LEC and the 5×5 matrix, grades, risk points.

The scoring tables are REGULATIONS.md's. Each factor value comes with a plain-language choice so
a clerk picks "daily during working hours" and the tool sets E = 6. Band thresholds and the grade
colours are a settings value (JSON under ``SCORING_KEY``) shipped with these defaults, because
plants and provinces differ.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from core import i18n
from core.auth import Actor, Permission, require
from core.colours import NOT_ASSESSED_COLOUR, RISK_COLOURS
from core.i18n import DomainError

log = logging.getLogger(__name__)

GRADES: tuple[str, ...] = ("major", "considerable", "general", "low")  # highest first
METHODS: tuple[str, ...] = ("lec", "ls")
KINDS: tuple[str, ...] = ("area", "equipment", "activity")
MEASURE_KINDS: tuple[str, ...] = ("engineering", "management", "training", "ppe", "emergency")
CONTROL_LEVELS: tuple[str, ...] = ("company", "department", "workshop", "team", "post")

GRADE_LABELS = {
    "major": ("重大风险", "Major risk"), "considerable": ("较大风险", "Considerable risk"),
    "general": ("一般风险", "General risk"), "low": ("低风险", "Low risk"),
}
COLOUR_LABELS = {"major": ("红", "Red"), "considerable": ("橙", "Orange"),
                 "general": ("黄", "Yellow"), "low": ("蓝", "Blue")}
METHOD_LABELS = {"lec": ("LEC 法", "LEC"), "ls": ("风险矩阵法 (LS)", "Risk matrix (LS)")}
KIND_LABELS = {"area": ("区域/场所", "Area"), "equipment": ("设备设施", "Equipment"),
               "activity": ("作业活动", "Work activity")}
MEASURE_LABELS = {
    "engineering": ("工程技术措施", "Engineering"), "management": ("管理措施", "Management"),
    "training": ("培训教育措施", "Training"), "ppe": ("个体防护措施", "PPE"),
    "emergency": ("应急处置措施", "Emergency"),
}
CONTROL_LEVEL_LABELS = {
    "company": ("公司级", "Company"), "department": ("部门级", "Department"),
    "workshop": ("车间级", "Workshop"), "team": ("班组级", "Team"), "post": ("岗位级", "Post"),
}
# The control level a grade usually gets (分级管控: the higher the risk, the higher the level).
DEFAULT_CONTROL_LEVEL = {"major": "company", "considerable": "department",
                         "general": "workshop", "low": "team"}

# GB 6441-86: the 20 accident categories (事故类别) a risk point may lead to.
ACCIDENT_TYPES: tuple[str, ...] = (
    "物体打击", "车辆伤害", "机械伤害", "起重伤害", "触电", "淹溺", "灼烫", "火灾", "高处坠落",
    "坍塌", "冒顶片帮", "透水", "放炮", "火药爆炸", "瓦斯爆炸", "锅炉爆炸", "容器爆炸",
    "其他爆炸", "中毒和窒息", "其他伤害",
)

SCORING_KEY = "risk.scoring"
SAFETY_PHONE_KEY = "risk.safety_office_phone"  # printed on the post risk cards


@dataclass(frozen=True)
class Choice:
    """One value of a factor with the words a person would choose it by."""

    value: float
    zh: str
    en: str

    def text(self, lang: str | None = None) -> str:
        return self.en if (lang or i18n.language()) == "en" else self.zh


# --- LEC: D = L × E × C (REGULATIONS.md) -------------------------------------------------
LEC_L: tuple[Choice, ...] = (
    Choice(10, "完全可以预料（经常发生）", "Fully expected (happens often)"),
    Choice(6, "相当可能", "Quite possible"),
    Choice(3, "可能，但不经常", "Unusual but possible"),
    Choice(1, "可能性小，完全意外", "Remotely possible, a freak accident"),
    Choice(0.5, "很不可能，可以设想", "Conceivable but very unlikely"),
    Choice(0.2, "极不可能", "Practically impossible"),
    Choice(0.1, "实际不可能", "Virtually impossible"),
)
LEC_E: tuple[Choice, ...] = (
    Choice(10, "连续暴露", "Continuously"),
    Choice(6, "每天工作时间内暴露", "Daily during working hours"),
    Choice(3, "每周一次或偶然暴露", "Weekly, or now and then"),
    Choice(2, "每月一次暴露", "Once a month"),
    Choice(1, "每年几次暴露", "A few times a year"),
    Choice(0.5, "非常罕见地暴露", "Very rarely"),
)
LEC_C: tuple[Choice, ...] = (
    Choice(100, "大灾难，许多人死亡", "Catastrophe, many deaths"),
    Choice(40, "灾难，数人死亡", "Disaster, several deaths"),
    Choice(15, "非常严重，一人死亡", "Very serious, one death"),
    Choice(7, "严重，重伤", "Serious, a serious injury"),
    Choice(3, "重大，致残", "Important, a disability"),
    Choice(1, "引人注目，需要救护", "Noticeable, first aid needed"),
)

# --- Matrix: R = L × S, both 1 … 5 --------------------------------------------------------
LS_LIKELIHOOD: tuple[Choice, ...] = (
    Choice(5, "很可能：在现场经常发生", "Very likely: happens often here"),
    Choice(4, "可能：曾经发生过", "Likely: has happened before"),
    Choice(3, "偶尔：同行业曾发生", "Occasional: has happened in the trade"),
    Choice(2, "不大可能：极少发生", "Unlikely: very rare"),
    Choice(1, "几乎不可能", "Almost impossible"),
)
LS_SEVERITY: tuple[Choice, ...] = (
    Choice(5, "死亡或多人重伤，重大损失", "Death or several serious injuries, heavy loss"),
    Choice(4, "重伤或部分丧失劳动能力", "Serious injury or partial disability"),
    Choice(3, "轻伤，需就医，损失工作日", "Lost-time injury needing a doctor"),
    Choice(2, "轻微伤害，现场急救即可", "Minor injury, first aid on site"),
    Choice(1, "无伤害或极轻微", "No or negligible injury"),
)

FACTORS: dict[str, tuple[Choice, ...]] = {
    "l": LEC_L, "e": LEC_E, "c": LEC_C, "likelihood": LS_LIKELIHOOD, "severity": LS_SEVERITY,
}
FACTOR_NAMES = {
    "l": ("L 可能性", "L likelihood"), "e": ("E 暴露频繁程度", "E exposure"),
    "c": ("C 后果严重程度", "C consequence"), "likelihood": ("L 可能性", "L likelihood"),
    "severity": ("S 严重程度", "S severity"),
}
# One sentence each, shown beside the choice so nobody needs the table.
FACTOR_HELP = {
    "l": ("L：发生事故的可能性有多大，从“实际不可能”(0.1) 到“完全可以预料”(10)。",
          "L: how likely an accident is, from virtually impossible (0.1) to fully expected (10)."),
    "e": ("E：人员暴露于危险环境的频繁程度，从“非常罕见”(0.5) 到“连续暴露”(10)。",
          "E: how often people are exposed to the danger, from very rarely (0.5) to "
          "continuously (10)."),
    "c": ("C：一旦发生事故可能造成的后果，从“需要救护”(1) 到“许多人死亡”(100)。",
          "C: how bad the result of an accident would be, from first aid (1) to many deaths "
          "(100)."),
    "d": ("D = L × E × C：风险值，越大越危险；D > 320 为重大风险，须立即停工整改。",
          "D = L × E × C: the risk score, higher is worse; above 320 is a major risk: stop "
          "work."),
    "likelihood": ("L：事故发生的可能性，1（几乎不可能）到 5（很可能）。",
                   "L: how likely an accident is, 1 (almost impossible) to 5 (very likely)."),
    "severity": ("S：事故后果的严重程度，1（无伤害）到 5（死亡）。",
                 "S: how severe the result would be, 1 (no injury) to 5 (death)."),
    "r": ("R = L × S：风险值，1 到 25；越大越危险。",
          "R = L × S: the risk score, 1 to 25; higher is worse."),
}
# The LEC danger levels of REGULATIONS.md, lowest bound first; D < 20 is "acceptable" (blue).
LEC_LEVELS: tuple[tuple[float, str, str], ...] = (
    (320, "极其危险，不能继续作业", "Extremely dangerous: stop work"),
    (160, "高度危险，需立即整改", "Highly dangerous: fix at once"),
    (70, "显著危险，需要整改", "Significant: needs fixing"),
    (20, "一般危险，需要注意", "Possible danger: needs attention"),
    (0, "稍有危险，可以接受", "Slight: acceptable"),
)


@dataclass(frozen=True)
class Band:
    """The lowest score of a grade; ``inclusive`` False means strictly above (D > 320)."""

    grade: str
    minimum: float
    inclusive: bool = True

    def holds(self, score: float) -> bool:
        return score >= self.minimum if self.inclusive else score > self.minimum


@dataclass(frozen=True)
class Scoring:
    """Band thresholds per method and the grade colours: the ``risk.scoring`` setting."""

    lec: tuple[Band, ...]
    ls: tuple[Band, ...]
    colours: Mapping[str, str] = field(default_factory=lambda: dict(RISK_COLOURS))

    def bands(self, method: str) -> tuple[Band, ...]:
        if method not in METHODS:
            raise DomainError("risk.bad_method", method=method)
        return self.lec if method == "lec" else self.ls


# D > 320 major; 160 ≤ D ≤ 320 considerable; 70 ≤ D < 160 general; below 70 low (20–70 and
# < 20 are both blue). Matrix: 20–25 major, 15–16 considerable, 9–12 general, 1–8 low.
DEFAULT_SCORING = Scoring(
    lec=(Band("major", 320, False), Band("considerable", 160), Band("general", 70)),
    ls=(Band("major", 20), Band("considerable", 15), Band("general", 9)),
)

MESSAGES = {
    "risk.required": {"zh_CN": "请填写“{field}”。", "en": "Please fill in “{field}”."},
    "risk.bad_method": {"zh_CN": "未知的评价方法：{method}（应为 lec 或 ls）。",
                        "en": "Unknown assessment method: {method} (use lec or ls)."},
    "risk.bad_value": {
        "zh_CN": "{factor} 的取值 {value} 不在表内；可选：{allowed}。",
        "en": "{factor} = {value} is not in the table; choose one of {allowed}.",
    },
    "risk.bad_kind": {"zh_CN": "未知的风险点类型：{kind}", "en": "Unknown risk point type: {kind}"},
    "risk.bad_measure_kind": {"zh_CN": "未知的管控措施类别：{kind}",
                              "en": "Unknown kind of control measure: {kind}"},
    "risk.bad_level": {"zh_CN": "未知的管控层级：{level}", "en": "Unknown control level: {level}"},
    "risk.bad_grade": {"zh_CN": "未知的风险等级：{grade}", "en": "Unknown risk grade: {grade}"},
    "risk.bad_date": {"zh_CN": "“{value}”不是日期（应为 YYYY-MM-DD）。",
                      "en": "“{value}” is not a date (use YYYY-MM-DD)."},
    "risk.future_assessment": {"zh_CN": "评价时间不能晚于现在。",
                               "en": "The assessment cannot be dated in the future."},
    "risk.bad_scoring": {
        "zh_CN": "风险分级设置有误：{reason}",
        "en": "The risk grading setting is wrong: {reason}",
    },
    "risk.scoring_fallback": {
        "zh_CN": "评分设置无效，已使用默认阈值。",
        "en": "The scoring setting is invalid; the default thresholds are used.",
    },
    "risk.unknown_reference": {"zh_CN": "所选的{field}不存在或已删除（{value}）。",
                               "en": "The chosen {field} does not exist or was deleted ({value})."},
    "risk.not_found": {"zh_CN": "风险点不存在或已删除。", "en": "The risk point does not exist."},
    "risk.code_taken": {"zh_CN": "风险点编号“{code}”已被使用。",
                        "en": "The risk point code “{code}” is already taken."},
    "risk.needs_place": {
        "zh_CN": "请选择所在区域或设备（设备类风险点须选设备，作业活动须填写作业活动）。",
        "en": "Choose where it is: an area or a machine (an equipment point needs the machine, "
        "an activity point the activity).",
    },
}
i18n.register(MESSAGES)

FIELD_LABELS = {
    "name": ("风险点名称", "Risk point name"), "code": ("编号", "Code"),
    "activity": ("作业活动", "Work activity"), "equipment_id": ("设备", "Equipment"),
    "text": ("措施内容", "Measure"),
    "site_id": ("厂区", "site"), "area_id": ("区域", "area"), "post_id": ("岗位", "post"),
    "department_id": ("部门", "department"),
    "responsible_department_id": ("责任部门", "responsible department"),
    "responsible_person_id": ("责任人", "responsible person"),
}
# The fields naming another record, and that record's table (checked before writing, so a
# stale or mistyped id is a clear message rather than a foreign-key error).
REFERENCE_TABLES = {
    "site_id": "sites", "area_id": "areas", "equipment_id": "equipment", "post_id": "posts",
    "department_id": "departments", "responsible_department_id": "departments",
    "responsible_person_id": "people",
}


def label(table: Mapping[str, tuple[str, str]], key: str | None, lang: str | None = None) -> str:
    if not key or key not in table:
        return key or ""
    zh, en = table[key]
    return en if (lang or i18n.language()) == "en" else zh


def grade_label(grade: str | None, lang: str | None = None) -> str:
    if not grade:
        return "未评价" if (lang or i18n.language()) != "en" else "Not assessed"
    return label(GRADE_LABELS, grade, lang)


# --- Scoring ------------------------------------------------------------------------------
def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float | int) else str(value)


def _check_choice(factor: str, value: Any) -> float:
    allowed = [c.value for c in FACTORS[factor]]
    try:
        # True is an int to Python; as a factor it is a mistake, never L = 1.
        number = None if isinstance(value, bool) else float(value)
    except (TypeError, ValueError):
        number = None
    if number is None or number not in allowed:
        raise DomainError("risk.bad_value", factor=label(FACTOR_NAMES, factor), value=value,
                          allowed=", ".join(_number(v) for v in allowed))
    return number


def lec_score(l: Any, e: Any, c: Any) -> float:  # noqa: E741 - the method's own letters
    """D = L × E × C, each factor checked against its table."""
    d = _check_choice("l", l) * _check_choice("e", e) * _check_choice("c", c)
    return round(d, 4)  # 0.1 × 3 × 7 must print as 2.1, not 2.1000000000000005


def ls_score(likelihood: Any, severity: Any) -> float:
    return _check_choice("likelihood", likelihood) * _check_choice("severity", severity)


def grade_for(score: float, method: str, scoring: Scoring = DEFAULT_SCORING) -> str:
    for band in scoring.bands(method):
        if band.holds(score):
            return band.grade
    return "low"


def lec_level(d: float, lang: str | None = None) -> str:
    """The danger wording of REGULATIONS.md for a D value (its five LEC levels)."""
    index = 0 if d > 320 else 1 if d >= 160 else 2 if d >= 70 else 3 if d >= 20 else 4
    _bound, zh, en = LEC_LEVELS[index]
    return en if (lang or i18n.language()) == "en" else zh


def colour_of(grade: str | None, scoring: Scoring = DEFAULT_SCORING) -> str:
    if not grade:
        return NOT_ASSESSED_COLOUR
    return scoring.colours.get(grade, RISK_COLOURS.get(grade, NOT_ASSESSED_COLOUR))


def highest_grade(grades: Iterable[str | None]) -> str | None:
    """The worst of some grades (None = not assessed is ignored); None when none assessed."""
    ranked = [GRADES.index(g) for g in grades if g in GRADES]
    return GRADES[min(ranked)] if ranked else None


def scoring_to_json(scoring: Scoring) -> str:
    def bands(items: Sequence[Band]) -> list[dict[str, Any]]:
        return [{"grade": b.grade, "min": b.minimum, "inclusive": b.inclusive} for b in items]
    return json.dumps({"lec": bands(scoring.lec), "ls": bands(scoring.ls),
                       "colours": dict(scoring.colours)}, ensure_ascii=False)


def parse_scoring(text: str | None) -> Scoring:
    """The setting's JSON over the defaults; a bad value raises risk.bad_scoring."""
    if not text:
        return DEFAULT_SCORING
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise DomainError("risk.bad_scoring", reason=str(exc)) from None
    if not isinstance(raw, dict):
        raise DomainError("risk.bad_scoring", reason="not an object")

    def bands(key: str, default: tuple[Band, ...]) -> tuple[Band, ...]:
        items = raw.get(key)
        if items is None:
            return default
        try:
            out = tuple(Band(str(i["grade"]), float(i["min"]), bool(i.get("inclusive", True)))
                        for i in items)
        except (TypeError, KeyError, ValueError):
            raise DomainError("risk.bad_scoring", reason=f"{key}: grade/min expected") from None
        if any(b.grade not in GRADES[:3] for b in out) or len({b.grade for b in out}) != len(out):
            raise DomainError("risk.bad_scoring", reason=f"{key}: grades major/considerable/general")
        # Merged by grade: a setting that only moves the major threshold keeps the default
        # considerable/general bands (dropping them would grade D = 270 as low).
        merged = {b.grade: b for b in default} | {b.grade: b for b in out}
        ordered = sorted(merged.values(), key=lambda b: GRADES.index(b.grade))
        mins = [b.minimum for b in ordered]
        if mins != sorted(mins, reverse=True):
            raise DomainError("risk.bad_scoring", reason=f"{key}: thresholds must fall with grade")
        return tuple(ordered)

    colours = dict(RISK_COLOURS)
    given = raw.get("colours") or {}
    if not isinstance(given, dict) or any(
            g not in GRADES or not (isinstance(c, str) and c.startswith("#") and len(c) == 7)
            for g, c in given.items()):
        raise DomainError("risk.bad_scoring", reason="colours: grade -> #RRGGBB")
    colours.update(given)
    return Scoring(bands("lec", DEFAULT_SCORING.lec), bands("ls", DEFAULT_SCORING.ls), colours)


def scoring_problem(text: str | None) -> DomainError | None:
    """Why the setting cannot be used (None when it can): the pages show it as a notice."""
    try:
        parse_scoring(text)
    except DomainError as exc:
        return exc
    return None


def scoring_or_default(text: str | None) -> Scoring:
    """For reading: a hand-broken setting must not stop work, so fall back to the defaults —
    but loudly (logged here, a notice on the register page and in the assessment dialog)."""
    try:
        return parse_scoring(text)
    except DomainError as exc:
        log.warning("%s is invalid, using the default thresholds: %s", SCORING_KEY,
                    exc.message("en"))
        return DEFAULT_SCORING


@dataclass(frozen=True)
class Score:
    method: str
    score: float
    grade: str
    values: Mapping[str, float]  # l/e/c or likelihood/severity


def score(method: str, values: Mapping[str, Any], scoring: Scoring = DEFAULT_SCORING) -> Score:
    """Score an assessment's factor values (validated) and grade it."""
    if method == "lec":
        d = lec_score(values.get("l"), values.get("e"), values.get("c"))
        checked = {k: float(values[k]) for k in ("l", "e", "c")}
    elif method == "ls":
        d = ls_score(values.get("likelihood"), values.get("severity"))
        checked = {k: float(values[k]) for k in ("likelihood", "severity")}
    else:
        raise DomainError("risk.bad_method", method=method)
    return Score(method, d, grade_for(d, method, scoring), checked)


# --- Risk points ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ControlMeasure:
    kind: str
    text: str
    id: str | None = None
    position: int = 0


@dataclass(frozen=True)
class Assessment:
    id: str
    risk_point_id: str
    method: str
    score: float
    grade: str
    assessed_at: dt.datetime
    l: float | None = None  # noqa: E741
    e: float | None = None
    c: float | None = None
    likelihood: int | None = None
    severity: int | None = None
    assessor_user_id: str | None = None
    assessor_name: str | None = None
    note: str | None = None

    def factors_text(self) -> str:
        if self.method == "lec":
            return f"L={_number(self.l)} E={_number(self.e)} C={_number(self.c)}"
        return f"L={self.likelihood} S={self.severity}"


@dataclass(frozen=True)
class RiskPoint:
    id: str
    code: str
    name: str
    kind: str
    site_id: str | None = None
    area_id: str | None = None
    equipment_id: str | None = None
    post_id: str | None = None
    department_id: str | None = None
    activity: str | None = None
    hazard_factors: str | None = None
    possible_accidents: str | None = None
    method: str | None = None
    grade: str | None = None
    score: float | None = None
    control_level: str | None = None
    responsible_department_id: str | None = None
    responsible_person_id: str | None = None
    review_date: dt.date | None = None
    notes: str | None = None
    # Joined names for lists and reports.
    area_name: str = ""
    equipment_code: str = ""
    equipment_name: str = ""
    post_name: str = ""
    department_name: str = ""
    responsible_department_name: str = ""
    responsible_person_name: str = ""


@dataclass(frozen=True)
class RiskQuery:
    text: str = ""
    grade: str | None = None  # one of GRADES, or "none" for not assessed
    area_id: str | None = None
    kind: str | None = None
    equipment_id: str | None = None
    post_id: str | None = None
    review_before: dt.date | None = None  # review date earlier than this day: 复评逾期


def review_overdue(point: RiskPoint, today: dt.date) -> bool:
    """A past review date is kept (old plants' records) but flagged wherever it is shown."""
    return point.review_date is not None and point.review_date < today


POINT_FIELDS = (
    "code", "name", "kind", "site_id", "area_id", "equipment_id", "post_id", "department_id",
    "activity", "hazard_factors", "possible_accidents", "control_level",
    "responsible_department_id", "responsible_person_id", "review_date", "notes")


class RiskRepository(Protocol):
    def search_page(self, query: RiskQuery, offset: int, limit: int,
                    order: str = "code") -> tuple[list[RiskPoint], int]: ...
    def iter_all(self, query: RiskQuery) -> Iterable[RiskPoint]: ...
    def count(self, query: RiskQuery) -> int: ...
    def get(self, point_id: str) -> RiskPoint | None: ...
    def code_taken(self, code: str, except_id: str | None = None) -> bool: ...
    def missing_reference(self, table: str, record_id: str) -> bool: ...
    def next_code(self) -> str: ...
    def add(self, values: Mapping[str, Any], measures: Sequence[ControlMeasure]) -> str: ...
    def update(self, point_id: str, changes: Mapping[str, Any],
               measures: Sequence[ControlMeasure] | None) -> dict[str, Any]: ...
    def remove(self, point_id: str) -> bool: ...
    def record_assessment(self, point_id: str, values: Mapping[str, Any]) -> str: ...
    def assessments(self, point_id: str) -> list[Assessment]: ...
    def measures(self, point_id: str) -> list[ControlMeasure]: ...


def _clean_text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def clean_point(values: Mapping[str, Any], partial: bool = False) -> dict[str, Any]:
    """Validate and normalise a risk point's fields (a whole new one, or some changes)."""
    unknown = set(values) - set(POINT_FIELDS)
    if unknown:
        raise ValueError(f"unknown risk point fields {sorted(unknown)}")
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "review_date":
            if isinstance(value, dt.date):
                out[key] = value.isoformat()
            elif value in (None, ""):
                out[key] = None
            else:
                try:
                    out[key] = dt.date.fromisoformat(str(value).strip()).isoformat()
                except ValueError:
                    raise DomainError("risk.bad_date", value=value) from None
        else:
            out[key] = _clean_text(value)
    if out.get("code"):
        # Like equipment type codes: fx-001 and FX-001 are one code, printed in capitals.
        out["code"] = out["code"].upper()
    for required in ("code", "name"):
        if (required in out or not partial) and not out.get(required):
            raise DomainError("risk.required", field=label(FIELD_LABELS, required))
    if out.get("kind") is None and not partial:
        out["kind"] = "area"
    if "kind" in out and out["kind"] not in KINDS:
        raise DomainError("risk.bad_kind", kind=out["kind"])
    if out.get("control_level") and out["control_level"] not in CONTROL_LEVELS:
        raise DomainError("risk.bad_level", level=out["control_level"])
    return out


def clean_measures(measures: Iterable[ControlMeasure | tuple[str, str]]) -> list[ControlMeasure]:
    out: list[ControlMeasure] = []
    for item in measures:
        kind, text = (item.kind, item.text) if isinstance(item, ControlMeasure) else item
        if kind not in MEASURE_KINDS:
            raise DomainError("risk.bad_measure_kind", kind=kind)
        text = (text or "").strip()
        if text:  # an empty line in the dialog is no measure
            out.append(ControlMeasure(kind, text, position=len(out)))
    return out


def _check_place(point: Mapping[str, Any]) -> None:
    kind = point.get("kind") or "area"
    if kind == "equipment" and not point.get("equipment_id"):
        raise DomainError("risk.needs_place")
    if kind == "activity" and not point.get("activity"):
        raise DomainError("risk.needs_place")
    if kind == "area" and not (point.get("area_id") or point.get("equipment_id")):
        raise DomainError("risk.needs_place")


def _check_references(repo: RiskRepository, values: Mapping[str, Any]) -> None:
    for key, table in REFERENCE_TABLES.items():
        value = values.get(key)
        if value and repo.missing_reference(table, value):
            raise DomainError("risk.unknown_reference", field=label(FIELD_LABELS, key), value=value)


class RiskService:
    """The use cases of the risk register; permissions are checked here, not only in the UI."""

    def __init__(self, repo: RiskRepository, scoring: Callable[[], Scoring] = lambda: DEFAULT_SCORING,
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.repo = repo
        self.scoring = scoring
        self.now = now

    # -- reading -----------------------------------------------------------------------
    def search_page(self, actor: Actor, query: RiskQuery, offset: int = 0, limit: int = 200,
                    order: str = "code") -> tuple[list[RiskPoint], int]:
        require(actor, Permission.VIEW_RISKS)
        return self.repo.search_page(query, offset, limit, order)

    def get(self, actor: Actor, point_id: str) -> RiskPoint:
        require(actor, Permission.VIEW_RISKS)
        point = self.repo.get(point_id)
        if point is None:
            raise DomainError("risk.not_found")
        return point

    def history(self, actor: Actor, point_id: str) -> list[Assessment]:
        """Assessments of a point, newest first."""
        require(actor, Permission.VIEW_RISKS)
        return self.repo.assessments(point_id)

    def measures(self, actor: Actor, point_id: str) -> list[ControlMeasure]:
        require(actor, Permission.VIEW_RISKS)
        return self.repo.measures(point_id)

    def next_code(self) -> str:
        return self.repo.next_code()

    def count_overdue(self, actor: Actor, today: dt.date) -> int:
        """Live points whose review date (复评日期) has passed."""
        require(actor, Permission.VIEW_RISKS)
        return self.repo.count(RiskQuery(review_before=today))

    # -- writing -----------------------------------------------------------------------
    def add(self, actor: Actor, values: Mapping[str, Any],
            measures: Iterable[ControlMeasure | tuple[str, str]] = ()) -> str:
        require(actor, Permission.EDIT_RISKS)
        point = clean_point({"code": values.get("code") or self.repo.next_code(), **{
            k: v for k, v in values.items() if k != "code"}})
        _check_place(point)
        _check_references(self.repo, point)
        if self.repo.code_taken(point["code"]):
            raise DomainError("risk.code_taken", code=point["code"])
        return self.repo.add(point, clean_measures(measures))

    def edit(self, actor: Actor, point_id: str, changes: Mapping[str, Any],
             measures: Iterable[ControlMeasure | tuple[str, str]] | None = None) -> dict[str, Any]:
        require(actor, Permission.EDIT_RISKS)
        current = self.get(actor, point_id)
        cleaned = clean_point(changes, partial=True)
        merged = {k: getattr(current, k) for k in POINT_FIELDS} | cleaned
        _check_place(merged)
        _check_references(self.repo, cleaned)
        if "code" in cleaned and self.repo.code_taken(cleaned["code"], except_id=point_id):
            raise DomainError("risk.code_taken", code=cleaned["code"])
        return self.repo.update(point_id, cleaned,
                                None if measures is None else clean_measures(measures))

    def set_measures(self, actor: Actor, point_id: str,
                     measures: Iterable[ControlMeasure | tuple[str, str]]) -> None:
        require(actor, Permission.EDIT_RISKS)
        self.get(actor, point_id)
        self.repo.update(point_id, {}, clean_measures(measures))

    def remove(self, actor: Actor, point_id: str) -> bool:
        """Tombstone a point; its equipment's grade then follows the remaining points."""
        require(actor, Permission.EDIT_RISKS)
        self.get(actor, point_id)
        return self.repo.remove(point_id)

    def assess(self, actor: Actor, point_id: str, method: str, values: Mapping[str, Any],
               note: str = "", assessed_at: dt.datetime | None = None) -> Score:
        """Append an assessment and make it the point's current grade (one transaction in the
        repository, which also brings the equipment's grade along)."""
        require(actor, Permission.EDIT_RISKS)
        self.get(actor, point_id)
        result = score(method, values, self.scoring())
        at = assessed_at or self.now()
        if at > self.now() + dt.timedelta(minutes=5):
            raise DomainError("risk.future_assessment")
        row: dict[str, Any] = {
            "method": method, "score": result.score, "grade": result.grade,
            "assessed_at": at.replace(microsecond=0).isoformat(),
            "assessor_user_id": actor.user_id, "assessor_name": actor.display_name,
            "note": _clean_text(note),
        }
        row.update(result.values)
        if method == "ls":
            row["likelihood"] = int(row["likelihood"])
            row["severity"] = int(row["severity"])
        self.repo.record_assessment(point_id, row)
        return result


# --- Post risk notice cards ------------------------------------------------------------------
@dataclass(frozen=True)
class PostCard:
    """What one 岗位风险告知卡 says: the post's worst grade and everything its points list."""

    post_id: str
    post_name: str
    department_name: str
    grade: str | None
    hazard_factors: list[str]
    possible_accidents: list[str]
    measures: dict[str, list[str]]  # by MEASURE_KINDS
    points: list[str]  # risk point names


def _split(text: str | None, separators: str = "；;\n") -> list[str]:
    for sep in separators[1:]:
        text = (text or "").replace(sep, separators[0])
    return [p.strip(" 。.，,") for p in (text or "").split(separators[0]) if p.strip(" 。.，,")]


def post_card(post_id: str, post_name: str, department_name: str, points: Sequence[RiskPoint],
              measures: Mapping[str, Sequence[ControlMeasure]]) -> PostCard:
    """Fold a post's risk points into one card; repeated lines are printed once."""
    factors: list[str] = []
    accidents: list[str] = []
    by_kind: dict[str, list[str]] = {k: [] for k in MEASURE_KINDS}
    for p in points:
        factors += [f for f in _split(p.hazard_factors) if f not in factors]
        accidents += [a for a in _split(p.possible_accidents, "、；;,，\n") if a not in accidents]
        for m in measures.get(p.id, ()):
            if m.text not in by_kind[m.kind]:
                by_kind[m.kind].append(m.text)
    # Forty presses are one line on a card: machines are named by model name and counted.
    names: dict[str, int] = {}
    for p in points:
        key = p.equipment_name if p.kind == "equipment" and p.equipment_name else p.name
        names[key] = names.get(key, 0) + 1
    en = i18n.language() == "en"
    listed = [name if n == 1 else f"{name} ×{n}" if en else f"{name}（{n} 台）"
              for name, n in names.items()]
    return PostCard(post_id, post_name, department_name, highest_grade(p.grade for p in points),
                    factors, accidents, by_kind, listed)
