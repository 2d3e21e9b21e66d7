"""The in-app notification centre: a bell with a count, and a list of what waits for this user.

What counts: hazards whose current step waits for me (rectify, review), reports to verify,
hazards to dispatch and to archive when my roles do that, and overdue hazards escalated to me
(a department head: level 1 and up in a department they head; the safety office: level 2).
Every refresh first runs the escalation check, so overdue steps escalate while the app is open.
New items since the last refresh also show as a tray message where the desktop has a tray.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.auth import Actor, Permission
from core.hazards import STEP_LABELS, Hazard, HazardQuery, label
from core.workflow import ARCHIVE, DISCOVER, OPEN_STEPS, PENDING
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs.feedback import guard
from desktop.tasks import Op

log = logging.getLogger("safedesk")

REFRESH_MS = 60_000
DEBOUNCE_MS = 300  # several changes in a row refresh once
SECTION_LIMIT = 200  # per section; the count adds what lies beyond
ESCALATED, MINE, VERIFY, DISPATCH, ARCHIVING = "escalated", "mine", "verify", "dispatch", "archive"
SECTIONS = (ESCALATED, MINE, VERIFY, DISPATCH, ARCHIVING)
_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Notice:
    hazard_id: str
    number: str
    description: str
    section: str
    step: str
    escalation_level: int
    overdue: bool


@dataclass(frozen=True)
class Snapshot:
    notices: list[Notice]
    count: int  # distinct hazards, including any beyond the listed ones
    escalated: list[tuple[str, int]]  # escalations made by this refresh


def collect(ws: Workspace, actor: Actor) -> Snapshot:
    """Run the escalation check, then gather what waits for ``actor`` (in a worker: db lane)."""
    made = ws.hazards.escalate_overdue()
    now = ws.hazards.now()
    seen: set[str] = set()
    notices: list[Notice] = []
    overflow = 0

    def add(section: str, hazards: Iterable[Hazard]) -> None:
        for h in hazards:
            if h.id not in seen:
                seen.add(h.id)
                notices.append(Notice(h.id, h.number, h.description, section, h.step,
                                      h.escalation_level, h.overdue(now)))

    def query(q: HazardQuery) -> list[Hazard]:
        nonlocal overflow
        found, total = ws.hazards.search_page(actor, q, 0, SECTION_LIMIT)
        overflow += max(0, total - len(found))
        return found

    heads, head_areas = _headed(ws, actor)
    safety_office = actor.can(Permission.VERIFY_REPORT)
    if heads or safety_office:
        late = ws.hazards.search_page(
            actor, HazardQuery(steps=OPEN_STEPS, overdue=True, now=now), 0, 1000)[0]

        def mine(h: Hazard) -> bool:
            if safety_office and h.escalation_level >= 2:
                return True
            return h.escalation_level >= 1 and (
                h.department_id in heads or (h.department_id is None and h.area_id in head_areas))

        add(ESCALATED, [h for h in late if mine(h)])
    add(MINE, query(HazardQuery(mine=actor.user_id)))
    if safety_office:
        add(VERIFY, query(HazardQuery(steps=(PENDING,))))
    if actor.can(Permission.DISPATCH_HAZARD):
        waiting = query(HazardQuery(steps=(DISCOVER,)))
        if not safety_office and heads:
            # A department head dispatches in their own areas; the safety office everywhere.
            waiting = [h for h in waiting if h.area_id in head_areas]
        add(DISPATCH, waiting)
    if actor.can(Permission.ARCHIVE_HAZARD):
        add(ARCHIVING, query(HazardQuery(steps=(ARCHIVE,))))
    return Snapshot(notices, len(notices) + overflow, made)


def _headed(ws: Workspace, actor: Actor) -> tuple[set[str], set[str]]:
    """The departments this user heads, and those departments' areas."""
    if not actor.person_id or not actor.can(Permission.VIEW_STRUCTURE):
        return set(), set()
    heads = {d["id"] for d in ws.structure.list(actor, "department")
             if d.get("head_person_id") == actor.person_id}
    if not heads:
        return set(), set()
    areas = {a["id"] for a in ws.structure.list(actor, "area") if a.get("department_id") in heads}
    return heads, areas


# -- drawing ------------------------------------------------------------------------------

