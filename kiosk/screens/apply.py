"""我要办: choose a service -> identify (ID card) -> form -> materials -> delivery -> confirm -> submitted.

The application lives in ctx.session.draft while it is filled in (back and forth keeps it; the session wipe
forgets it); the guide in ctx.session.data. The submission goes to the local outbox off the GUI thread and
the citizen is told "已提交" (the sync worker sent it and the case number came back) or "已保存，联网后自动上传"
(with the local reference) only after the COMMIT returned. The citizen's own data is shown in full only on
the confirm screen; everywhere else (form summary, receipt) it is masked with kiosk.privacy.
"""
from __future__ import annotations

import importlib.util
import json
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
)

from kiosk.api import models as m
from kiosk.journeys import IDENTIFY
from kiosk.privacy import mask_address, mask_id_number, mask_name
from kiosk.screens.base import Screen
from kiosk.screens.fit_label import FitLabel
from kiosk.screens.form_fields import (
    AddressField,
    FieldSpec,
    FormField,
    Region,
    RegionLoader,
    TextField,
    display_value,
    form_qss,
    make_field,
    spec_from_attribute,
)
from kiosk.screens.receipt import ReceiptPanel, beside_receipt
from kiosk.screens.submission import Submission, SubmissionWatcher
from kiosk.screens.widgets import Card, SearchBox, button, clear_layout, label

log = logging.getLogger(__name__)

# QR payloads on paper: short case-number URLs (the real host comes from the central service's operator;
# until [central] has a public_url key this is the demo host the printer samples use).
FOLLOW_BASE = "https://zw.liuyang.example/c/"
GUIDE_BASE = "https://zw.liuyang.example/g/"
VILLAGE_FLOW = "村受理-镇审核-村出件"
COUNTY_ACCEPT = "浏阳市政务服务中心（市民之家）综合受理窗口"   # as the central service names them
COUNTY_HANDOVER = "浏阳市政务服务中心（市民之家）出件窗口"
PREFILL_FROM_CARD = {"insured_name": "name", "insured_id_number": "id_number"}


def screen_available(name: str) -> bool:
    """Whether another engineer's screen module exists yet (the move is in the graph either way)."""
    from kiosk.screens.registry import SCREENS

    target = SCREENS.get(name, "")
    return bool(target) and importlib.util.find_spec(target.partition(":")[0]) is not None


# ---- the guide ---------------------------------------------------------------------------------------------

def guide_from_raw(raw: Mapping[str, Any]) -> m.Guide:
    """The contract's guide JSON (from the central service or the catalogue cache) as typed parts."""
    return m.Guide(
        item=m.from_json(m.CatalogueItem, raw["item"]),
        materials=[m.from_json(m.Material, x) for x in raw.get("materials", [])],
        attributes=sorted((m.from_json(m.FormAttribute, x) for x in raw.get("form", {}).get("attributes", [])),
                          key=lambda a: a.order),
        delivery=m.from_json(m.DeliveryOptions, raw["delivery"]),
        elements=[m.from_json(m.GuideElement, x) for x in raw.get("elements", [])],
        visits=int(raw.get("visits", 1)), raw=dict(raw))


def fetch_guide(ctx: Any, code: str) -> dict[str, Any]:
    """Worker thread: the cached guide (works offline), else the central service's (then cached)."""
    store, client = ctx.service("catalogue"), ctx.service("central")
    cached = store.guide(code) if store is not None else None
    if cached is not None and (not cached.stale or client is None):
        return dict(cached.data)
    if client is None:
        raise LookupError("no guide")
    try:
        raw = dict(client.guide(code).raw)
    except Exception:
        if cached is not None:
            return dict(cached.data)
        raise
    if store is not None:
        try:
            store.put_guide(code, raw)
        except Exception:  # noqa: BLE001 - the cache is a convenience
            log.info("guide %s not cached", code)
    return raw


def promised_date(guide: m.Guide, start: datetime) -> date | str:
    """承诺办结: working days from the guide (Mon-Fri, as the central service counts them)."""
    days = (guide.raw.get("time_limit") or {}).get("promised_days")
    if days is None:
        return "以办理部门通知为准"
    current, left = start, int(days)
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current.date()


# ---- regions (public data: cached in memory and on disk, so the picker works offline once loaded) ----------

