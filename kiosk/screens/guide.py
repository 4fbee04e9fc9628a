"""办事指南: find a service (search as you type, browse by theme / life event / department / what this site
can do), list the items of a category, and read one guide laid out so that an elderly person understands it
at one look (what you get, what to bring, how long, what it costs, where and when, how many trips, whom to
call; the rest of the 13 elements below). Print it, scan it, or go on to apply.

Everything browses and searches the cached catalogue (kiosk.catalogue.store.CatalogueStore, in memory), so
the journey works with the central service stopped; only a guide that was never cached needs the network.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.journeys import JOURNEYS
from kiosk.screens.base import Screen, check_after_shown
from kiosk.screens.qr import QrView
from kiosk.screens.receipt import ReceiptPanel
from kiosk.screens.widgets import MIN_TOUCH_PX, Card, Pager, SearchBox, button, clear_layout, label

log = logging.getLogger(__name__)

PAGE_NORMAL, PAGE_ELDERLY = 8, 4
SEARCH_LIST_LIMIT = 200          # a search opened as a full list: more than anyone pages through
# Where a guide can be read on a phone when the central service does not send its own short URL
# (the contract has no such field yet; the demo host the printer samples use).
GUIDE_URL_BASE = "https://zw.liuyang.example/g/"

# Browse categories (guide_list params "by"): texts translated in the "Guide" context.
BY_THEME, BY_EVENT, BY_DEPARTMENT, BY_SITE, BY_QUERY = "theme", "life_event", "department", "site", "query"
THEMES = (("personal", QT_TRANSLATE_NOOP("Guide", "个人办事")), ("legal", QT_TRANSLATE_NOOP("Guide", "法人办事")))
SITE_FILTERS = (("village", QT_TRANSLATE_NOOP("Guide", "村上办")), ("township", QT_TRANSLATE_NOOP("Guide", "镇上办")),
                ("max_one_trip", QT_TRANSLATE_NOOP("Guide", "最多跑一次")),
                ("full_online", QT_TRANSLATE_NOOP("Guide", "全程网办")))
TABS = ((BY_EVENT, QT_TRANSLATE_NOOP("Guide", "按人生事项")), (BY_THEME, QT_TRANSLATE_NOOP("Guide", "个人/法人")),
        (BY_SITE, QT_TRANSLATE_NOOP("Guide", "本站能办")), (BY_DEPARTMENT, QT_TRANSLATE_NOOP("Guide", "按部门")))
BADGE_COLORS = {"max_one_trip": "OK", "full_online": "PRIMARY", "village": "ACCENT"}
_NETWORK_CODES = {"offline", "unreachable", "connection_lost", "timeout"}


def tr(text: object) -> str:
    """Texts marked with QT_TRANSLATE_NOOP("Guide", ...) above."""
    return QCoreApplication.translate("Guide", str(text))


# ---- pure helpers ---------------------------------------------------------------------------------------

def badges(item: Any) -> list[tuple[str, str]]:
    """(key, source text) of the badges a row shows: 最多跑一次, 全程网办, 村上办."""
    out = []
    if item.max_one_trip:
        out.append(("max_one_trip", "最多跑一次"))
    if item.online_depth == "full_online":
        out.append(("full_online", "全程网办"))
    if "village" in item.levels:
        out.append(("village", "村上办"))
    return out


def site_filter(store: Any, key: str) -> list[Any]:
    """The items of one 本站能办 entry."""
    if key in ("village", "township"):
        return store.browse(level=key)
    if key == "max_one_trip":
        return store.browse(max_one_trip=True)
    if key == "full_online":
        return store.browse(online_depth="full_online")
    raise ValueError(f"unknown site filter {key!r}: one of village, township, max_one_trip, full_online")


def items_for(store: Any, by: str, value: str) -> list[Any]:
    """The items of a category or a search, ranked by the store."""
    if by == BY_THEME:
        return store.browse(theme=value)
    if by == BY_EVENT:
        return store.browse(life_event=value)
    if by == BY_DEPARTMENT:
        return store.browse(department=value)
    if by == BY_SITE:
        return site_filter(store, value)
    if by == BY_QUERY:
        return [hit.item for hit in store.search(value, SEARCH_LIST_LIMIT)]
    raise ValueError(f"unknown category {by!r}")


def pages(count: int, per_page: int) -> int:
    return max(1, -(-count // per_page))


@dataclass(frozen=True)
class MaterialLine:
    name: str
    form: str
    count: int
    source: str
    electronic: bool     # the government already holds it electronically: nothing to bring (数据多跑路)
    required: bool
    note: str


@dataclass(frozen=True)
class GuideView:
    """A guide turned into what the screen and the printer show; tolerant of missing fields (any central
    implementation), falling back to the 13 display texts in `elements`."""

    code: str
    name: str
    department: str
    result: str                          # 13 办理结果
    delivery: str                        # 13 送达方式 (pickup sites, free express)
    materials: tuple[MaterialLine, ...]  # 4
    promised_days: int | None            # 6
    statutory_days: int | None
    time_text: str
    fee_free: bool | None                # 7
    fee: str
    fee_basis: str
    locations: tuple[str, ...]           # 8
    hours: str                           # 9
    consult_phone: str                   # 10
    complaint_phone: str                 # 11
    visits: int | None                   # 12
    basis: tuple[str, ...]               # 2
    conditions: tuple[str, ...]          # 3
    process: tuple[str, ...]             # 5
    implementing_body: str = ""
    intermediary: str = ""
    faq: tuple[tuple[str, str], ...] = ()
    has_form: bool = False
    url: str = ""
    elements: dict[str, str] = field(default_factory=dict)


def _strs(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value else ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value if v)
    return ()


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def guide_url(data: Mapping[str, Any], code: str) -> str:
    """The guide's short URL: the central service's own if it sends one, else the public guide address."""
    for key in ("url", "short_url", "guide_url"):
        if isinstance(data.get(key), str) and data[key].startswith("http"):
            return str(data[key])
    return GUIDE_URL_BASE + code


def guide_view(code: str, data: Mapping[str, Any], item: Any = None) -> GuideView:
    """Pure: the cached/fetched guide JSON (contract's ServiceGuide) -> GuideView."""
    elements = {str(e.get("key")): str(e.get("text", "")) for e in data.get("elements", []) if isinstance(e, dict)}
    raw_item = _obj(data.get("item"))
    name = str(raw_item.get("name") or getattr(item, "name", "") or code)
    department = str(raw_item.get("department") or getattr(item, "department", "") or "")
    materials = []
    for m in data.get("materials", []) or []:
        if isinstance(m, dict) and m.get("name"):
            materials.append(MaterialLine(str(m["name"]), str(m.get("form") or "原件"), int(m.get("count") or 1),
                                          str(m.get("source") or ""), bool(m.get("electronic")),
                                          bool(m.get("required", True)), str(m.get("note") or "")))
    tl, fee, delivery = _obj(data.get("time_limit")), _obj(data.get("fee")), _obj(data.get("delivery"))
    ways = []
    sites = _strs(delivery.get("pickup_sites"))
    if sites:
        ways.append("窗口领取（" + "、".join(sites) + "）")
    if delivery.get("express_free"):
        ways.append("免费邮寄")
    faq = tuple((str(f.get("q", "")), str(f.get("a", ""))) for f in data.get("faq", []) or []
                if isinstance(f, dict) and f.get("q"))
    form = _obj(data.get("form"))
    return GuideView(
        code=code, name=name, department=department,
        result=str(delivery.get("result_name") or elements.get("delivery", "")),
        delivery="、".join(ways),
        materials=tuple(materials),
        promised_days=_int_or_none(tl.get("promised_days")), statutory_days=_int_or_none(tl.get("statutory_days")),
        time_text=elements.get("time_limit", ""),
        fee_free=fee.get("free") if isinstance(fee.get("free"), bool) else None,
        fee=str(fee.get("text") or elements.get("fee", "")), fee_basis=str(fee.get("basis") or ""),
        locations=_strs(data.get("locations")) or _strs(elements.get("locations")),
        hours=str(data.get("hours") or elements.get("hours", "")),
        consult_phone=str(data.get("consult_phone") or elements.get("consult_phone", "")),
        complaint_phone=str(data.get("complaint_phone") or elements.get("complaint_phone", "")),
        visits=_int_or_none(data.get("visits")),
        basis=_strs(data.get("basis")) or _strs(elements.get("basis")),
        conditions=_strs(data.get("conditions")) or _strs(elements.get("conditions")),
        process=_strs(data.get("process")) or _strs(elements.get("process")),
        implementing_body=str(data.get("implementing_body") or ""),
        intermediary=str(data.get("intermediary") or ""), faq=faq,
        has_form=isinstance(form.get("attributes"), list),
        url=guide_url(data, code), elements=elements,
    )


def time_limit_text(view: GuideView) -> str:
    """Chinese, as printed: 法定时限 and 承诺时限 (即办 when promised in 0 days)."""
    if view.promised_days is None:
        return view.time_text
    from kiosk.devices.printer.receipts import time_limit_text as words

    return words(view.statutory_days, view.promised_days)


def print_document(view: GuideView, site_name: str, terminal_id: str, now: datetime | None = None) -> Any:
    """receipts.service_guide built from the guide (kiosk.devices.printer is imported only when printing)."""
    from kiosk.devices.printer import receipts as r

    fee = ("不收费" if view.fee_free else view.fee) + (f"（依据：{view.fee_basis}）" if view.fee_basis else "")
    data = r.ServiceGuideData(
        item_name=view.name, item_code=view.code, legal_basis="；".join(view.basis) or "无",
        conditions="；".join(view.conditions) or "无",
        materials=tuple(r.GuideMaterial(m.name, m.form, m.count, m.source or "申请人自备", m.electronic)
                        for m in view.materials),
        process=view.process or ("咨询窗口",), statutory_days=view.statutory_days,
        promised_days=view.promised_days, fee=fee or "不收费", locations="；".join(view.locations),
        hours=view.hours, consult_phone=view.consult_phone, complaint_phone=view.complaint_phone,
        visits=view.visits if view.visits is not None else 1,
        result_delivery="；".join(x for x in (view.result, view.delivery) if x),
        guide_url=view.url, footer=r.Footer(site_name, terminal_id, now or datetime.now()))
    return r.service_guide(data)


def can_apply_here(item: Any, view: GuideView | None, site: Any) -> bool:
    """我要办 at this kiosk: the apply journey is open, the item has a guide with a form (what the apply
    screens fill in), and it is offered in this site's region."""
    apply_open = any(j.key == "apply" and j.built for j in JOURNEYS)
    offered = site is None or site.offers(item)
    return apply_open and view is not None and view.has_form and offered


# ---- widgets ------------------------------------------------------------------------------------------

class Badge(QLabel):
    def __init__(self, text: str, background: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty("role", "badge")
        self.setStyleSheet(f"background: {background}; color: white;")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


class GuideRow(QPushButton):
    """One item in a list: name (big), department, badges. The whole row is the touch target."""

    def __init__(self, item: Any, colors: Callable[[str], str], *, elderly: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = item.code
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(MIN_TOUCH_PX + 24)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 14, 24, 14)
        box.setSpacing(6)
        self.title = label(item.name, "tileTitle")
        box.addWidget(self.title)
        line = QHBoxLayout()
        line.setSpacing(10)
        self.department = label(item.department, "tileSub")
        line.addWidget(self.department, 1)
        self.badges = [Badge(tr(text), colors(BADGE_COLORS[key])) for key, text in badges(item)]
        for badge in self.badges:
            line.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
        box.addLayout(line)
        for child in self.findChildren(QLabel):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.department.setWordWrap(True)
        self.title.setWordWrap(True)
        self._elderly = elderly

    def sizeHint(self):
        return self.layout().sizeHint()

    def minimumSizeHint(self):
        hint = self.layout().minimumSize()
        hint.setHeight(max(hint.height(), MIN_TOUCH_PX))
        return hint

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return max(MIN_TOUCH_PX, layout.totalHeightForWidth(width) if layout is not None else 0)


class CountTile(QPushButton):
    """A browse entry: what it is, and how many items it holds."""

    def __init__(self, title: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.setSpacing(4)
        self.title = label(title, "tileTitle")
        self.count = label(self.tr("%1 项").replace("%1", str(count)), "tileSub")
        box.addWidget(self.title)
        box.addWidget(self.count)
        for child in self.findChildren(QLabel):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def sizeHint(self):
        hint = self.layout().sizeHint()
        hint.setHeight(max(hint.height(), MIN_TOUCH_PX + 48))
        return hint

    def minimumSizeHint(self):
        return self.sizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return max(MIN_TOUCH_PX + 48, layout.totalHeightForWidth(width) if layout is not None else 0)


def _outer_layout(screen: QWidget) -> QVBoxLayout:
    """A screen's outer layout (around its scroll area): for parts that must not scroll away."""
    layout = screen.layout()
    assert isinstance(layout, QVBoxLayout)
    return layout


def _restyle(widget: QWidget, role: str) -> None:
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


# ---- guide_browse -------------------------------------------------------------------------------------

class GuideBrowseScreen(Screen):
    name = "guide_browse"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("办事指南"))
        self.per_page = PAGE_ELDERLY if self.elderly else PAGE_NORMAL
        search_row = QHBoxLayout()
        search_row.setSpacing(16)
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("输入事项名称、拼音或首字母，如：社保、bdc")
                                       if not self.elderly else self.tr("输入要办的事，如：社保"))
        self.search.queryChanged.connect(self._on_query)
        search_row.addWidget(self.search, 1)
        self.clear_button = button(self.tr("清空"))
        self.clear_button.clicked.connect(self.search.reset)
        search_row.addWidget(self.clear_button)
        self.root.addLayout(search_row)
        self.status = label("", "hint")
        self.status.hide()
        self.root.addWidget(self.status)
        # Search results (while something is typed) ...
        self.results = QWidget()
        results_box = QVBoxLayout(self.results)
        results_box.setContentsMargins(0, 0, 0, 0)
        results_box.setSpacing(16)
        self.result_rows = QGridLayout()   # one column in portrait, two in landscape: a page fits the screen
        self.result_rows.setSpacing(16)
        results_box.addLayout(self.result_rows)
        self.more = button("", "primary")
        self.more.clicked.connect(self._open_all_results)
        results_box.addWidget(self.more)
        self.results.hide()
        self.root.addWidget(self.results)
        # ... or the browse entries: a tab per way of browsing, a page of big tiles.
        self.browse = QWidget()
        browse_box = QVBoxLayout(self.browse)
        browse_box.setContentsMargins(0, 0, 0, 0)
        browse_box.setSpacing(20)
        tabs = QGridLayout()
        tabs.setSpacing(12)
        self.tabs: dict[str, QPushButton] = {}
        tab_columns = 4 if not (self.portrait or self.elderly) else 2   # buttons do not wrap: long English
        for i, (key, text) in enumerate(TABS):
            tab = button(tr(text))
            tab.clicked.connect(lambda _=False, k=key: self._show_tab(k))
            tabs.addWidget(tab, i // tab_columns, i % tab_columns)
            self.tabs[key] = tab
        browse_box.addLayout(tabs)
        self.tiles = QGridLayout()
        self.tiles.setSpacing(20)
        browse_box.addLayout(self.tiles)
        self.pager = Pager(wrap=False)
        self.pager.changed.connect(lambda _page: self._fill_tiles())
        browse_box.addWidget(self.pager)
        self.root.addWidget(self.browse)
        self.root.addStretch(1)
        self.tab = BY_EVENT
        self._entries: list[tuple[str, str, str, int]] = []   # (by, value, title, count)
        self.tile_widgets: list[CountTile] = []
        self._tiles_shown: tuple[tuple[str, str, str, int], ...] = ()
        self._styled_tab = ""
        self.rows_shown: list[GuideRow] = []
        self._query = ""
        self._results_shown: tuple[str, tuple[str, ...]] = ("", ())   # (query, codes) the rows show
        self._waiting = QTimer(self)
        self._waiting.setInterval(1000)
        self._waiting.timeout.connect(self._refresh)

    @property
    def store(self) -> Any:
        return self.ctx.service("catalogue")

    def prepare(self) -> None:
        """Built ahead: the tabs and the first page of tiles now (a catalogue still loading waits for enter)."""
        store = self.store
        if store is not None and not store.is_empty():
            self._show_tab(self.tab, keep_page=True)

    def enter(self, params: Mapping[str, Any]) -> None:
        if self.tile_widgets and not self.search.query():
            check_after_shown(self, self._refresh)   # tiles filled ahead: shown now, checked after the paint
        else:
            self._refresh()

    def leave(self) -> None:
        self._waiting.stop()

    def wipe(self) -> None:
        self._waiting.stop()
        self.search.reset()
        clear_layout(self.result_rows)
        self.rows_shown = []
        self._results_shown = ("", ())

    def _ready(self) -> bool:
        store = self.store
        if store is None or store.is_empty():
            self.status.setText(self.tr("事项目录正在准备，请稍候…（如长时间没有出现，请点击“呼叫工作人员”）"))
            self.status.show()
            self._waiting.start()
            return False
        self._waiting.stop()
        self.status.hide()
        return True

    def _refresh(self) -> None:
        if not self._ready():
            return
        self._show_tab(self.tab, keep_page=True)
        self._on_query(self.search.query())

    # ---- browse
    def _show_tab(self, key: str, *, keep_page: bool = False) -> None:
        if key != self._styled_tab:   # re-polishing the tabs is not free: only when the tab changes
            for k, tab in self.tabs.items():
                _restyle(tab, "primary" if k == key else "")
            self._styled_tab = key
        self.tab = key
        store = self.store
        if store is None:
            return
        entries: list[tuple[str, str, str, int]] = []
        if key == BY_THEME:
            entries = [(BY_THEME, k, tr(t), len(store.browse(theme=k))) for k, t in THEMES]
        elif key == BY_EVENT:
            entries = [(BY_EVENT, ev, ev, n) for ev, n in store.life_events()]
        elif key == BY_DEPARTMENT:
            entries = [(BY_DEPARTMENT, dep, dep, n) for dep, n in store.departments()]
        elif key == BY_SITE:
            entries = [(BY_SITE, k, tr(t), len(site_filter(store, k))) for k, t in SITE_FILTERS]
        self._entries = [e for e in entries if e[3] > 0]
        self.pager.set_count(pages(len(self._entries), self.per_page))
        if not keep_page:
            self.pager.set_page(0)
        self._fill_tiles()

    def _fill_tiles(self) -> None:
        start = self.pager.page * self.per_page
        page = tuple(self._entries[start:start + self.per_page])
        if page == self._tiles_shown and self.tile_widgets:
            return   # the same tiles: entering again (or a screen built ahead) keeps them
        self._tiles_shown = page
        clear_layout(self.tiles)
        columns = 2 if self.portrait or self.elderly else 4   # elderly: 2 x 2 big tiles, no scrolling
        self.tile_widgets = []
        for i, (by, value, title, count) in enumerate(page):
            tile = CountTile(title, count)
            tile.clicked.connect(lambda _=False, b=by, v=value: self.ctx.router.go("guide_list", by=b, value=v))
            self.tiles.addWidget(tile, i // columns, i % columns)
            self.tile_widgets.append(tile)

    def tile_titles(self) -> list[str]:
        """What the tiles on the current page say (tests and screenshots)."""
        return [w.title.text() for w in self.tile_widgets]

    # ---- search
    def _on_query(self, query: str) -> None:
        self._query = query
        self.clear_button.setEnabled(bool(query))
        if not query:
            self.results.hide()
            self.browse.show()
            clear_layout(self.result_rows)
            self.rows_shown = []
            self._results_shown = ("", ())
            return
        store = self.store
        if store is None:
            return
        self.browse.hide()
        self.results.show()
        hits = store.search(query, self.per_page + 1)
        results = (query, tuple(hit.item.code for hit in hits))
        if results == self._results_shown and self.rows_shown:
            return   # the same rows (the check after the paint): never rebuilt under the citizen's finger
        self._results_shown = results
        clear_layout(self.result_rows)
        self.rows_shown = []
        if not hits:
            note = label(self.tr("没有找到“%1”。可以换个说法（如“社保”“身份证”），或清空后按分类查找。")
                         .replace("%1", query), "notice")
            self.result_rows.addWidget(note, 0, 0)
        columns = 1 if self.portrait else 2
        for i, hit in enumerate(hits[:self.per_page]):
            row = GuideRow(hit.item, self.ctx.theme.color, elderly=self.elderly)
            row.clicked.connect(lambda _=False, c=hit.item.code: self.ctx.router.go("guide_detail", code=c))
            self.result_rows.addWidget(row, i // columns, i % columns)
            self.rows_shown.append(row)
        self.more.setText(self.tr("查看全部搜索结果"))
        self.more.setVisible(len(hits) > self.per_page)
        if not store.index_ready and query.isascii():
            self.status.setText(self.tr("拼音搜索正在准备，请先输入汉字。"))
            self.status.show()

    def result_names(self) -> list[str]:
        """The names the result rows show, in order (tests)."""
        return [w.title.text() for w in self.rows_shown]

    def result_rows_widgets(self) -> list[GuideRow]:
        return list(self.rows_shown)

    def _open_all_results(self) -> None:
        if self._query:
            self.ctx.router.go("guide_list", by=BY_QUERY, value=self._query)


# ---- guide_list ---------------------------------------------------------------------------------------

class GuideListScreen(Screen):
    name = "guide_list"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.per_page = PAGE_ELDERLY if self.elderly else PAGE_NORMAL
        self.summary = label("", "hint")
        self.root.addWidget(self.summary)
        self.rows = QGridLayout()   # one column in portrait, two in landscape: a page fits the screen
        self.rows.setSpacing(16)
        self.root.addLayout(self.rows)
        self.root.addStretch(1)
        # The pager stays under the list, outside the scrolling part: always in reach.
        self.pager = Pager(wrap=False)
        self.pager.setContentsMargins(48, 0, 48, 16)
        self.pager.changed.connect(lambda _page: self._fill())
        _outer_layout(self).addWidget(self.pager)
        self._items: list[Any] = []
        self._params: dict[str, Any] | None = None
        self.rows_shown: list[GuideRow] = []

    def enter(self, params: Mapping[str, Any]) -> None:
        params = dict(params)
        same = params == self._params   # back from a guide: keep the page the citizen was on
        self._params = params
        by, value = str(params.get("by", "")), str(params.get("value", ""))
        self.set_title(self._title(by, value))
        store = self.ctx.service("catalogue")
        if store is None:
            self._items = []
            self.summary.setText(self.tr("事项目录正在准备，请稍候再试。"))
        else:
            try:
                self._items = items_for(store, by, value)
            except ValueError as exc:
                log.warning("guide_list: %s", exc)
                self._items = []
            self.summary.setText(self.tr("共 %1 项，点击查看办事指南").replace("%1", str(len(self._items)))
                                 if self._items else self.tr("没有找到相关事项。请返回换个分类，或点击“呼叫工作人员”。"))
        # Landscape: the count goes into the pager's line, so a whole page of rows fits without scrolling.
        self.pager.suffix = "" if self.portrait else self.tr("（共 %1 项）").replace("%1", str(len(self._items)))
        self.pager.set_count(pages(len(self._items), self.per_page))
        self.summary.setVisible(self.portrait or self.pager.count <= 1)
        if not same:
            self.pager.set_page(0)
        self._fill()

    def _title(self, by: str, value: str) -> str:
        if by == BY_QUERY:
            return self.tr("搜索：%1").replace("%1", value)
        if by == BY_THEME:
            return tr(dict(THEMES).get(value, value))
        if by == BY_SITE:
            return tr(dict(SITE_FILTERS).get(value, value))
        if by == BY_EVENT:
            return self.tr("人生事项：%1").replace("%1", value)
        return self.tr("部门：%1").replace("%1", value)

    def _fill(self) -> None:
        clear_layout(self.rows)
        start = self.pager.page * self.per_page
        columns = 1 if self.portrait else 2
        self.rows_shown = []
        for i, item in enumerate(self._items[start:start + self.per_page]):
            row = GuideRow(item, self.ctx.theme.color, elderly=self.elderly)
            row.clicked.connect(lambda _=False, c=item.code: self.ctx.router.go("guide_detail", code=c))
            self.rows.addWidget(row, i // columns, i % columns)
            self.rows_shown.append(row)
        self.scroll_area.verticalScrollBar().setValue(0)

    def row_widgets(self) -> list[GuideRow]:
        """The rows of the current page, in order (tests)."""
        return list(self.rows_shown)

    def wipe(self) -> None:
        clear_layout(self.rows)
        self.rows_shown = []
        self._items = []
        self._params = None


# ---- guide_detail -------------------------------------------------------------------------------------

class AnswerCard(Card):
    """One big answer: a plain question, the official element's name, the answer in large type, details."""

    def __init__(self, question: str, element: str, *, elderly: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(28, 20, 28, 22)
        box.setSpacing(8)
        # The plain question, then (normal mode) the official element's name, in one label that wraps:
        # narrow cards in English would squeeze two labels side by side.
        self.element_name = element
        caption = f"<b>{escape(question)}</b>"
        if not elderly:   # elderly mode: one thing to read per card
            caption += f"&nbsp;&nbsp;·&nbsp;&nbsp;{escape(element)}"
        self.question = label(caption, "hint")
        self.question.setTextFormat(Qt.TextFormat.RichText)
        box.addWidget(self.question)
        self.answer = label("", "tileTitle")
        box.addWidget(self.answer)
        self.detail = label("", "")
        box.addWidget(self.detail)
        self.extra = QVBoxLayout()
        self.extra.setSpacing(10)
        box.addLayout(self.extra)
        box.addStretch(1)   # cards in one row share a height: keep each card's text at its top

    def set(self, answer: str, detail: str = "") -> None:
        self.answer.setText(answer)
        self.answer.setVisible(bool(answer))
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def clear(self) -> None:
        self.set("", "")
        clear_layout(self.extra)


class GuideDetailScreen(Screen):
    name = "guide_detail"
    idle_timeout_s = 180   # reading a guide takes longer than the default

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("办事指南"))
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        meta_row = QHBoxLayout()   # the badges, then department and code, on one line
        meta_row.setSpacing(10)
        self.badge_row = QHBoxLayout()
        self.badge_row.setSpacing(10)
        meta_row.addLayout(self.badge_row, 0)
        self.meta = label("", "hint")
        meta_row.addWidget(self.meta, 1)
        self.root.addLayout(meta_row)
        self.status = label("", "notice")
        self.status.hide()
        self.root.addWidget(self.status)
        elderly = self.elderly
        self.cards = {
            "result": AnswerCard(self.tr("能办到什么"), self.tr("办理结果及送达方式"), elderly=elderly),
            "visits": AnswerCard(self.tr("要跑几次"), self.tr("到现场次数"), elderly=elderly),
            "time": AnswerCard(self.tr("要多长时间"), self.tr("办理时限"), elderly=elderly),
            "fee": AnswerCard(self.tr("要不要钱"), self.tr("收费标准及依据"), elderly=elderly),
            "materials": AnswerCard(self.tr("要带什么材料"), self.tr("申请材料"), elderly=elderly),
            "where": AnswerCard(self.tr("在哪里办"), self.tr("办理地点"), elderly=elderly),
            "when": AnswerCard(self.tr("什么时间办"), self.tr("办理时间"), elderly=elderly),
            "phone": AnswerCard(self.tr("有问题打电话"), self.tr("咨询电话 / 监督投诉电话"), elderly=elderly),
        }
        grid = QGridLayout()
        grid.setSpacing(20)
        if self.portrait and not elderly:   # three short answers side by side, the long ones full width
            order = [("result", 0, 0, 1, 3), ("visits", 1, 0, 1, 1), ("time", 1, 1, 1, 1), ("fee", 1, 2, 1, 1),
                     ("materials", 2, 0, 1, 3), ("where", 3, 0, 1, 3), ("when", 4, 0, 1, 3), ("phone", 5, 0, 1, 3)]
        elif self.portrait:                  # elderly: mostly one card per line, the large type needs the width
            order = [("result", 0, 0, 1, 2), ("visits", 1, 0, 1, 1), ("time", 1, 1, 1, 1), ("fee", 2, 0, 1, 2),
                     ("materials", 3, 0, 1, 2), ("where", 4, 0, 1, 2), ("when", 5, 0, 1, 2), ("phone", 6, 0, 1, 2)]
        elif not elderly:                    # landscape: four columns, the checklist tall on the left
            order = [("result", 0, 0, 1, 2), ("visits", 0, 2, 1, 1), ("time", 0, 3, 1, 1),
                     ("materials", 1, 0, 3, 2), ("fee", 1, 2, 1, 1), ("phone", 1, 3, 1, 1), ("where", 2, 2, 1, 2),
                     ("when", 3, 2, 1, 2)]
        else:
            order = [("result", 0, 0, 1, 1), ("visits", 0, 1, 1, 1), ("time", 1, 0, 1, 1), ("fee", 1, 1, 1, 1),
                     ("materials", 2, 0, 1, 2), ("where", 3, 0, 1, 1), ("when", 3, 1, 1, 1), ("phone", 4, 0, 1, 2)]
        for key, row, col, rows, cols in order:
            grid.addWidget(self.cards[key], row, col, rows, cols)
        for col in range(grid.columnCount()):
            grid.setColumnStretch(col, 1)
        self.answers = QWidget()
        self.answers.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        self.root.addWidget(self.answers)
        # The rest of the 13 elements, below.
        self.more_title = label(self.tr("更多信息"), "tileTitle")
        self.root.addWidget(self.more_title)
        self.more = QVBoxLayout()
        self.more.setSpacing(12)
        self.root.addLayout(self.more)
        self.root.addStretch(1)
        # Fixed under the scrolling guide: take it away (print / QR) and apply, always in reach.
        self.takeaway = QFrame()
        self.takeaway.setObjectName("Dialog")
        take_box = QVBoxLayout(self.takeaway)
        take_box.setContentsMargins(24, 16, 24, 16)
        self.receipt = ReceiptPanel(ctx)
        take_box.addWidget(self.receipt)
        self.qr_caption = label(self.tr("用手机扫描二维码，把这份办事指南带走"), "")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        take_box.addWidget(self.qr_caption)
        self.qr = QrView(280)
        take_box.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignCenter)
        self.close_takeaway = button(self.tr("收起"))
        self.close_takeaway.clicked.connect(self._hide_takeaway)
        take_box.addWidget(self.close_takeaway)
        self.takeaway.hide()
        actions = QWidget()
        actions.setObjectName("GuideActions")
        action_row = QHBoxLayout(actions)
        action_row.setContentsMargins(48, 12, 48, 16)
        action_row.setSpacing(20)
        self.print_button = button(self.tr("打印办事指南"))
        self.print_button.clicked.connect(self._print)
        self.qr_button = button(self.tr("扫码带走"))
        self.qr_button.clicked.connect(self._show_qr)
        self.apply_button = button(self.tr("我要办"), "primary")
        self.apply_button.clicked.connect(self._apply)
        for b in (self.print_button, self.qr_button, self.apply_button):
            action_row.addWidget(b, 1)
        self.takeaway_holder = self._margin(self.takeaway)
        _outer_layout(self).addWidget(self.takeaway_holder)
        _outer_layout(self).addWidget(actions)
        self.code = ""
        self.view: GuideView | None = None

    @staticmethod
    def _margin(widget: QWidget) -> QWidget:
        """WIDGET inside a holder with the screen's side margins; the holder is what shows and hides."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(48, 8, 48, 0)
        box.addWidget(widget)
        widget.show()
        holder.hide()
        return holder

    @property
    def store(self) -> Any:
        return self.ctx.service("catalogue")

    # ---- entering
    def enter(self, params: Mapping[str, Any]) -> None:
        code = str(params.get("code", ""))
        if code == self.code and self.view is not None:
            return  # back from "apply": the same guide, where the citizen left it
        self.wipe()
        self.code = code
        store = self.store
        item = store.get(code) if store is not None else None
        if store is None:
            self._say(self.tr("事项目录正在准备，请稍候再试，或点击“呼叫工作人员”。"))
            return
        if item is None:
            self._say(self.tr("没有找到这个事项（可能已调整）。请返回重新查找。"))
            return
        self._show_item(item)
        cached = store.guide(code)
        if cached is not None:
            self._render(guide_view(code, cached.data, item))
            if cached.stale:
                self._fetch(code, quiet=True)
            return
        if not item.has_guide:
            self._say(self.tr("这个事项暂无详细办事指南。请拨打咨询电话或到服务窗口咨询，也可以点击“呼叫工作人员”。"))
            return
        self._fetch(code, quiet=False)

    def _show_item(self, item: Any) -> None:
        self.set_title(item.name)
        self.meta.setText(self.tr("%1 · 事项编码 %2").replace("%1", item.department).replace("%2", item.code))
        clear_layout(self.badge_row)
        for key, text in badges(item):
            self.badge_row.addWidget(Badge(tr(text), self.ctx.theme.color(BADGE_COLORS[key])), 0,
                                     Qt.AlignmentFlag.AlignVCenter)
        self.qr_button.setEnabled(True)

    def _fetch(self, code: str, *, quiet: bool) -> None:
        client, store = self.ctx.service("central"), self.store
        if client is None:
            if not quiet:
                self._say(self._needs_network())
            return
        if not quiet:
            self._say(self.tr("正在获取办事指南，请稍候…"))

        def work() -> dict[str, Any]:
            raw = dict(client.guide(code).raw)
            store.put_guide(code, raw)   # cached for offline use
            return raw

        def done(raw: dict[str, Any]) -> None:
            if code == self.code:
                self._render(guide_view(code, raw, store.get(code)))

        def failed(exc: BaseException) -> None:
            if code != self.code or quiet:
                return
            err = getattr(exc, "code", "")
            log.info("guide %s not fetched: %s", code, err or type(exc).__name__)
            if err == "guide_not_available":
                self._say(self.tr("这个事项暂无详细办事指南。请拨打咨询电话或到服务窗口咨询，也可以点击“呼叫工作人员”。"))
            elif isinstance(exc, TimeoutError) or err in _NETWORK_CODES:
                self._say(self._needs_network())
            else:
                message = getattr(exc, "message_zh" if self.ctx.session.language == "zh_CN" else "message_en", "")
                self._say(message or self._needs_network())

        self.ctx.run(work, done, failed, deadline_s=self.ctx.config.central.lookup_deadline_s)

    def _needs_network(self) -> str:
        return self.tr("这份办事指南还没有保存在本机，查看需要联网，现在网络不通。\n"
                       "您可以稍后再试，或返回查看其他事项的办事指南，也可以点击“呼叫工作人员”。")

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # ---- rendering
    def _render(self, view: GuideView) -> None:
        self.view = view
        self._say("")
        self.set_title(view.name)
        c = self.cards
        c["result"].set(view.result or self.tr("见办理流程"), view.delivery)
        if view.visits == 0:
            c["visits"].set(self.tr("零跑动"), self.tr("全程网上办理，不用到现场"))
        elif view.visits == 1:
            c["visits"].set(self.tr("最多跑一次"), self.tr("材料带齐，到现场一次即可办好"))
        elif view.visits is not None:
            c["visits"].set(self.tr("到现场 %1 次").replace("%1", str(view.visits)))
        else:
            c["visits"].set(view.elements.get("visits", ""))
        if view.promised_days is None:
            c["time"].set(view.time_text)
        else:
            promised = (self.tr("即办，当场办结") if view.promised_days == 0
                        else self.tr("承诺 %1 个工作日").replace("%1", str(view.promised_days)))
            statutory = (self.tr("法定时限 %1 个工作日").replace("%1", str(view.statutory_days))
                         if view.statutory_days else self.tr("法定时限：无明确规定"))
            c["time"].set(promised, statutory)
        if view.fee_free is True:
            c["fee"].set(self.tr("不收费"), view.fee_basis)
        else:
            c["fee"].set(view.fee, self.tr("依据：%1").replace("%1", view.fee_basis) if view.fee_basis else "")
        self._render_materials(view)
        c["where"].set("\n".join(view.locations))
        c["when"].set("", view.hours)
        c["phone"].set(view.consult_phone, self.tr("监督投诉：%1").replace("%1", view.complaint_phone))
        self.answers.show()
        self._render_more(view)
        self.print_button.setEnabled(True)
        self.qr_button.setEnabled(True)
        site = getattr(self.store, "site", None)
        item = self.store.get(view.code) if self.store is not None else None
        self.apply_button.setVisible(item is not None and can_apply_here(item, view, site))

    def _render_materials(self, view: GuideView) -> None:
        card = self.cards["materials"]
        card.clear()
        bring = [m for m in view.materials if not m.electronic]
        held = [m for m in view.materials if m.electronic]
        if not view.materials:
            card.set(self.tr("不需要提交材料"))
            return
        card.set(self.tr("需要带 %1 样，%2 样不用带").replace("%1", str(len(bring))).replace("%2", str(len(held)))
                 if held else self.tr("需要带 %1 样").replace("%1", str(len(bring))))
        for m in bring:
            amount = self.tr("%1 %2 份").replace("%1", m.form).replace("%2", str(m.count))
            text = "□ " + m.name + "（" + amount + "）"
            if not m.required:
                text += self.tr("（视情提供）")
            line = label(text, "")
            card.extra.addWidget(line)
            if m.note and not self.elderly:
                card.extra.addWidget(self._note(m.note))
        for m in held:
            line = label("√ " + m.name + "：" + self.tr("无需提交，政府已有电子证照"), "")
            line.setStyleSheet(f"color: {self.ctx.theme.color('OK')}; font-weight: bold;")
            card.extra.addWidget(line)
            if m.note and not self.elderly:
                card.extra.addWidget(self._note(m.note))

    @staticmethod
    def _note(text: str) -> QLabel:
        note = label("    " + text, "hint")
        return note

    def _render_more(self, view: GuideView) -> None:
        clear_layout(self.more)
        sections: list[tuple[str, str]] = [
            (self.tr("事项名称和编码"), f"{view.name}（{view.code}）"),
            (self.tr("受理条件"), "\n".join(f"{i}. {c}" for i, c in enumerate(view.conditions, 1))),
            (self.tr("办理流程"), "\n".join(f"{i}. {p}" for i, p in enumerate(view.process, 1))),
            (self.tr("设定依据"), "\n".join(view.basis)),
        ]
        if view.implementing_body:
            sections.append((self.tr("实施主体"), view.implementing_body))
        if view.intermediary:
            sections.append((self.tr("中介服务"), view.intermediary))
        for q, a in view.faq:
            sections.append((self.tr("常见问题：%1").replace("%1", q), a))
        for title, body in sections:
            card = Card()
            box = QVBoxLayout(card)
            box.setContentsMargins(28, 18, 28, 20)
            box.setSpacing(8)
            heading = label(title, "")
            heading.setStyleSheet("font-weight: bold;")
            box.addWidget(heading)
            box.addWidget(label(body or self.tr("无"), ""))
            self.more.addWidget(card)
        self.more_title.show()

    # ---- actions
    def _print(self) -> None:
        if self.view is None:
            return
        terminal = self.ctx.config.terminal
        self._show_takeaway(qr=False)
        self.receipt.print_document(print_document(self.view, terminal.site_name, terminal.id))

    def _show_qr(self) -> None:
        if not self.code:
            return
        self._show_takeaway(qr=True)
        url = self.view.url if self.view is not None else GUIDE_URL_BASE + self.code
        self.qr.set_payload(url)
        self.qr_payload = url

    def _show_takeaway(self, *, qr: bool) -> None:
        self.receipt.setVisible(not qr)
        if qr:
            self.receipt.clear()
        self.qr_caption.setVisible(qr)
        self.qr.setVisible(qr)
        self.takeaway_holder.show()

    def _hide_takeaway(self) -> None:
        self.takeaway_holder.hide()
        self.receipt.clear()
        self.qr.clear()
        self.qr_payload = ""

    def _apply(self) -> None:
        if self.code:
            self.ctx.router.go("apply", code=self.code)

    def wipe(self) -> None:
        self.code = ""
        self.view = None
        self.qr_payload = ""
        self._say("")
        self.set_title(self.tr("办事指南"))
        self.meta.clear()
        clear_layout(self.badge_row)
        for card in self.cards.values():
            card.clear()
        self.answers.hide()
        clear_layout(self.more)
        self.more_title.hide()
        self.print_button.setEnabled(False)
        self.qr_button.setEnabled(False)
        self.apply_button.hide()
        self._hide_takeaway()


# ---- screenshots --------------------------------------------------------------------------------------

_shot_store: Any = None
SAMPLE_ITEM = "老年人优待证办理"   # a village item with a full hand-written guide and electronic materials


def _seed_store(built: Any) -> Any:
    """A temporary CatalogueStore filled from the reference service's seed (no central service runs in the
    screenshot command); None when the seed is not shipped (a packaged kiosk)."""
    global _shot_store
    if _shot_store is None:
        import atexit
        import shutil
        import tempfile
        from types import SimpleNamespace

        from kiosk.catalogue.model import Site
        from kiosk.catalogue.store import CatalogueStore
        from kiosk.tasks import allow_blocking

        try:
            from central import catalogue as central_catalogue
            from central.seed.loader import build_items, hand_written_guides, read_tsv
        except ImportError:
            log.warning("screenshots: the reference service's seed is not available; guide screens stay empty")
            return None
        rows = [SimpleNamespace(**it) for it in build_items(read_tsv(), hand_written_guides())]
        folder = tempfile.mkdtemp(prefix="kiosk-shot-catalogue-")
        atexit.register(shutil.rmtree, folder, True)
        with allow_blocking():
            store = CatalogueStore(f"{folder}/catalogue.sqlite3", Site.from_terminal(built.ctx.config.terminal))
            store.apply_changes([central_catalogue.item_dict(r) for r in rows], None, full=True)
            for r in rows:
                if r.has_guide:
                    store.put_guide(r.code, central_catalogue.guide_dict(r))
        _shot_store = store
    built.ctx.services["catalogue"] = _shot_store
    return _shot_store


def _code_of(store: Any, name: str) -> str:
    return next((i.code for i in store.items() if i.name == name and i.has_guide), "")


def _shot_browse(built: Any) -> None:
    _seed_store(built)
    built.ctx.router.go("guide_browse")


def _shot_search(built: Any) -> None:
    _seed_store(built)
    built.ctx.router.go("guide_browse")
    built.window.current_screen.search.setText("社保")


def _shot_list(built: Any) -> None:
    _seed_store(built)
    built.ctx.router.go("guide_browse")
    built.ctx.router.go("guide_list", by=BY_EVENT, value="退休")


def _shot_detail(built: Any, *, scrolled: bool = False) -> None:
    store = _seed_store(built)
    built.ctx.router.go("guide_browse")
    if store is None:
        return
    built.ctx.router.go("guide_detail", code=_code_of(store, SAMPLE_ITEM))
    if scrolled:
        screen = built.window.current_screen
        from PySide6.QtWidgets import QApplication

        for _ in range(3):   # let the guide's cards lay out first: the section's position depends on them
            QApplication.processEvents()
        bar = screen.scroll_area.verticalScrollBar()
        bar.setValue(min(bar.maximum(), screen.more_title.y() - 24))


def screenshot_plan() -> dict[str, Callable[[Any], None]]:
    return {
        "guide_browse": _shot_browse,
        "guide_browse_search": _shot_search,
        "guide_list": _shot_list,
        "guide_detail": _shot_detail,
        "guide_detail_more": lambda built: _shot_detail(built, scrolled=True),
    }
