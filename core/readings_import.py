"""Rows of MES alarm and sensor files checked one by one (pure: the reading is done in jobs/).

Both files name a machine by the MES id or by our equipment code; a mapping (MES id →
equipment code) covers MES ids that differ from our codes. A row that cannot be used gives a
message naming its row number and what is wrong, in the user's language; an import with any
bad row stores nothing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from core import i18n
from core.importing import fold_key, normalize_text
from core.warning_rules import OVER_TEMPERATURE, SIGNALS

MESSAGES = {
    "readings.unknown_machine": {
        "zh_CN": "第 {row} 行：找不到设备“{machine}”（既不是设备编号，也没有 MES 映射；可用 --mapping 提供映射文件）。",
        "en": "Row {row}: no machine “{machine}” (neither an equipment code nor a mapped MES id; "
              "give a mapping file with --mapping).",
    },
    "readings.bad_time": {"zh_CN": "第 {row} 行：时间“{value}”无效，应为 2026-03-01 08:00:00 这样的格式。",
                          "en": "Row {row}: “{value}” is not a time; use e.g. 2026-03-01 08:00:00."},
    "readings.future_time": {"zh_CN": "第 {row} 行：时间 {value} 晚于现在。",
                             "en": "Row {row}: the time {value} is in the future."},
    "readings.no_kind": {"zh_CN": "第 {row} 行：缺少报警类型。", "en": "Row {row}: the alarm kind is missing."},
    "readings.bad_value": {"zh_CN": "第 {row} 行：数值“{value}”不是数字。",
                           "en": "Row {row}: the value “{value}” is not a number."},
    "readings.bad_signal": {
        "zh_CN": "第 {row} 行：未知的信号“{value}”（可用：振动/vibration、温度/temperature、电流/current）。",
        "en": "Row {row}: unknown signal “{value}” (use vibration, temperature or current).",
    },
    "readings.missing_columns": {
        "zh_CN": "文件缺少必需的列：{columns}。现有的列：{found}",
        "en": "The file lacks the columns: {columns}. Its columns: {found}",
    },
    "readings.bad_mapping": {
        "zh_CN": "映射文件第 {row} 行：设备编号“{code}”不存在。",
        "en": "Mapping file row {row}: there is no equipment code “{code}”.",
    },
    "readings.unreadable": {"zh_CN": "无法读取文件 {path}：{reason}",
                            "en": "Cannot read the file {path}: {reason}"},
    "readings.failed": {"zh_CN": "发现 {count} 处问题，未导入任何数据。",
                        "en": "Problems found: {count}. Nothing was imported."},
    "readings.empty": {"zh_CN": "文件中没有数据行。", "en": "The file has no data rows."},
    "readings.mes_done": {
        "zh_CN": "MES 报警导入完成：新增 {added} 条，已存在跳过 {skipped} 条，新增映射 {mapped} 个。",
        "en": "MES alarms imported: {added} added, {skipped} already there, {mapped} new mappings.",
    },
    "readings.sensor_done": {
        "zh_CN": "传感器读数导入完成：新增读数 {added} 个，已存在跳过 {skipped} 个（共 {series} 条序列）；"
                 "检测到新异常 {anomalies} 处。",
        "en": "Sensor readings imported — new: {added}, already stored: {skipped} (series: "
              "{series}); new anomalies found: {anomalies}.",
    },
}
i18n.register(MESSAGES)

# column -> accepted headers (lower-cased, Chinese as is)
MACHINE_HEADERS = ("machine_id", "machine", "mes_id", "equipment", "equipment_code", "code",
                   "设备编号", "设备", "机台", "机台号")
TIME_HEADERS = ("time", "at", "timestamp", "datetime", "时间", "报警时间", "采集时间")
KIND_HEADERS = ("kind", "alarm", "alarm_kind", "type", "报警类型", "类型")
VALUE_HEADERS = ("value", "reading", "值", "数值", "读数")
SIGNAL_HEADERS = ("signal", "channel", "信号", "测点")
MAPPING_MES = ("mes_id", "mes", "machine_id", "MES编号", "mes编号")
MAPPING_CODE = ("equipment_code", "code", "equipment", "设备编号")

_KIND_ALIASES = {
    OVER_TEMPERATURE: ("over_temperature", "overtemperature", "over_temp", "overtemp",
                       "high_temperature", "high_temp", "temp_high", "超温", "温度过高", "高温报警",
                       "超温报警"),
}
_SIGNAL_ALIASES = {"vibration": ("vibration", "vib", "振动"),
                   "temperature": ("temperature", "temp", "温度"),
                   "current": ("current", "amps", "电流")}


def find_column(headers: list[str], names: tuple[str, ...]) -> str | None:
    wanted = {n.lower() for n in names}
    return next((h for h in headers if h.strip().lower() in wanted), None)


def normalise_kind(text: str) -> str:
    value = text.strip().lower().replace("-", "_").replace(" ", "_")
    for kind, aliases in _KIND_ALIASES.items():
        if value in aliases or text.strip() in aliases:
            return kind
    return value


def normalise_signal(text: str) -> str | None:
    value = text.strip().lower()
    for signal, aliases in _SIGNAL_ALIASES.items():
        if value in aliases:
            return signal
    return value if value in SIGNALS else None


def parse_time(text: str) -> dt.datetime | None:
    value = (text or "").strip()
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("/", "-").replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:  # a stamp with a zone: our wall times are local
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(microsecond=0)


def parse_value(text: object) -> tuple[bool, float | None]:
    if text is None or (isinstance(text, str) and not text.strip()):
        return True, None
    try:
        value = float(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False, None
    return (True, value) if math.isfinite(value) else (False, None)  # nan/inf poison medians


def mes_key(text: object) -> str:
    """How an MES id is stored: normalised like any code (NFKC, spaces), upper case."""
    return normalize_text(text).upper()


@dataclass
class Resolver:
    """MES id or equipment code → equipment id. Both are codes, matched as the equipment import
    matches codes (``fold_key``: full-width forms, case and spaces do not matter), so
    `` yj-cy-0009 `` is YJ-CY-0009. A mapping wins over an equipment code of the same spelling."""

    codes: Mapping[str, str]  # equipment code -> id
    mappings: Mapping[str, str]  # MES id -> equipment id

    def __post_init__(self) -> None:
        self._by_key: dict[str, tuple[str, str]] = {}
        for code, equipment_id in self.codes.items():
            self._by_key.setdefault(fold_key(code), (code, equipment_id))
        for mes_id, equipment_id in self.mappings.items():
            self._by_key[fold_key(mes_id)] = (mes_id, equipment_id)

    def match(self, machine: str) -> tuple[str, str] | None:
        """(the stored spelling: mapped MES id or equipment code, equipment id)."""
        return self._by_key.get(fold_key(machine))

    def __call__(self, machine: str) -> str | None:
        found = self.match(machine)
        return found[1] if found else None


@dataclass(frozen=True)
class RowProblem:
    key: str
    params: dict

    def message(self, lang: str | None = None) -> str:
        return i18n.t(self.key, lang, **self.params)


def check_alarm(row_no: int, machine: str, time_text: str, kind_text: str, value_text: object,
                resolve: Callable[[str], str | None], now: dt.datetime,
                ) -> tuple[dict | None, list[RowProblem]]:
    """One alarm row → (values for mes_alarms, problems)."""
    problems = []
    found = resolve.match(machine or "") if isinstance(resolve, Resolver) else None
    equipment_id = found[1] if found else resolve(machine or "")
    if not equipment_id:
        problems.append(RowProblem("readings.unknown_machine", {"row": row_no, "machine": machine}))
    moment = parse_time(time_text)
    if moment is None:
        problems.append(RowProblem("readings.bad_time", {"row": row_no, "value": time_text}))
    elif moment > now + dt.timedelta(minutes=5):
        problems.append(RowProblem("readings.future_time", {"row": row_no, "value": time_text}))
    if not (kind_text or "").strip():
        problems.append(RowProblem("readings.no_kind", {"row": row_no}))
    ok, value = parse_value(value_text)
    if not ok:
        problems.append(RowProblem("readings.bad_value", {"row": row_no, "value": value_text}))
    if problems:
        return None, problems
    assert moment is not None
    # the stored spelling, so "yj-cy-0001" and "YJ-CY-0001" give the same alarm (and alarm id)
    mes_id = found[0] if found else machine.strip()
    return {"equipment_id": equipment_id, "mes_id": mes_id, "at": moment.isoformat(),
            "kind": normalise_kind(kind_text), "value": value}, []