class RegionCache:
    """code ('' = the county root) -> its children; loaded through the central client, kept on disk."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._memory: dict[str, list[Region]] = {}
        self._loaded_from: Path | None = None

    def _file(self, ctx: Any) -> Path | None:
        return Path(ctx.data_dir) / "regions-cache.json" if ctx.data_dir else None

    def children(self, ctx: Any, code: str | None) -> list[Region]:
        """Worker thread. Memory, else the central service (then saved), else the disk copy; raises when none."""
        key = code or ""
        path = self._file(ctx)
        with self._lock:
            if path is not None and self._loaded_from != path and path.exists():
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                    self._memory.update({k: [Region(**r) for r in v] for k, v in data.items()})
                except (OSError, ValueError, TypeError):
                    log.warning("region cache unreadable; refetching")
                self._loaded_from = path
            if key in self._memory:
                return list(self._memory[key])
        client = ctx.service("central")
        if client is None:
            raise LookupError("no central client")
        answer = client.regions(code)
        regions = [Region(c.code, c.name, c.full_name, c.level) for c in answer.children]
        with self._lock:
            self._memory[key] = regions
            if path is not None:
                try:
                    tmp = path.with_suffix(".tmp")
                    tmp.write_text(json.dumps({k: [r.__dict__ for r in v] for k, v in self._memory.items()},
                                              ensure_ascii=False), encoding="utf-8")
                    tmp.replace(path)
                except OSError:
                    log.warning("region cache not saved")
        return list(regions)

    def put(self, code: str | None, regions: Sequence[Region]) -> None:
        with self._lock:
            self._memory[code or ""] = list(regions)


REGIONS = RegionCache()


def region_loader(ctx: Any) -> RegionLoader:
    def load(code: str | None, done: Callable[[Sequence[Region]], None], failed: Callable[[], None]) -> None:
        ctx.run(lambda: REGIONS.children(ctx, code), done, lambda _exc: failed(),
                deadline_s=ctx.config.central.lookup_deadline_s)
    return load


def match_card_region(ctx: Any, address: str) -> tuple[str, Region | None, Region | None] | None:
    """Worker thread: the township and village named in a card address, from the region list (or None)."""
    towns = REGIONS.children(ctx, None)
    town = next((t for t in towns if t.name and t.name in address), None)
    if town is None:
        return None
    try:
        villages = REGIONS.children(ctx, town.code)
    except Exception:  # noqa: BLE001 - the township alone still routes the case
        villages = []
    village = next((v for v in villages if v.name and v.name in address.split(town.name, 1)[-1]), None)
    return ((village or town).code, town, village)


# ---- the route and the payload (pure) -----------------------------------------------------------------------

@dataclass(frozen=True)
class Route:
    kind: str
    accept: str
    review: str
    handover: str
    flow: str


def plan_route(region_code: str, town: str, village: str, levels: Sequence[str], department: str) -> Route:
    """The same rule the central service applies (central/workflow.py route_case), for the receipt."""
    if len(region_code) == 12 and "village" in levels and town and village:
        office = f"{town}{village}便民服务站"
        return Route("village", office, f"{town}便民服务中心", office, VILLAGE_FLOW)
    if len(region_code) >= 9 and "township" in levels and town:
        office = f"{town}便民服务中心"
        return Route("township", office, office, office, "")
    return Route("county", COUNTY_ACCEPT, department, COUNTY_HANDOVER, "")


def card_fields(card: Any) -> dict[str, str]:
    """What the form takes from the ID card (full values: the draft and the confirm screen only)."""
    birth = getattr(card, "birth_date", None)
    return {"name": card.name, "id_number": card.id_number, "gender": card.gender,
            "birth_date": birth.isoformat() if birth else "", "address": card.current_address or ""}


def build_payload(code: str, guide: m.Guide, card: Mapping[str, str], draft: Mapping[str, Any]) -> dict[str, Any]:
    """POST /cases body from the draft (central/models/cases.py CaseCreate)."""
    address = draft.get("address") or {}
    form = {k: v for k, v in (draft.get("form") or {}).items()
            if k in {a.code for a in guide.attributes} and v not in (None, "", [])}
    if any(a.code == "contact_address" for a in guide.attributes) and address.get("text"):
        form["contact_address"] = address["text"]
    answers = draft.get("materials") or {}
    materials = []
    for mat in guide.materials:
        if mat.electronic:
            materials.append({"name": mat.name, "provided_as": "electronic"})
        elif answers.get(mat.name, "have" if mat.required else "no") == "have":
            materials.append({"name": mat.name, "provided_as": "paper_later"})
    delivery = dict(draft.get("delivery") or {"method": "pickup"})
    body: dict[str, Any] = {
        "service_code": code,
        "applicant": {"name": card["name"], "id_number": card["id_number"], "phone": draft.get("phone", ""),
                      "address": address.get("text") or card.get("address") or None},
        "form": form, "materials": materials,
        "delivery": {"method": delivery.get("method", "pickup"), "pickup_site": delivery.get("pickup_site"),
                     "address": delivery.get("address") if delivery.get("method") == "express" else None},
    }
    if address.get("region_code"):
        body["region_code"] = address["region_code"]
    return body


# ---- shared screen plumbing ----------------------------------------------------------------------------------

class ApplyStep(Screen):
    """Common to the steps after identification: the guide in the session, the draft, the step heading."""

    step_no = 0

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.setStyleSheet(form_qss(ctx.theme))
        self.steps = label("", "hint")
        self.root.insertWidget(0, self.steps)
        self.status = label("", "notice")
        self.status.hide()
        self.root.addWidget(self.status)
        self.body = QVBoxLayout()
        self.body.setSpacing(20)
        self.root.addLayout(self.body)
        self.root.addStretch(1)
        self.next = button("", "primary")
        self.next.hide()
        self.root.addWidget(self.next)

    @property
    def columns(self) -> int:
        return (1 if self.elderly else 2) if self.portrait else (2 if self.elderly else 3)

    def show_steps(self) -> None:
        names = [QCoreApplication.translate("ApplyStep", "填写"), QCoreApplication.translate("ApplyStep", "材料"), QCoreApplication.translate("ApplyStep", "领取"), QCoreApplication.translate("ApplyStep", "确认")]
        parts = [f"【{n}】" if i + 1 == self.step_no else n for i, n in enumerate(names)]
        self.steps.setText(QCoreApplication.translate("ApplyStep", "第 %1 步，共 4 步：").replace("%1", str(self.step_no)) + " → ".join(parts))

    @property
    def code(self) -> str:
        return str(self.ctx.session.draft.get("code", ""))

    @property
    def guide(self) -> m.Guide | None:
        raw = self.ctx.session.data.get("apply_guide")
        if not raw or raw.get("item", {}).get("code") != self.code:
            return None
        try:
            return guide_from_raw(raw)
        except (KeyError, TypeError, ValueError, m.BadResponse):
            return None

    def card(self) -> dict[str, str] | None:
        identity = self.ctx.session.identity
        return card_fields(identity) if identity is not None else None

    def gender_text(self, value: str) -> str:
        return {"男": QCoreApplication.translate("ApplyStep", "男"), "女": QCoreApplication.translate("ApplyStep", "女")}.get(value, value)

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def with_guide(self, then: Callable[[m.Guide], None]) -> None:
        """Call THEN with the guide (from the session, else the cache, else the central service)."""
        guide = self.guide
        if guide is not None:
            then(guide)
            return
        self.say(QCoreApplication.translate("ApplyStep", "正在读取办事指南，请稍候…"))
        code = self.code

        def done(raw: dict[str, Any]) -> None:
            try:
                guide = guide_from_raw(raw)
            except (KeyError, TypeError, ValueError, m.BadResponse):
                failed(ValueError("bad guide"))
                return
            self.ctx.session.data["apply_guide"] = raw
            self.say("")
            then(guide)

        def failed(_exc: BaseException) -> None:
            self.say(QCoreApplication.translate("ApplyStep", "暂时无法读取这个事项的申请表（网络不通，本机也没有保存）。\n"
                             "您可以稍后再试，或点击右下角“呼叫工作人员”。"))

        ctx = self.ctx   # the worker must not hold the screen: its last reference would die on that thread
        ctx.run(lambda: fetch_guide(ctx, code), done, failed, deadline_s=ctx.config.central.lookup_deadline_s)

    def clear_body(self) -> None:
        clear_layout(self.body)

    def wipe(self) -> None:
        try:
            self.clear_body()
            self.say("")
        except RuntimeError:   # the widget is already gone (the window dropped it first)
            pass


def section(text: str) -> Any:
    return label(text, "section")


def info_card(rows: Sequence[tuple[str, str]]) -> Card:
    """A white panel of label: value lines (values wrap; labels keep their width)."""
    card = Card()
    grid = QGridLayout(card)
    grid.setContentsMargins(24, 16, 24, 16)
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(10)
    for i, (name, value) in enumerate(rows):
        key = label(name, "hint")
        key.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(key, i, 0)
        grid.addWidget(label(value), i, 1)
    grid.setColumnStretch(1, 1)
    return card


# ---- 1. apply: choose a service, then identify ------------------------------------------------------------

class ApplyStartScreen(Screen):
    name = "apply"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.setStyleSheet(form_qss(ctx.theme))
        self.set_title(self.tr("我要办"))
        self.intro = label(self.tr("选择要办理的事项。办理时需要刷您本人的居民身份证。"), "hint")
        self.root.addWidget(self.intro)
        self.search = SearchBox()  # answers while the Pinyin keyboard is still composing ("lnr")
        self.search.setPlaceholderText(self.tr("输入事项名称或拼音首字母，如 lnr（老年人）"))
        self.search.queryChanged.connect(lambda _query: self._refresh())
        self.root.addWidget(self.search)
        self.list_title = label("", "section")
        self.root.addWidget(self.list_title)
        self.items_box = QVBoxLayout()
        self.items_box.setSpacing(14)
        self.root.addLayout(self.items_box)
        self.chosen = label("", "big")
        self.chosen.hide()
        self.root.addWidget(self.chosen)
        self.notice = label("", "notice")
        self.notice.hide()
        self.root.addWidget(self.notice)
        self.root.addStretch(1)
        self._code = ""   # the service chosen (the buttons below open or start it)
        self.guide_button = button(self.tr("先看办事指南"))
        self.guide_button.clicked.connect(lambda: self.ctx.router.go("guide_detail", code=self._code))
        self.guide_button.hide()
        self.root.addWidget(self.guide_button)
        self.start = button(self.tr("开始办理（请准备身份证）"), "primary")
        self.start.clicked.connect(lambda: self.begin(self._code))
        self.start.hide()
        self.root.addWidget(self.start)
        self.item_buttons: dict[str, QPushButton] = {}

    @property
    def page_size(self) -> int:
        return 4 if self.elderly else 8

    def enter(self, params: Mapping[str, Any]) -> None:
        self._code = str(params.get("code") or "")
        chooser = not self._code
        for widget in (self.intro, self.search, self.list_title):
            widget.setVisible(chooser)
        self.notice.hide()
        if chooser:
            self.set_title(self.tr("我要办"))
            self.chosen.hide()
            self.start.hide()
            self.guide_button.hide()
            self._refresh()
            return
        self._clear_items()
        store = self.ctx.service("catalogue")
        item = store.get(self._code) if store is not None else None
        self.set_title(self.tr("我要办"))
        self.chosen.setText(item.name if item is not None else self._code)
        self.chosen.show()
        self.notice.setText(self.tr("下一步请刷身份证。表格会用身份证上的信息自动填好，您只需补充缺少的几项。"))
        self.notice.show()
        self.start.show()
        self.guide_button.setVisible(screen_available("guide_detail"))

    def _clear_items(self) -> None:
        clear_layout(self.items_box)
        self.item_buttons.clear()

    def candidates(self, query: str) -> list[Any]:
        """Items that can be applied for here: with a guide and a form, offered at this site's level."""
        store = self.ctx.service("catalogue")
        if store is None:
            return []
        if query.strip():
            items = [hit.item for hit in store.search(query, 40, here=True)]
        else:
            items = store.browse(here=True)
        return [i for i in items if i.has_guide][: self.page_size]

    def _refresh(self) -> None:
        if self._code:
            return
        self._clear_items()
        query = self.search.query()
        store = self.ctx.service("catalogue")
        if store is None:
            self.list_title.setText(self.tr("事项目录正在加载，请稍候再试。"))
            return
        items = self.candidates(query)
        if query.strip():
            self.list_title.setText(self.tr("搜索结果") if items else self.tr("没有找到可以在这里申请的事项，换个说法试试。"))
        else:
            self.list_title.setText(self.tr("常办事项"))
        for item in items:
            b = button(item.name)
            b.setStyleSheet("text-align: left;")
            b.clicked.connect(lambda _=False, code=item.code: self.begin(code))
            self.items_box.addWidget(b)
            self.item_buttons[item.code] = b

    def begin(self, code: str) -> None:
        if not code:
            return
        if not screen_available(IDENTIFY):
            self.notice.setText(self.tr("本终端暂时不能读取身份证，请到窗口办理，或点击右下角“呼叫工作人员”。"))
            self.notice.show()
            return
        self.ctx.router.go(IDENTIFY, purpose=self.tr("办理申请"), next="apply_form",
                           next_params={"code": code}, allow_manual=False)

    def wipe(self) -> None:
        try:
            self.search.clear()
            self._clear_items()
        except RuntimeError:
            pass




