"""The screen graph of the kiosk: which screen may open which. Widget-free (used by the router and tests).

A home tile whose journey is not built yet opens `coming_soon`, which says so plainly instead of pretending.
"""
from __future__ import annotations

from dataclasses import dataclass

from kiosk.flow import HOME
from kiosk.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Journey:
    key: str        # screen opened by the home tile
    title: str      # source text (Chinese), translated through the "Journeys" context
    subtitle: str
    built: bool     # False: the tile opens coming_soon and shows a "建设中" badge
    icon: str = ""  # one character drawn in a coloured disc on the tile
    color: str = "#1658c4"


# QT_TRANSLATE_NOOP marks the texts for lupdate; the home screen translates them in the "Journeys" context.
JOURNEYS: tuple[Journey, ...] = (
    Journey("guide_browse", QT_TRANSLATE_NOOP("Journeys", "办事指南"),
            QT_TRANSLATE_NOOP("Journeys", "查看办事条件、材料和流程"), True, "指", "#1658c4"),
    Journey("apply", QT_TRANSLATE_NOOP("Journeys", "我要办"),
            QT_TRANSLATE_NOOP("Journeys", "刷身份证，在线提交申请"), True, "办", "#2b8a3e"),
    Journey("case_lookup", QT_TRANSLATE_NOOP("Journeys", "办件查询"),
            QT_TRANSLATE_NOOP("Journeys", "查看办件进度，打印进度单"), True, "查", "#5f3dc4"),
    Journey("appointment", QT_TRANSLATE_NOOP("Journeys", "预约取号"),
            QT_TRANSLATE_NOOP("Journeys", "预约办理时间，现场取号"), True, "约", "#0c8599"),
    Journey("help_request", QT_TRANSLATE_NOOP("Journeys", "帮代办"),
            QT_TRANSLATE_NOOP("Journeys", "工作人员帮您办、上门代办"), True, "帮", "#d9480f"),
    Journey("intermediary", QT_TRANSLATE_NOOP("Journeys", "中介超市"),
            QT_TRANSLATE_NOOP("Journeys", "查找中介机构，比较收费与时限"), True, "介", "#862e9c"),
    Journey("evaluation", QT_TRANSLATE_NOOP("Journeys", "好差评"),
            QT_TRANSLATE_NOOP("Journeys", "评价政务服务，帮助我们改进"), True, "评", "#e67700"),
)

# Which screen may open which (home and back are always allowed). Each journey owns its block; a screen
# listed here but not built yet is never reached, because its home tile opens coming_soon instead.
IDENTIFY = "identify"   # reads the ID card after the notice; params: purpose, next, next_params, allow_manual
SCREEN_GRAPH: dict[str, set[str]] = {
    HOME: {"coming_soon", "admin_pin"} | {j.key for j in JOURNEYS if j.built},
    "coming_soon": set(),
    "admin_pin": {"admin"},
    "admin": set(),
    IDENTIFY: {"apply_form", "case_list", "appointment_done", "appointment_mine", "help_request"},
    # 办事指南
    "guide_browse": {"guide_list", "guide_detail"},
    "guide_list": {"guide_detail"},
    "guide_detail": {"apply", IDENTIFY},
    # 我要办
    "apply": {"guide_detail", IDENTIFY},
    "apply_form": {"apply_materials"},
    "apply_materials": {"apply_delivery"},
    "apply_delivery": {"apply_confirm"},
    "apply_confirm": {"apply_done"},
    "apply_done": {"evaluation"},
    # 办件查询
    "case_lookup": {IDENTIFY, "case_detail"},
    "case_list": {"case_detail"},
    "case_detail": {"evaluation"},
    # 预约取号
    "appointment": {"appointment_slots", "appointment_mine", "queue_ticket", IDENTIFY},
    "appointment_slots": {IDENTIFY},
    "appointment_done": {"evaluation"},
    "appointment_mine": {"queue_ticket"},          # check-in: today's appointment -> a priority ticket
    "queue_ticket": {"evaluation"},
    # 帮代办
    "help_request": {"help_done", IDENTIFY},
    "help_done": {"evaluation"},
    # 中介超市
    "intermediary": {"intermediary_detail"},
    "intermediary_detail": {"intermediary_rate"},
    "intermediary_rate": set(),
    # 好差评
    "evaluation": {"evaluation_done"},
    "evaluation_done": set(),
}
