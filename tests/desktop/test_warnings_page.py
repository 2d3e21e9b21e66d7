"""The warnings page: the list with its explanation and evidence, acknowledge → state shown,
link hazard and close; the settings dialog explains with live numbers; key monitoring."""

import datetime as dt

from core.auth import SYSTEM
from core.warnings import ACKNOWLEDGED, ACTED, CLOSED
from desktop.dialogs.warning_settings import RuleSettingsDialog
from desktop.pages.monitoring import MonitoringPage
from desktop.pages.warnings import WarningsPage


def _plant(ws, actor):
    site = ws.structure.list(actor, "site")[0]["id"]
    area = ws.structure.add(actor, "area", {"code": "CY", "name": "冲压车间", "site_id": site})
    line = ws.structure.add(actor, "line", {"code": "B", "name": "冲压B线", "area_id": area})
    press = ws.equipment.add(actor, {"code": "YJ-CY-0025", "name": "压力机", "area_id": area,
                                     "line_id": line})
    now = dt.datetime.now().replace(microsecond=0)
    numbers = []
    for i in range(7):
        hid = ws.hazards.record(actor, {"description": f"B线冲床脚踏开关问题{i}", "type": "guard",
                                        "line_id": line, "found_at": now - dt.timedelta(days=i + 1)})
        numbers.append(ws.hazards.get(actor, hid).number)
    # one report a month for three months on the press: key monitoring
    for back in (0, 1, 2):
        month = (now.replace(day=1) - dt.timedelta(days=back * 28)).replace(day=1)
        found = min(month + dt.timedelta(hours=9), now - dt.timedelta(minutes=5))
        ws.hazards.record(actor, {"description": "冲床异响", "type": "machinery",
                                  "equipment_id": press, "found_at": found})
    ws.warnings.run_rules(SYSTEM)
    return numbers


def test_acknowledge_link_close_shown(qtbot, ctx, workspace):
    numbers = _plant(workspace, ctx.actor)
    page = WarningsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 2 and page.current is not None, timeout=10000)
    red = page.model.item(0)
    assert red.severity == "red" and red.rule == "repeats"
    assert "60 天内出现 7 次" in page.summary.toPlainText() or "7 times" in page.summary.toPlainText()
    assert page.evidence.count() == 7 and numbers[0] in "".join(
        page.evidence.item(i).text() for i in range(page.evidence.count()))
    assert page.ack_action.isEnabled() and not page.reopen_action.isEnabled()

    page.acknowledge()
    qtbot.waitUntil(lambda: page.model.item(0).state.state == ACKNOWLEDGED, timeout=10000)
    qtbot.waitUntil(lambda: page.current is not None
                    and page.current.warning.state.state == ACKNOWLEDGED, timeout=10000)
    assert page.model.data(page.model.index(0, 4)) in ("已确认", "Acknowledged")
    assert not page.ack_action.isEnabled()
    assert page.history.count() == 1 and "王磊" in page.history.item(0).text()

    page.link_hazard(numbers[0])
    qtbot.waitUntil(lambda: page.current is not None
                    and page.current.warning.state.state == ACTED, timeout=10000)
    page.close_warning("已加装联锁")
    qtbot.waitUntil(lambda: all(w.id != red.id for w in page.model.items), timeout=10000)
    assert workspace.warnings.get(ctx.actor, red.id).state.state == CLOSED


def test_warnings_model(qtmodeltester, ctx, workspace):
    _plant(workspace, ctx.actor)
    from desktop.models.warning_model import WarningTableModel

    model = WarningTableModel()
    model.set_items(workspace.warnings.list(ctx.actor), "zh_CN")
    qtmodeltester.check(model)


def test_settings_dialog_explains_live_and_saves(qtbot, ctx, workspace):
    dialog = RuleSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert "60 天内出现 5 次" in dialog.explanations["repeats"].text()
    dialog.fields["repeats"]["days"].setValue(30)
    assert "30 天内出现 5 次" in dialog.explanations["repeats"].text()
    dialog.fields["repeats"]["red"].setValue(4)  # below orange: refused with a message
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10000)
    assert "红色次数" in dialog.error.text() or "red count" in dialog.error.text()
    dialog.fields["repeats"]["red"].setValue(6)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.save()
    assert workspace.warnings.rule_settings()["repeats"] == {"days": 30, "orange": 5, "red": 6}


def test_monitoring_page_lists_and_ends(qtbot, ctx, workspace):
    _plant(workspace, ctx.actor)
    page = MonitoringPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert page.model.data(page.model.index(0, 0)) == "YJ-CY-0025"
    page.table.selectRow(0)
    assert page.end_action.isEnabled()
    page.end_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10000)


def test_the_warning_title_column_gets_the_room(qtbot, ctx, workspace):
    """A long place ("area · line", a machine's code and name) must not squeeze the warning's
    title to a few letters at 1280 px."""
    _plant(workspace, ctx.actor)
    page = WarningsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 2, timeout=10000)
    header = page.table.horizontalHeader()
    title, place = header.sectionSize(3), header.sectionSize(2)
    assert title >= 200 and title > place, (title, place)
    assert page.model.data(page.model.index(0, 2), 3)  # the place's full text as a tooltip