# ---- 2. apply_form --------------------------------------------------------------------------------------------

class ApplyFormScreen(ApplyStep):
    name = "apply_form"
    idle_timeout_s = 180
    step_no = 1

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("填写申请表"))
        self.next.setText(self.tr("下一步：核对材料"))
        self.next.clicked.connect(self.submit_form)
        self.fields: dict[str, FormField] = {}
        self.summary_error = label("", "error")
        self.summary_error.hide()
        self.root.insertWidget(self.root.indexOf(self.next), self.summary_error)
        self._built_for = ""

    def enter(self, params: Mapping[str, Any]) -> None:
        draft = self.ctx.session.draft
        code = str(params.get("code") or draft.get("code") or "")
        if draft.get("code") != code:
            draft.clear()
            draft["code"] = code
        self.show_steps()
        if self.ctx.session.identity is None:
            self.clear_body()
            self.next.hide()
            self.say(self.tr("请先刷身份证。请返回首页重新开始。"))
            return
        if self._built_for == code and self.fields:
            return
        self.with_guide(self.build)

    def build(self, guide: m.Guide) -> None:
        self.clear_body()
        self.fields.clear()
        card = self.card() or {}
        self.set_title(guide.item.name)
        self.body.addWidget(section(self.tr("身份证信息（已自动读取，无需填写）")))
        self.body.addWidget(info_card([
            (self.tr("姓名"), mask_name(card.get("name", ""))),
            (self.tr("性别"), self.gender_text(card.get("gender", ""))),
            (self.tr("证件号码"), mask_id_number(card.get("id_number", ""))),
            (self.tr("出生日期"), "****-**-**"),
            (self.tr("住址"), mask_address(card.get("address", "")) or self.tr("（证件上没有住址）")),
        ]))
        self.body.addWidget(section(self.tr("请补充以下信息")))
        loader = region_loader(self.ctx)
        phone = make_field(FieldSpec("phone", "phone", self.tr("手机号码"),
                                     hint=self.tr("用于接收办理进度短信，查询办件时核对后 4 位")), columns=self.columns)
        self._add_field("phone", phone)
        address = AddressField(FieldSpec("address", "address", self.tr("常住地址（到村组、门牌）"),
                                         hint=self.tr("先选乡镇（街道）和村（社区），再填门牌号")), loader, self.columns + 1)
        self._add_field("address", address)
        for attr in guide.attributes:
            if attr.code == "contact_address":
                continue                   # the same as the applicant's address above
            spec = spec_from_attribute(attr.__dict__)
            widget = make_field(spec, columns=self.columns, loader=loader)
            self._add_field(attr.code, widget)
        self._restore(card)
        self._built_for = guide.item.code
        self.next.show()

    def _add_field(self, key: str, widget: FormField) -> None:
        self.fields[key] = widget
        self.body.addWidget(widget)
        widget.changed.connect(lambda k=key: self._save(k))

    def _restore(self, card: Mapping[str, str]) -> None:
        draft = self.ctx.session.draft
        form = draft.setdefault("form", {})
        self.fields["phone"].set_value(draft.get("phone"))
        address = self.fields["address"]
        assert isinstance(address, AddressField)
        if draft.get("address"):
            address.set_value(draft["address"])
        elif card.get("address"):
            address.set_prefilled(card["address"], mask_address(card["address"]), None)
            draft["address"] = address.state()
            self._match_card_region(card["address"])
        for key, widget in self.fields.items():
            if key in ("phone", "address"):
                continue
            if key in form:
                value = form[key]
                if isinstance(widget, AddressField) and isinstance(value, Mapping):
                    widget.set_value(value)
                else:
                    widget.set_value(value)
            elif key in PREFILL_FROM_CARD and isinstance(widget, TextField):
                full = card.get(PREFILL_FROM_CARD[key], "")
                masked = mask_name(full) if key.endswith("name") else mask_id_number(full)
                widget.set_prefilled(full, masked)
                form[key] = full

    def _match_card_region(self, address: str) -> None:
        """Find the card address's township/village in the region list, so the case is routed right."""
        def done(found: Any) -> None:
            state = self.ctx.session.draft.get("address") or {}
            if not found or not state.get("prefilled"):
                return
            code, town, village = found
            state.update(region_code=code, town=town.__dict__ if town else None,
                         village=village.__dict__ if village else None)
            widget = self.fields.get("address")
            if isinstance(widget, AddressField) and widget.region_code() is None:
                widget.set_prefilled(state["text"], state["masked"], code)

        ctx = self.ctx   # never the screen in a worker's closure (see with_guide)
        ctx.run(lambda: match_card_region(ctx, address), done, lambda _e: None,
                deadline_s=ctx.config.central.lookup_deadline_s)

    def _save(self, key: str) -> None:
        draft = self.ctx.session.draft
        widget = self.fields[key]
        self.summary_error.hide()
        if key == "phone":
            draft["phone"] = widget.value() or ""
        elif key == "address" and isinstance(widget, AddressField):
            previous = draft.get("address") or {}
            state = widget.state()
            if state.get("prefilled") and previous.get("prefilled"):
                state = {**previous, **state, "region_code": state.get("region_code") or previous.get("region_code")}
            draft["address"] = state
        elif isinstance(widget, AddressField):
            draft.setdefault("form", {})[key] = widget.value()
        else:
            try:
                draft.setdefault("form", {})[key] = widget.value()
            except ValueError:
                pass

    def submit_form(self) -> None:
        bad = [w for w in self.fields.values() if not w.validate()]
        if bad:
            self.summary_error.setText(self.tr("还有 %1 项需要填写或修改，请看红字提示。").replace("%1", str(len(bad))))
            self.summary_error.show()
            self.reveal(bad[0], 120)
            return
        for key in self.fields:
            self._save(key)
        self.ctx.router.go("apply_materials")

    def wipe(self) -> None:
        self._built_for = ""
        self.fields.clear()
        super().wipe()




