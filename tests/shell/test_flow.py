"""The router works without widgets: these tests never create a QApplication."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.flow import HOME, Route, Router, UnknownMove

GRAPH = {HOME: {"list", "admin_pin"}, "list": {"detail"}, "detail": {"form"}, "form": set(), "admin_pin": set()}


def test_moves_follow_the_graph_and_keep_a_back_stack() -> None:
    router = Router(GRAPH)
    seen: list[tuple[str, str | None]] = []
    router.subscribe(lambda new, old: seen.append((new.screen, old.screen if old else None)))
    router.go("list")
    router.go("detail", code="A1")
    assert router.current == Route("detail", {"code": "A1"})
    assert router.depth == 2 and router.can_go_back()
    router.back()
    assert router.current.screen == "list"
    assert seen == [("list", HOME), ("detail", "list"), ("list", "detail")]


def test_replace_does_not_keep_the_finished_step() -> None:
    router = Router(GRAPH)
    router.go("list")
    router.go("detail", replace=True)
    assert router.back().screen == HOME


def test_unknown_moves_are_refused_and_home_is_always_allowed() -> None:
    router = Router(GRAPH)
    with pytest.raises(UnknownMove):
        router.go("form")
    router.go("list")
    router.go("detail")
    assert router.go(HOME).screen == HOME and router.depth == 0


def test_reset_forgets_stack_and_parameters() -> None:
    router = Router(GRAPH)
    router.go("list", query="社保")
    router.go("detail", code="X")
    router.reset()
    assert router.current == Route(HOME) and not router.can_go_back()
    assert router.back() == Route(HOME)


def test_graph_must_be_complete() -> None:
    with pytest.raises(ValueError):
        Router({HOME: {"nowhere"}})


def test_the_real_screen_graph_loads_without_qtwidgets() -> None:
    code = ("import sys; from kiosk.flow import Router; from kiosk.journeys import SCREEN_GRAPH; "
            "Router(SCREEN_GRAPH); assert 'PySide6.QtWidgets' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_every_screen_in_the_graph_has_a_registered_class_path() -> None:
    from kiosk.journeys import SCREEN_GRAPH
    from kiosk.screens.registry import SCREENS

    assert set(SCREEN_GRAPH) == set(SCREENS)