def bell_pixmap(count: int, dpr: float = 1.0, colour: str = "#4a5560") -> QPixmap:
    """A bell (24 × 24 logical pixels plus room for the badge) with the count in a red dot."""
    width, height = 34, 24
    pixmap = QPixmap(round(width * dpr), round(height * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    bell = QPainterPath()
    bell.moveTo(5, 18)
    bell.lineTo(19, 18)
    bell.lineTo(17.2, 15.5)
    bell.lineTo(17.2, 10.5)
    bell.cubicTo(17.2, 7.2, 15, 5, 12, 5)
    bell.cubicTo(9, 5, 6.8, 7.2, 6.8, 10.5)
    bell.lineTo(6.8, 15.5)
    bell.closeSubpath()
    p.drawPath(bell)
    p.drawEllipse(QPointF(12, 20.2), 2.1, 2.1)
    p.drawEllipse(QPointF(12, 4.3), 1.4, 1.4)
    if count > 0:
        text = str(count) if count < 100 else "99+"
        font = QFont()
        font.setPixelSize(10)
        font.setWeight(QFont.Weight.Bold)
        p.setFont(font)
        text_width = p.fontMetrics().horizontalAdvance(text)
        badge = QRectF(14, 1, max(14.0, text_width + 7.0), 14)
        p.setBrush(QColor("#d93025"))
        p.setPen(QPen(QColor("white"), 1.2))
        p.drawRoundedRect(badge, 7, 7)
        p.setPen(QColor("white"))
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return pixmap


# -- the widgets --------------------------------------------------------------------------

class NotificationPopup(QFrame):
    """The list under the bell; clicking an item opens that hazard."""

    chosen = Signal(str)
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("notificationPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#notificationPopup { background: white; border: 1px solid #c9d0d8; }"
            "#notificationPopup QListWidget { border: none; }"
            "#notificationPopup QListWidget::item { padding: 6px 8px; }"
            "#notificationPopup QListWidget::item:hover { background: #eef4fb; }")
        title = QLabel(self.tr("Waiting for you"), self)
        font = QFont(title.font())
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        self.updated = QLabel(self)
        self.updated.setStyleSheet("color: #6b7785;")
        refresh = QToolButton(self)
        refresh.setText(self.tr("Refresh"))
        refresh.setAutoRaise(True)
        refresh.clicked.connect(self.refresh_requested)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.updated)
        head.addWidget(refresh)
        self.list = QListWidget(self)
        self.list.setObjectName("notificationList")
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        self.empty = QLabel(self.tr("Nothing is waiting for you. Well done."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #6b7785; padding: 24px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addLayout(head)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.resize(380, 440)

    def section_title(self, section: str) -> str:
        return {
            ESCALATED: self.tr("Escalated to you (overdue)"),
            MINE: self.tr("Your tasks"),
            VERIFY: self.tr("Reports to check"),
            DISPATCH: self.tr("To dispatch"),
            ARCHIVING: self.tr("To archive"),
        }[section]

    def show_notices(self, notices: list[Notice], count: int, updated: str) -> None:
        self.list.clear()
        self.updated.setText(self.tr("Updated {time}").replace("{time}", updated))
        for section in SECTIONS:
            items = [n for n in notices if n.section == section]
            if not items:
                continue
            header = QListWidgetItem(f"{self.section_title(section)}  ({len(items)})")
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = QFont(self.list.font())
            font.setWeight(QFont.Weight.DemiBold)
            header.setFont(font)
            header.setForeground(QColor("#1f3b5c"))
            header.setBackground(QColor("#f3f5f7"))
            self.list.addItem(header)
            for n in items:
                flags = [label(STEP_LABELS, n.step)]
                if n.escalation_level:
                    flags.append(self.tr("escalated, level {n}").replace(
                        "{n}", str(n.escalation_level)))
                elif n.overdue:
                    flags.append(self.tr("overdue"))
                item = QListWidgetItem(f"{n.number}  ·  {' · '.join(flags)}\n"
                                       f"{_one_line(n.description)}")
                item.setData(_ROLE, n.hazard_id)
                item.setToolTip(n.description)
                if n.escalation_level or n.overdue:
                    item.setForeground(QColor("#8E1F14"))
                self.list.addItem(item)
        if count > len(notices):
            more = QListWidgetItem(self.tr("…and {n} more on the Hazards page")
                                   .replace("{n}", str(count - len(notices))))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(more)
        self.list.setVisible(bool(notices))
        self.empty.setVisible(not notices)

    def fitting_height(self, most: int = 460, least: int = 170) -> int:
        """Tall enough for the list (up to ``most``): a short list gets a short popup."""
        if self.list.isHidden():
            return least
        rows = sum(self.list.sizeHintForRow(i) + 2 * self.list.spacing()
                   for i in range(self.list.count()))
        chrome = self.sizeHint().height() - self.list.sizeHint().height()
        return max(least, min(most, chrome + rows + 2 * self.list.frameWidth() + 4))

    def items(self) -> list[QListWidgetItem]:
        """The clickable hazard items, in order (headers left out)."""
        rows = (self.list.item(i) for i in range(self.list.count()))
        return [item for item in rows if item.data(_ROLE)]

    def _clicked(self, item: QListWidgetItem) -> None:
        hazard_id = item.data(_ROLE)
        if hazard_id:
            self.hide()
            self.chosen.emit(hazard_id)


class NotificationBell(QToolButton):
    """The bell for the status bar; ``open_hazard`` when the user clicks an item."""

    open_hazard = Signal(str)
    refreshed = Signal(int)  # the count, after each refresh

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 interval_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("notificationBell")
        self.setAutoRaise(True)
        # The word beside the bell says what it is to people who never saw a bell icon.
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setText(self.tr("To do"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.count = 0
        self.notices: list[Notice] = []
        self.updated_at = ""
        self._known: set[str] | None = None  # ids at the last refresh; None before the first
        self._running = False
        self._again = False
        self._notifying = False
        self._tray: QSystemTrayIcon | None = None
        self._tray_target = ""
        self.popup = NotificationPopup(self)
        self.popup.chosen.connect(self.open_hazard)
        self.popup.refresh_requested.connect(self.refresh)
        self.clicked.connect(self.show_popup)
        self._draw()

        self.enabled = ctx.can(Permission.VIEW_HAZARDS)
        self.setVisible(self.enabled)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.refresh)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        if self.enabled:
            ctx.data_changed.connect(self._data_changed)
            self.timer.start()
            self.refresh()

    # -- refreshing ----------------------------------------------------------------------
    def _data_changed(self, entity: str, _ids: list) -> None:
        if entity == "hazard" and not self._notifying:
            self._debounce.start()

    def refresh(self) -> None:
        """Escalate what is overdue, then count again (in the db lane)."""
        if not self.enabled:
            return
        self._debounce.stop()
        if self._running:
            self._again = True
            return
        self._running = True
        ws, actor = self.ctx.workspace, self.ctx.actor
        Op(self, lambda _: collect(ws, actor), lane="db").success(
            guard(self, self._collected)).failure(guard(self, self._failed)).run()

    def _collected(self, snap: Snapshot) -> None:
        self._running = False
        ids = {n.hazard_id for n in snap.notices}
        known = self._known
        new = [n for n in snap.notices if known is not None and n.hazard_id not in known]
        self._known = ids
        self.notices, self.count = snap.notices, snap.count
        self.updated_at = self.ctx.workspace.hazards.now().strftime("%H:%M")
        self._draw()
        self.popup.show_notices(self.notices, self.count, self.updated_at)
        if new:
            self._announce(new)
        if snap.escalated:
            # Pages showing hazards refresh; this bell ignores its own news.
            self._notifying = True
            try:
                self.ctx.notify("hazard", [hazard_id for hazard_id, _level in snap.escalated])
            finally:
                self._notifying = False
        self.refreshed.emit(self.count)
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        # A locked or busy database now is retried at the next tick; never a dialog every minute.
        self._running = False
        log.warning("notification refresh failed: %s", exc, exc_info=exc)
        self.setToolTip(self.tr("Could not check for new tasks; trying again in a minute."))

    # -- showing -------------------------------------------------------------------------
    def _draw(self) -> None:
        dpr = self.devicePixelRatioF() if self.isVisible() else 1.0
        self.setIcon(QIcon(bell_pixmap(self.count, max(1.0, dpr))))
        self.setIconSize(QSize(34, 24))
        if self.count:
            tip = self.tr("{n} items wait for you").replace("{n}", str(self.count))
        else:
            tip = self.tr("Nothing waits for you")
        self.setToolTip(tip)
        self.setAccessibleName(tip)

    def show_popup(self) -> None:
        popup = self.popup
        popup.show_notices(self.notices, self.count, self.updated_at)
        popup.resize(400, popup.fitting_height())
        # Above the bell (it sits in the status bar), kept on the screen.
        anchor = self.mapToGlobal(QPoint(self.width(), 0))
        pos = QPoint(anchor.x() - popup.width(), anchor.y() - popup.height() - 4)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            pos.setX(max(area.left(), min(pos.x(), area.right() - popup.width())))
            if pos.y() < area.top():
                pos.setY(self.mapToGlobal(QPoint(0, self.height())).y() + 4)
        popup.move(pos)
        popup.show()
        popup.list.setFocus()

    def _announce(self, new: list[Notice]) -> None:
        """A tray message for what arrived since the last refresh, where there is a tray."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(QIcon(bell_pixmap(0, 2.0)), self)
            self._tray.setToolTip("安全台 SafeDesk")
            self._tray.messageClicked.connect(lambda: self._tray_target
                                              and self.open_hazard.emit(self._tray_target))
            self._tray.show()
        self._tray_target = new[0].hazard_id
        title = self.tr("{n} new items for you").replace("{n}", str(len(new)))
        lines = [f"{n.number} {_one_line(n.description, 40)}" for n in new[:3]]
        if len(new) > 3:
            lines.append("…")
        self._tray.showMessage(title, "\n".join(lines), QSystemTrayIcon.MessageIcon.Information,
                               10_000)


def _one_line(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