# ---- 3. apply_materials ----------------------------------------------------------------------------------------

class ApplyMaterialsScreen(ApplyStep):
    name = "apply_materials"
    idle_timeout_s = 150
    step_no = 2

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("核对申请材料"))
        self.next.setText(self.tr("下一步：选择领取方式"))
        self.next.clicked.connect(lambda: self.ctx.router.go("apply_delivery"))
        self.choices: dict[str, tuple[QPushButton, QPushButton, Any]] = {}
        self.missing_box = Card()
        box = QVBoxLayout(self.missing_box)
        box.setContentsMargins(24, 20, 24, 20)
        self.missing_text = label("", "warn")
        box.addWidget(self.missing_text)
        self.notice_button = button(self.tr("打印一次性告知单"))
        self.notice_button.clicked.connect(self.print_notice)
        box.addWidget(self.notice_button)
        self.receipt = ReceiptPanel(ctx)
        self.receipt.hide()
        box.addWidget(self.receipt)
        self.missing_box.hide()
        self.root.insertWidget(self.root.indexOf(self.next), self.missing_box)

    def enter(self, params: Mapping[str, Any]) -> None:
        self.show_steps()
        self.with_guide(self.build)

    def build(self, guide: m.Guide) -> None:
        self.clear_body()
        self.choices.clear()
        answers = self.ctx.session.draft.setdefault("materials", {})
        electronic = [x for x in guide.materials if x.electronic]
        paper = [x for x in guide.materials if not x.electronic]
        if electronic:
            self.body.addWidget(section(self.tr("无需提交（政府已有电子证照）")))
            for mat in electronic:
                self.body.addWidget(self._row(mat, self.tr("无需提交（政府已有电子证照）"), "ok"))
        if paper:
            self.body.addWidget(section(self.tr("需要您带来的材料")))
            for mat in paper:
                answers.setdefault(mat.name, "have" if mat.required else "no")
                self.body.addWidget(self._paper_row(mat, answers))
        else:
            self.body.addWidget(label(self.tr("这个事项不需要您提交纸质材料。"), "ok"))
        self._update(guide)
        self.next.show()

    def _row(self, mat: m.Material, status: str, role: str) -> Card:
        card = Card()
        box = QVBoxLayout(card)
        box.setContentsMargins(24, 16, 24, 16)
        box.addWidget(label(mat.name, "fieldLabel"))
        if mat.note:
            box.addWidget(label(mat.note, "hint"))
        box.addWidget(label(status, role))
        return card

    def _paper_row(self, mat: m.Material, answers: dict[str, str]) -> Card:
        card = Card()
        box = QVBoxLayout(card)
        box.setContentsMargins(24, 16, 24, 16)
        box.addWidget(label(mat.name + ("" if mat.required else self.tr("（如适用）")), "fieldLabel"))
        detail = self.tr("%1 %2 份").replace("%1", mat.form).replace("%2", str(mat.count))
        box.addWidget(label(detail + ("；" + mat.note if mat.note else ""), "hint"))
        row = QVBoxLayout() if self.portrait else QHBoxLayout()   # buttons do not wrap: full width in portrait
        have = button(self.tr("我有，会带来") if mat.required else self.tr("需要，我会带来"), "choice")
        lack = button(self.tr("我没有") if mat.required else self.tr("不需要"), "choice")
        for b in (have, lack):
            b.setCheckable(True)
            row.addWidget(b)
        status = label("", "hint")
        box.addLayout(row)
        box.addWidget(status)
        have.clicked.connect(lambda _=False, n=mat.name: self._answer(n, "have"))
        lack.clicked.connect(lambda _=False, n=mat.name: self._answer(n, "no"))
        self.choices[mat.name] = (have, lack, status)
        return card

    def _answer(self, name: str, answer: str) -> None:
        self.ctx.session.draft.setdefault("materials", {})[name] = answer
        guide = self.guide
        if guide is not None:
            self._update(guide)

    def missing(self, guide: m.Guide) -> list[m.Material]:
        answers = self.ctx.session.draft.get("materials", {})
        return [x for x in guide.materials if not x.electronic and x.required and answers.get(x.name) == "no"]

    def _update(self, guide: m.Guide) -> None:
        answers = self.ctx.session.draft.get("materials", {})
        for mat in guide.materials:
            if mat.name not in self.choices:
                continue
            have, lack, status = self.choices[mat.name]
            answer = answers.get(mat.name)
            have.setChecked(answer == "have")
            lack.setChecked(answer == "no")
            if answer == "have":
                status.setText(self.tr("请携带原件") if "原件" in mat.form else self.tr("请携带%1").replace("%1", mat.form))
                status.setProperty("role", "ok")
            elif mat.required:
                status.setText(self.tr("补正后再来"))
                status.setProperty("role", "warn")
            else:
                status.setText(self.tr("不需要提交"))
                status.setProperty("role", "hint")
            status.style().unpolish(status)
            status.style().polish(status)
        missing = self.missing(guide)
        self.missing_box.setVisible(bool(missing))
        self.next.setEnabled(not missing)
        if missing:
            self.missing_text.setText(self.tr("缺少必需的材料：%1。\n请备齐后再来办理（补正后再来）。可以打印一次性告知单，"
                                              "上面列出全部需要补齐的材料，下次来一次就能办。")
                                      .replace("%1", "、".join(x.name for x in missing)))

    def print_notice(self) -> None:
        """一次性告知单: everything still missing, on paper (or as a QR when the printer cannot)."""
        from kiosk.devices.printer.receipts import (
            Footer,
            MissingMaterial,
            MissingMaterialsNoticeData,
            missing_materials_notice,
        )

        guide = self.guide
        card = self.card()
        if guide is None or card is None:
            return
        terminal = self.ctx.config.terminal
        now = datetime.now()
        doc = missing_materials_notice(MissingMaterialsNoticeData(
            case_number="未受理（材料齐全后办理）", item_name=guide.item.name, applicant_name=card["name"],
            missing=tuple(MissingMaterial(x.name, f"{x.form}{x.count}份" + (f"；{x.note}" if x.note else ""))
                          for x in self.missing(guide)),
            deadline="备齐后随时可来办理", office=terminal.site_name,
            office_phone=str(guide.raw.get("consult_phone", "")), issued_at=now,
            follow_url=GUIDE_BASE + guide.item.code, footer=Footer(terminal.site_name, terminal.id, now)))
        self.receipt.show()
        self.receipt.print_document(doc)

    def wipe(self) -> None:
        self.choices.clear()
        try:
            self.receipt.clear()
        except RuntimeError:
            pass
        super().wipe()


