"""The screen graph, the back stack, home and reset: no widgets, so it is tested without a QApplication.

Screens ask the router to go somewhere; the router checks the move is in the graph, keeps the back stack
and tells its listeners (the window) what to show. `reset()` is the end of a citizen's session.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

HOME = "home"


@dataclass(frozen=True)
class Route:
    """Where the citizen is: a screen and the parameters it was opened with."""

    screen: str
    params: Mapping[str, Any] = field(default_factory=dict)


class UnknownMove(ValueError):
    """A screen asked for a move the graph does not allow: a programming error, caught in tests."""


Listener = Callable[[Route, Route | None], None]


class Router:
    """GRAPH maps each screen to the screens it may open. Home and back are always allowed."""

    def __init__(self, graph: Mapping[str, set[str]], *, home: str = HOME) -> None:
        missing = {target for targets in graph.values() for target in targets} - set(graph)
        if home not in graph or missing:
            raise ValueError(f"screen graph is incomplete: missing {sorted(missing) or home}")
        self._graph = graph
        self._home = home
        self._stack: list[Route] = []
        self._current = Route(home)
        self._listeners: list[Listener] = []

    @property
    def current(self) -> Route:
        return self._current

    @property
    def depth(self) -> int:
        return len(self._stack)

    def can_go_back(self) -> bool:
        return bool(self._stack)

    def subscribe(self, listener: Listener) -> None:
        """listener(new_route, previous_route) after every move."""
        self._listeners.append(listener)

    def go(self, screen: str, *, replace: bool = False, **params: Any) -> Route:
        """Open SCREEN. With replace=True the current screen is not kept for "back" (a finished step)."""
        if screen not in self._graph.get(self._current.screen, set()) and screen != self._home:
            raise UnknownMove(f"{self._current.screen} -> {screen} is not in the screen graph")
        if screen == self._home:
            return self.home()
        if not replace:
            self._stack.append(self._current)
        return self._move(Route(screen, dict(params)))

    def back(self) -> Route:
        if not self._stack:
            return self._current
        return self._move(self._stack.pop())

    def home(self) -> Route:
        self._stack.clear()
        return self._move(Route(self._home))

    def reset(self) -> Route:
        """End of session: forget the back stack and every parameter, show home."""
        return self.home()

    def _move(self, route: Route) -> Route:
        previous, self._current = self._current, route
        for listener in list(self._listeners):
            listener(route, previous)
        return route
