"""The equipment card lists the machine's open hazards and records a new one for it."""

from core.auth import SYSTEM
from desktop.dialogs.equipment_card import EquipmentCardDialog


def test_card_lists_open_hazards_of_the_machine(qtbot, ctx):
    ws = ctx.workspace
    site = ws.structure.list(SYSTEM, "site")[0]["id"]
    area = ws.structure.add(SYSTEM, "area", {"code": "CY", "name": "冲压车间", "site_id": site})
    press = ws.equipment.add_type(SYSTEM, "YJ", "压力机")
    machine = ws.equipment.add(SYSTEM, {"name": "开式压力机", "type_id": press, "area_id": area})
    other = ws.equipment.add(SYSTEM, {"name": "闭式压力机", "type_id": press, "area_id": area})
    ws.hazards.record(ctx.actor, {"description": "脚踏开关无防护罩", "type": "guard",
                                  "area_id": area, "equipment_id": machine})
    ws.hazards.record(ctx.actor, {"description": "另一台的隐患", "type": "guard",
                                  "equipment_id": other})
    card = EquipmentCardDialog(ctx, machine)
    qtbot.addWidget(card)
    qtbot.waitUntil(lambda: card.hazards.count() == 1)
    assert "脚踏开关无防护罩" in card.hazards.item(0).text()
    assert card.record_hazard_button.isVisibleTo(card)
    ws.hazards.record(ctx.actor, {"description": "急停按钮失灵", "type": "guard",
                                  "equipment_id": machine})
    ctx.notify("hazard")
    qtbot.waitUntil(lambda: card.hazards.count() == 2)