# ---- 4. apply_delivery -----------------------------------------------------------------------------------------

class ApplyDeliveryScreen(ApplyStep):
    name = "apply_delivery"
    idle_timeout_s = 150
    step_no = 3

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("选择领取方式"))
        self.next.setText(self.tr("下一步：核对信息"))
        self.next.clicked.connect(self.submit_delivery)
        self.options: dict[str, QPushButton] = {}
        self.express_address: AddressField | None = None
        self.error = label("", "error")
        self.error.hide()
        self.root.insertWidget(self.root.indexOf(self.next), self.error)

    def enter(self, params: Mapping[str, Any]) -> None:
        self.show_steps()
        self.with_guide(self.build)

    def sites(self, guide: m.Guide) -> list[str]:
        """The guide's pickup sites with the applicant's own village/township named (村出件 where it applies)."""
        address = self.ctx.session.draft.get("address") or {}
        town = (address.get("town") or {}).get("name", "")
        village = (address.get("village") or {}).get("name", "")
        terminal = self.ctx.config.terminal
        out = []
        for site in guide.delivery.pickup_sites:
            if "村（社区）" in site and (town and village):
                site = f"{town}{village}便民服务站"
            elif "村（社区）" in site and terminal.level == "village":
                site = terminal.site_name
            elif "乡镇（街道）" in site and town:
                site = f"{town}便民服务中心"
            if site not in out:
                out.append(site)
        return out

    def default_site(self, sites: list[str]) -> str:
        """Village terminals hand the result over in the village (村出件); others where they stand."""
        level = self.ctx.config.terminal.level
        wanted = {"village": ("村", "社区"), "township": ("镇", "街道", "乡")}.get(level, ("市民之家",))
        for site in sites:
            if level == "village" and ("便民服务站" in site or site == self.ctx.config.terminal.site_name):
                return site
            if level != "village" and any(w in site for w in wanted) and "便民服务站" not in site:
                return site
        return sites[0] if sites else ""

    def build(self, guide: m.Guide) -> None:
        self.clear_body()
        self.options.clear()
        self.express_address = None
        draft = self.ctx.session.draft
        delivery = draft.setdefault("delivery", {})
        sites = self.sites(guide)
        result = guide.delivery.result_name
        self.body.addWidget(label(self.tr("办理结果：%1").replace("%1", result), "fieldLabel"))
        if not sites and not guide.delivery.express_free:
            self.body.addWidget(label(self.tr("这个事项的结果不需要领取（会直接发放或通知您）。"), "hint"))
            delivery.clear()
            delivery["method"] = "pickup"
            self.next.show()
            return
        if sites:
            self.body.addWidget(section(self.tr("到窗口领取")))
            for site in sites:
                b = button(site, "choice")
                b.setCheckable(True)
                b.clicked.connect(lambda _=False, s=site: self._choose("pickup", s))
                self.body.addWidget(b)
                self.options["pickup:" + site] = b
        if guide.delivery.express_free:
            self.body.addWidget(section(self.tr("免费邮寄到家")))
            b = button(self.tr("免费邮寄（邮费由政府承担）"), "choice")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False: self._choose("express", ""))
            self.body.addWidget(b)
            self.options["express"] = b
            field = AddressField(FieldSpec("express_address", "address", self.tr("邮寄地址"),
                                           hint=self.tr("默认寄到身份证上的住址，可以修改")),
                                 region_loader(self.ctx), self.columns + 1)
            field.changed.connect(self._save_address)
            self.body.addWidget(field)
            self.express_address = field
            saved = delivery.get("address_state")
            if saved:
                field.set_value(saved)
            else:
                home = (draft.get("address") or {}).get("text") or (self.card() or {}).get("address", "")
                if home:
                    field.set_prefilled(home, mask_address(home), None)
        if not delivery.get("method") or (delivery.get("method") == "pickup" and delivery.get("pickup_site") not in sites):
            if sites:
                self._choose("pickup", self.default_site(sites))
            else:
                self._choose("express", "")
        else:
            self._choose(delivery["method"], delivery.get("pickup_site") or "")
        self.next.show()

    def _choose(self, method: str, site: str) -> None:
        delivery = self.ctx.session.draft.setdefault("delivery", {})
        delivery["method"] = method
        delivery["pickup_site"] = site if method == "pickup" else None
        key = "pickup:" + site if method == "pickup" else "express"
        for k, b in self.options.items():
            b.setChecked(k == key)
        if self.express_address is not None:
            self.express_address.setVisible(method == "express")
        self.error.hide()
        self._save_address()

    def _save_address(self) -> None:
        delivery = self.ctx.session.draft.setdefault("delivery", {})
        if self.express_address is not None:
            delivery["address_state"] = self.express_address.state()
            delivery["address"] = self.express_address.value() if delivery.get("method") == "express" else None

    def submit_delivery(self) -> None:
        delivery = self.ctx.session.draft.get("delivery", {})
        if (delivery.get("method") == "express" and self.express_address is not None
                and not self.express_address.validate()):
            self.error.setText(self.tr("请填写完整的邮寄地址。"))
            self.error.show()
            return
        self._save_address()
        self.ctx.router.go("apply_confirm")

    def wipe(self) -> None:
        self.options.clear()
        self.express_address = None
        super().wipe()


