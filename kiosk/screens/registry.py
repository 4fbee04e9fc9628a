"""Screen name -> class, imported only when the screen is first shown (screens are built lazily)."""
from __future__ import annotations

import importlib

from kiosk.screens.base import Screen

SCREENS: dict[str, str] = {
    "home": "kiosk.screens.home:HomeScreen",
    "coming_soon": "kiosk.screens.coming_soon:ComingSoonScreen",
    "admin_pin": "kiosk.screens.admin:AdminPinScreen",
    "admin": "kiosk.screens.admin:AdminScreen",
    "identify": "kiosk.screens.identify:IdentifyScreen",
    "guide_browse": "kiosk.screens.guide:GuideBrowseScreen",
    "guide_list": "kiosk.screens.guide:GuideListScreen",
    "guide_detail": "kiosk.screens.guide:GuideDetailScreen",
    "apply": "kiosk.screens.apply:ApplyStartScreen",
    "apply_form": "kiosk.screens.apply:ApplyFormScreen",
    "apply_materials": "kiosk.screens.apply:ApplyMaterialsScreen",
    "apply_delivery": "kiosk.screens.apply:ApplyDeliveryScreen",
    "apply_confirm": "kiosk.screens.apply:ApplyConfirmScreen",
    "apply_done": "kiosk.screens.apply:ApplyDoneScreen",
    "case_lookup": "kiosk.screens.cases:CaseLookupScreen",
    "case_list": "kiosk.screens.cases:CaseListScreen",
    "case_detail": "kiosk.screens.cases:CaseDetailScreen",
    "appointment": "kiosk.screens.appointment:AppointmentScreen",
    "appointment_slots": "kiosk.screens.appointment:AppointmentSlotsScreen",
    "appointment_done": "kiosk.screens.appointment:AppointmentDoneScreen",
    "appointment_mine": "kiosk.screens.appointment:MyAppointmentsScreen",
    "queue_ticket": "kiosk.screens.appointment:QueueTicketScreen",
    "help_request": "kiosk.screens.help:HelpRequestScreen",
    "help_done": "kiosk.screens.help:HelpDoneScreen",
    "intermediary": "kiosk.screens.intermediary:IntermediaryScreen",
    "intermediary_detail": "kiosk.screens.intermediary:IntermediaryDetailScreen",
    "intermediary_rate": "kiosk.screens.intermediary:IntermediaryRateScreen",
    "evaluation": "kiosk.screens.evaluation:EvaluationScreen",
    "evaluation_done": "kiosk.screens.evaluation:EvaluationDoneScreen",
}


def screen_class(name: str, registry: dict[str, str] | None = None) -> type[Screen]:
    module_name, _, class_name = (registry or SCREENS)[name].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    assert issubclass(cls, Screen)
    return cls
