"""Major hazard installation identification (重大危险源辨识, GB 18218-2018): S = Σ qᵢ/Qᵢ.

A unit is a major hazard installation when S ≥ 1, with q the largest quantity of a dangerous
chemical that can be present and Q its threshold quantity (临界量). Most small metal-working
plants are far below 1; the ledger records the calculation anyway, term by term, so an inspector
sees how the verdict was reached. The chemical inventory is plain data (db/repositories/
chemicals.py); this module validates rows and computes, without I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from core import i18n
from core.i18n import DomainError

i18n.register({
    "chemical.name_required": {"zh_CN": "请填写危险化学品名称。",
                               "en": "Please give the chemical's name."},
    "chemical.bad_cas": {
        "zh_CN": "CAS 号“{cas}”格式不对，应为 数字-两位数字-校验位（例如 1330-20-7）。",
        "en": "“{cas}” is not a CAS number; use digits-two digits-check digit (e.g. 1330-20-7).",
    },
    "chemical.cas_check": {
        "zh_CN": "CAS 号“{cas}”的校验位不对（应为 {expected}），请核对。",
        "en": "The check digit of CAS number “{cas}” is wrong (it should be {expected}).",
    },
    "chemical.bad_quantity": {
        "zh_CN": "“{field}”必须是大于 0 的数（吨）。",
        "en": "“{field}” must be a number greater than 0 (tonnes).",
    },
    "chemical.not_found": {"zh_CN": "该化学品不存在或已删除。",
                           "en": "The chemical does not exist."},
    "major_hazard.is_major": {
        "zh_CN": "S = {s} ≥ 1，构成危险化学品重大危险源。",
        "en": "S = {s} ≥ 1: this is a major hazard installation.",
    },
    "major_hazard.not_major": {
        "zh_CN": "S = {s} < 1，不构成危险化学品重大危险源。",
        "en": "S = {s} < 1: this is not a major hazard installation.",
    },
    "major_hazard.empty": {
        "zh_CN": "危险化学品清单为空，S = 0，不构成危险化学品重大危险源。",
        "en": "The chemical inventory is empty: S = 0, not a major hazard installation.",
    },
})

FIELD_LABELS = {
    "max_quantity_t": ("最大储存量（t）", "Maximum quantity (t)"),
    "threshold_t": ("临界量（t）", "Threshold quantity (t)"),
}
_CAS = re.compile(r"(\d{2,7})-(\d{2})-(\d)")


@dataclass(frozen=True)
class Chemical:
    id: str
    name: str
    cas_no: str
    max_quantity_t: float  # q: the most that can be on site at once
    threshold_t: float  # Q: GB 18218-2018 Table 1, or Table 2 by hazard class
    area_id: str | None = None
    location: str = ""
    sds_sha256: str | None = None  # the safety data sheet, in the attachment store
    notes: str = ""
    area_name: str = ""


@dataclass(frozen=True)
class Term:
    chemical: Chemical
    ratio: float  # q / Q


@dataclass(frozen=True)
class Identification:
    terms: tuple[Term, ...]
    s: float

    @property
    def is_major(self) -> bool:
        return self.s >= 1

    def formula(self, digits: int = 4) -> str:
        """S = 3/1000 + 0.05/1 + … = 0.0531: the calculation as written in the ledger."""
        if not self.terms:
            return "S = 0"
        parts = " + ".join(f"{_num(t.chemical.max_quantity_t)}/{_num(t.chemical.threshold_t)}"
                           for t in self.terms)
        return f"S = {parts} = {self.s:.{digits}f}"

    def verdict(self, lang: str | None = None) -> str:
        if not self.terms:
            return i18n.t("major_hazard.empty", lang)
        key = "major_hazard.is_major" if self.is_major else "major_hazard.not_major"
        return i18n.t(key, lang, s=f"{self.s:.4f}")


def _num(value: float) -> str:
    return f"{value:g}"


def identify(chemicals: Iterable[Chemical]) -> Identification:
    terms = tuple(Term(c, c.max_quantity_t / c.threshold_t) for c in chemicals)
    return Identification(terms, sum(t.ratio for t in terms))


def cas_check_digit(cas: str) -> int:
    """CAS check digit: the digits before it, from the right, weighted 1, 2, 3, … mod 10."""
    digits = cas.replace("-", "")[:-1]
    return sum(int(d) * i for i, d in enumerate(reversed(digits), start=1)) % 10


def validate_cas(cas: str) -> str:
    """Empty is allowed (mixtures such as paint have no single CAS number)."""
    cas = cas.strip()
    if not cas:
        return ""
    if not _CAS.fullmatch(cas):
        raise DomainError("chemical.bad_cas", cas=cas)
    expected = cas_check_digit(cas)
    if expected != int(cas[-1]):
        raise DomainError("chemical.cas_check", cas=cas, expected=expected)
    return cas


def _positive(values: Mapping[str, Any], key: str) -> float:
    raw = values.get(key)
    try:
        number = float(str(raw).strip()) if raw is not None else 0.0
    except ValueError:
        number = 0.0
    if not number > 0 or number != number or number == float("inf"):
        zh, en = FIELD_LABELS[key]
        raise DomainError("chemical.bad_quantity", field=en if i18n.language() == "en" else zh)
    return number


def validate(values: Mapping[str, Any]) -> dict[str, Any]:
    """A chemical row as the user typed it -> clean values, or a DomainError."""
    name = str(values.get("name") or "").strip()
    if not name:
        raise DomainError("chemical.name_required")
    return {
        "name": name,
        "cas_no": validate_cas(str(values.get("cas_no") or "")),
        "max_quantity_t": _positive(values, "max_quantity_t"),
        "threshold_t": _positive(values, "threshold_t"),
        "area_id": values.get("area_id") or None,
        "location": str(values.get("location") or "").strip(),
        "sds_sha256": values.get("sds_sha256") or None,
        "notes": str(values.get("notes") or "").strip(),
    }


class ChemicalRepository(Protocol):
    def list(self) -> list[Chemical]: ...
    def get(self, chemical_id: str) -> Chemical | None: ...
    def add(self, values: Mapping[str, Any]) -> str: ...
    def update(self, chemical_id: str, changes: Mapping[str, Any]) -> dict[str, Any]: ...
    def remove(self, chemical_id: str) -> bool: ...


class ChemicalService:
    """The inventory editor's use cases: validate, then store."""

    def __init__(self, repo: ChemicalRepository) -> None:
        self.repo = repo

    def list(self) -> list[Chemical]:
        return self.repo.list()

    def add(self, values: Mapping[str, Any]) -> str:
        return self.repo.add(validate(values))

    def update(self, chemical_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        if self.repo.get(chemical_id) is None:
            raise DomainError("chemical.not_found")
        return self.repo.update(chemical_id, validate(values))

    def remove(self, chemical_id: str) -> bool:
        if not self.repo.remove(chemical_id):
            raise DomainError("chemical.not_found")
        return True

    def identification(self) -> Identification:
        return identify(self.repo.list())


# The demo metal-parts plant's dangerous chemicals: a paint shop, welding and cutting gases, a
# forklift diesel tank. Thresholds from GB 18218-2018: Table 1 where the chemical is named
# (乙炔 1 t, 丙酮 500 t, 氧(压缩的或液化的) 200 t, 液化石油气 50 t, 柴油[闭杯闪点≤60°C] 5000 t);
# otherwise Table 2 by hazard class: flammable liquid category 3 (W5.4, 5000 t) for xylene and
# butyl acetate, category 2 (W5.3, 1000 t) for solvent paint. Every value is editable.
DEMO_CHEMICALS: tuple[dict[str, Any], ...] = (
    {"name": "溶剂型油漆（易燃液体类别2）", "cas_no": "", "max_quantity_t": 3.0,
     "threshold_t": 1000.0, "area": "TQ", "location": "调漆间及危化品库 1 号柜",
     "notes": "GB 18218-2018 表2 W5.3"},
    {"name": "稀释剂（二甲苯）", "cas_no": "1330-20-7", "max_quantity_t": 1.5,
     "threshold_t": 5000.0, "area": "CK", "location": "危化品库 2 号柜",
     "notes": "易燃液体类别3，表2 W5.4"},
    {"name": "乙酸丁酯", "cas_no": "123-86-4", "max_quantity_t": 0.8, "threshold_t": 5000.0,
     "area": "CK", "location": "危化品库 2 号柜", "notes": "易燃液体类别3，表2 W5.4"},
    {"name": "丙酮", "cas_no": "67-64-1", "max_quantity_t": 0.2, "threshold_t": 500.0,
     "area": "CK", "location": "危化品库 3 号柜", "notes": "表1"},
    {"name": "氧（压缩的）", "cas_no": "7782-44-7", "max_quantity_t": 0.5,
     "threshold_t": 200.0, "area": "HJ", "location": "气瓶间（满瓶 40 瓶）", "notes": "表1"},
    {"name": "乙炔", "cas_no": "74-86-2", "max_quantity_t": 0.05, "threshold_t": 1.0,
     "area": "HJ", "location": "气瓶间（满瓶 8 瓶，与氧气瓶分隔存放）", "notes": "表1"},
    {"name": "液化石油气（丙烷）", "cas_no": "68476-85-7", "max_quantity_t": 0.3,
     "threshold_t": 50.0, "area": "HJ", "location": "气瓶间（切割用）", "notes": "表1"},
    {"name": "柴油", "cas_no": "", "max_quantity_t": 2.0, "threshold_t": 5000.0,
     "area": "CK", "location": "叉车加油点储罐", "notes": "表1 柴油[闭杯闪点≤60°C]"},
)