# ---- 5. apply_confirm: the only place the citizen's data is shown in full ----------------------------------------

class ApplyConfirmScreen(ApplyStep):
    name = "apply_confirm"
    idle_timeout_s = 150
    step_no = 4

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("核对并提交"))
        self.next.setText(self.tr("确认提交"))
        self.next.clicked.connect(self.confirm)
        self.privacy = label(self.tr("以下是您本人的完整信息，仅在此页显示，请核对。如有错误请点“返回”修改。"), "hint")
        self.root.insertWidget(2, self.privacy)

    def enter(self, params: Mapping[str, Any]) -> None:
        self.show_steps()
        self.with_guide(self.build)

    def build(self, guide: m.Guide) -> None:
        self.clear_body()
        card = self.card()
        if card is None:
            self.say(self.tr("请先刷身份证。请返回首页重新开始。"))
            return
        draft = self.ctx.session.draft
        self.body.addWidget(section(self.tr("办理事项")))
        self.body.addWidget(info_card([(self.tr("事项"), guide.item.name), (self.tr("部门"), guide.item.department)]))
        self.body.addWidget(section(self.tr("申请人")))
        self.body.addWidget(info_card([
            (self.tr("姓名"), card["name"]), (self.tr("性别"), self.gender_text(card["gender"])),
            (self.tr("出生日期"), card["birth_date"]), (self.tr("证件号码"), card["id_number"]),
            (self.tr("手机号码"), str(draft.get("phone", ""))),
            (self.tr("常住地址"), str((draft.get("address") or {}).get("text") or card["address"])),
        ]))
        rows = []
        form = draft.get("form", {})
        for attr in guide.attributes:
            if attr.code == "contact_address":
                continue
            value = form.get(attr.code)
            if value in (None, "", []):
                continue
            rows.append((attr.description, display_value(spec_from_attribute(attr.__dict__), value)))
        if rows:
            self.body.addWidget(section(self.tr("申请内容")))
            self.body.addWidget(info_card(rows))
        answers = draft.get("materials", {})
        mats = []
        for mat in guide.materials:
            if mat.electronic:
                mats.append((mat.name, self.tr("无需提交（政府已有电子证照）")))
            elif answers.get(mat.name, "have" if mat.required else "no") == "have":
                mats.append((mat.name, self.tr("请携带原件") if "原件" in mat.form else self.tr("请携带%1").replace("%1", mat.form)))
        if mats:
            self.body.addWidget(section(self.tr("申请材料")))
            self.body.addWidget(info_card(mats))
        delivery = draft.get("delivery", {})
        self.body.addWidget(section(self.tr("领取方式")))
        if delivery.get("method") == "express":
            self.body.addWidget(info_card([(self.tr("免费邮寄"), str(delivery.get("address") or ""))]))
        else:
            self.body.addWidget(info_card([(self.tr("窗口领取"), str(delivery.get("pickup_site") or self.tr("办理部门通知")))]))
        self.next.setEnabled(True)
        self.next.show()

    def confirm(self) -> None:
        self.next.setEnabled(False)   # one tap, one submission
        self.ctx.router.go("apply_done", replace=True)


# ---- 6. apply_done: outbox, "已提交" / "已保存", receipt, rate, finish ------------------------------------------------

class ApplyDoneScreen(ApplyStep):
    name = "apply_done"
    shows_back = False
    idle_timeout_s = 120

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("提交申请"))
        self.steps.hide()
        self.headline = label("", "big")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number = FitLabel("", "big")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.explain = label("", "notice")
        self.receipt = ReceiptPanel(ctx)
        self.receipt.hide()               # until there is something to print
        self.receipt.finished.connect(self._printed)
        self.rate = button(self.tr("请为本次服务评价（好差评）"))
        self.rate.clicked.connect(self.go_rate)
        self.rate.hide()
        self.next.setText(self.tr("完成"))
        self.next.clicked.connect(lambda: self.ctx.end_session())
        if self.portrait:
            for widget in (self.headline, self.number, self.explain, self.receipt, self.rate):
                self.body.addWidget(widget)
        else:
            self.body.addLayout(beside_receipt((self.headline, self.number, self.explain, self.rate), self.receipt))
        self.watcher = SubmissionWatcher(ctx, self)
        self.watcher.changed.connect(self.show_state)

    @property
    def submission(self) -> Submission | None:
        sub = self.ctx.session.data.get("apply_submission")
        return sub if isinstance(sub, Submission) else None

    def enter(self, params: Mapping[str, Any]) -> None:
        sub = self.submission
        if sub is None:
            sub = Submission("case", {})
            self.ctx.session.data["apply_submission"] = sub
        if sub.state == "new":      # the payload needs the guide (materials, form); a rebuilt screen asks again
            self.with_guide(lambda guide: self._submit(guide, sub))
        else:
            self.watcher.follow(sub)
        self.show_state()

    def leave(self) -> None:
        self.watcher.stop()

    def _submit(self, guide: m.Guide, sub: Submission) -> None:
        card = self.card()
        if sub.state != "new" or sub.payload:      # already on its way (an earlier screen's answer came first)
            return
        if card is None:
            sub.state = "failed"
            self.show_state()
            return
        sub.payload = build_payload(self.code, guide, card, self.ctx.session.draft)
        sub.owner_id = card["id_number"]
        self.watcher.follow(sub)

    # ---- show ---------------------------------------------------------------------------------------------
    def show_state(self) -> None:
        sub = self.submission
        if sub is None:
            return
        self.number.setText(sub.remote_ref or sub.local_ref)
        self.number.setVisible(bool(self.number.text()))
        done = sub.state in ("sent", "saved")
        if sub.state in ("new", "saving", "waiting"):
            self.headline.setText(self.tr("正在提交，请稍候…"))
            self.explain.setText(self.tr("您的申请已保存在本机，正在上传。") if sub.state == "waiting"
                                 else self.tr("正在保存您的申请…"))
        elif sub.state == "sent":
            self.headline.setText(self.tr("已提交"))
            self.explain.setText(self.tr("凭办件编号和手机号后 4 位可以查询办理进度。"))
        elif sub.state == "saved":
            self.headline.setText(self.tr("已保存，联网后自动上传"))
            self.explain.setText(self.tr("网络暂时不通。您的申请已安全保存在本机，联网后自动上传，无需重新办理。\n"
                                         "请保管好本机编号；上传后可凭身份证查到正式办件编号。"))
        elif sub.state == "refused":
            self.headline.setText(self.tr("没有提交成功"))
            self.explain.setText(self.tr("办理系统没有接收这份申请（内容不符合要求）。请点击右下角“呼叫工作人员”，"
                                         "并出示本机编号。"))
        else:
            self.headline.setText(self.tr("没有保存成功"))
            self.explain.setText(self.tr("本机暂时无法保存申请，您的信息没有提交。请点击右下角“呼叫工作人员”，或到窗口办理。"))
        self.rate.setVisible(done and screen_available("evaluation"))
        self.next.setVisible(sub.settled)
        if done and not sub.printed:
            sub.printed = True
            self.print_receipt(sub)

    def print_receipt(self, sub: Submission) -> None:
        from kiosk.devices.printer.receipts import (
            CaseReceiptData,
            CaseRoute,
            Footer,
            case_receipt,
        )

        guide, card = self.guide, self.card()
        if guide is None or card is None:
            return
        draft = self.ctx.session.draft
        address = draft.get("address") or {}
        region = str(address.get("region_code") or self.ctx.config.terminal.region_code)
        route = plan_route(region, (address.get("town") or {}).get("name", ""),
                           (address.get("village") or {}).get("name", ""), guide.item.levels, guide.item.department)
        answers = draft.get("materials", {})
        materials = []
        for mat in guide.materials:
            if mat.electronic:
                materials.append(f"{mat.name}（电子证照，已调取）")
            elif answers.get(mat.name, "have" if mat.required else "no") == "have":
                materials.append(f"{mat.name}（{mat.form}{mat.count}份，办理时交验）")
        delivery = draft.get("delivery") or {}
        terminal = self.ctx.config.terminal
        now = datetime.now()
        offline = sub.state != "sent"
        doc = case_receipt(CaseReceiptData(
            case_number="" if offline else sub.remote_ref, item_name=guide.item.name, applicant_name=card["name"],
            submitted_at=sub.created_at, promised_date=promised_date(guide, sub.created_at),
            materials=tuple(materials), delivery="express" if delivery.get("method") == "express" else "pickup",
            route=CaseRoute(route.accept, route.review, route.handover, route.flow),
            follow_url=FOLLOW_BASE + ("L/" + sub.local_ref if offline else sub.remote_ref),
            footer=Footer(terminal.site_name, terminal.id, now), applicant_id_number=card["id_number"],
            applicant_phone=str(draft.get("phone", "")), pickup_site=str(delivery.get("pickup_site") or ""),
            express_address=str(delivery.get("address") or ""), offline_ref=sub.local_ref if offline else ""))
        self.receipt.show()
        self.receipt.print_document(doc)

    def _printed(self, ok: bool) -> None:
        # The printer could not: the panel shows the QR and the number in large type; one number is enough.
        self.number.setVisible(ok and bool(self.number.text()))

    def go_rate(self) -> None:
        sub = self.submission
        self.ctx.router.go("evaluation", case_number=sub.remote_ref if sub else "", service_code=self.code,
                           local_reference=sub.local_ref if sub else "")

    def wipe(self) -> None:
        try:
            self.watcher.stop()
            for widget in (self.headline, self.number, self.explain):
                widget.clear()
            self.receipt.clear()
        except RuntimeError:
            pass


# ---- screenshots ---------------------------------------------------------------------------------------------

SAMPLE_CARD_ID = "resident-basic"
SAMPLE_TOWNS = [Region("430181002", "集里街道", "湖南省长沙市浏阳市集里街道", "township"),
                Region("430181110", "沙市镇", "湖南省长沙市浏阳市沙市镇", "township"),
                Region("430181101", "大瑶镇", "湖南省长沙市浏阳市大瑶镇", "township"),
                Region("430181001", "淮川街道", "湖南省长沙市浏阳市淮川街道", "township")]
SAMPLE_VILLAGES = [Region("430181002001", "神仙坳社区", "湖南省长沙市浏阳市集里街道神仙坳社区", "village"),
                   Region("430181002002", "集里社区", "湖南省长沙市浏阳市集里街道集里社区", "village")]


def sample_guide() -> dict[str, Any]:
    """A guide of the contract's shape for screenshots (no central service): 老年人优待证办理, cut down."""
    village = "户籍所在村（社区）便民服务站"
    return {
        "item": {"code": "430181-LY-00001", "name": "老年人优待证办理", "aliases": ["老年证"], "department": "浏阳市民政局",
                 "kind": "公共服务", "theme": "personal", "life_events": ["退休"], "levels": ["county", "township", "village"],
                 "region_codes": ["430181"], "max_one_trip": True, "online_depth": "online_apply", "has_guide": True,
                 "updated_at": "2026-11-20T08:00:00+08:00"},
        "materials": [
            {"name": "居民身份证", "form": "原件", "count": 1, "source": "公安机关", "electronic": True, "required": True,
             "note": "在一体机读卡即可，无需复印"},
            {"name": "居民户口簿", "form": "原件", "count": 1, "source": "公安机关", "electronic": True, "required": True,
             "note": "户籍信息共享核验，免提交"},
            {"name": "近期一寸免冠彩色照片", "form": "原件", "count": 1, "source": "申请人自备", "electronic": False,
             "required": True, "note": "可在一体机现场拍照"},
            {"name": "委托书及受托人身份证", "form": "原件", "count": 1, "source": "申请人自备", "electronic": False,
             "required": False, "note": "委托他人办理时提供"}],
        "form": {"attributes": [
            {"code": "relation", "variable": True, "datatype": "singlevaluelist", "required": True, "order": 1,
             "description": "申请人与服务对象的关系", "hint": "本人申请请选“本人”", "pattern": None,
             "values": [{"key": "self", "name": "本人"}, {"key": "spouse", "name": "配偶"},
                        {"key": "child", "name": "子女"}, {"key": "other", "name": "其他亲属/受托人"}]},
            {"code": "contact_address", "variable": True, "datatype": "string", "required": True, "order": 2,
             "description": "常住地址（到村组/门牌）", "hint": "例：沙市镇赤马村石塘组12号", "pattern": None, "values": []},
            {"code": "card_type", "variable": True, "datatype": "singlevaluelist", "required": True, "order": 3,
             "description": "办证类型", "hint": "", "pattern": None,
             "values": [{"key": "new", "name": "首次申领"}, {"key": "reissue", "name": "遗失补办"},
                        {"key": "renew", "name": "损坏换领"}]},
            {"code": "remark", "variable": True, "datatype": "text", "required": False, "order": 4,
             "description": "补充说明", "hint": "", "pattern": None, "values": []}]},
        "delivery": {"pickup_sites": [village, "户籍所在乡镇（街道）便民服务中心", "浏阳市政务服务中心（市民之家）"],
                     "express_free": True, "result_name": "《湖南省老年人优待证》"},
        "elements": [], "visits": 1, "time_limit": {"statutory_days": None, "promised_days": 5},
        "consult_phone": "0731-83000000",
    }


def _sample_session(built: Any, *, filled: bool) -> None:
    from kiosk.devices.idcard.samples import load_cards

    ctx = built.ctx
    card = next(c for c in load_cards() if c.id == SAMPLE_CARD_ID)
    ctx.session.identity = _decode_sample(card)
    guide = sample_guide()
    ctx.session.data["apply_guide"] = guide
    ctx.session.draft.clear()
    ctx.session.draft["code"] = guide["item"]["code"]
    REGIONS.put(None, SAMPLE_TOWNS)
    REGIONS.put("430181002", SAMPLE_VILLAGES)
    if filled:
        ctx.session.draft.update({
            "phone": "13812345678",
            "address": {"prefilled": True, "text": "湖南省浏阳市集里街道金沙北路101号",
                        "masked": "湖南省浏阳市集里街道****", "region_code": "430181002",
                        "town": SAMPLE_TOWNS[0].__dict__, "village": None},
            "form": {"relation": "self", "card_type": "new"},
            "materials": {"近期一寸免冠彩色照片": "have", "委托书及受托人身份证": "no"},
            "delivery": {"method": "pickup", "pickup_site": "集里街道便民服务中心"},
        })


def _decode_sample(card: Any) -> Any:
    """An IdCard from a sample card, through the real decoder (as the reader would deliver it)."""
    from kiosk.devices.idcard.card import (
        decode_appended_address,
        decode_read_reply,
        with_appended_address,
    )
    from kiosk.devices.idcard.samples import appended_address_data, read_reply_data

    decoded = decode_read_reply(read_reply_data(card, with_fingerprint=False), today=date.today())
    extra = appended_address_data(card)
    return with_appended_address(decoded, decode_appended_address(extra)) if extra else decoded


def screenshot_plan() -> dict[str, Callable[[Any], None]]:
    from kiosk.screens.screenshots import settled

    def start(built: Any) -> None:
        import tempfile

        from kiosk.catalogue.store import CatalogueStore
        folder = Path(tempfile.mkdtemp(prefix="kiosk-apply-shots-"))
        store = CatalogueStore(folder / "catalogue.sqlite3")
        names = ["老年人优待证办理", "80周岁以上老年人高龄津贴发放", "生育服务登记", "最低生活保障",
                 "城乡居民基本养老保险参保登记", "居住证申领", "残疾人两项补贴", "临时救助", "特困人员救助供养"]
        store.apply_changes([{"code": f"430181-LY-{i:05d}", "name": n, "has_guide": True, "levels": ["county", "township"],
                              "region_codes": ["430181"], "popularity": 100 - i, "updated_at": "2026-11-20T08:00:00+08:00"}
                             for i, n in enumerate(names, 1)], None, full=True)
        built.ctx.services["catalogue"] = store
        built.ctx.router.go("apply")

    def to(screen: str, *, filled: bool, then: Callable[[Any], None] | None = None) -> Callable[[Any], None]:
        def step(built: Any) -> None:
            _sample_session(built, filled=filled)
            # The route a citizen takes (identify -> form -> ...), without the reader.
            built.ctx.router._stack.append(built.ctx.router.current)
            built.ctx.router._move(type(built.ctx.router.current)(screen, {"code": built.ctx.session.draft["code"]}))
            if then is not None:
                then(built)
        return step

    def form_errors(built: Any) -> None:
        screen = settled(built)
        screen.fields["phone"].set_value("1381234")
        screen.submit_form()

    def missing(built: Any) -> None:
        screen = built.window.current_screen
        screen._answer("近期一寸免冠彩色照片", "no")

    def done(sent: bool) -> Callable[[Any], None]:
        def step(built: Any) -> None:
            _sample_session(built, filled=True)
            built.ctx.session.data["apply_submission"] = Submission(
                "case", {}, state="sent" if sent else "saved", local_ref="LY-DEMO-0001-KXPM-20261126-0007",
                remote_ref="LY20261126000123" if sent else "", created_at=datetime(2026, 11, 26, 10, 15))
            to("apply_done", filled=True)(built)
        return step

    return {
        "apply": start,
        "apply_form": to("apply_form", filled=False),
        "apply_form_errors": to("apply_form", filled=False, then=form_errors),
        "apply_materials": to("apply_materials", filled=True),
        "apply_materials_missing": to("apply_materials", filled=True, then=missing),
        "apply_delivery": to("apply_delivery", filled=True),
        "apply_confirm": to("apply_confirm", filled=True),
        "apply_done": done(sent=False),
        "apply_done_sent": done(sent=True),
    }
