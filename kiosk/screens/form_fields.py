"""Typed form fields for applications: one touch widget per Open311 datatype, each with its hint and its check.

The service's form comes from its guide as Open311-style attributes (datatype string / number / datetime /
text / singlevaluelist / multivaluelist, required, hint, pattern). `FieldSpec` is the widget-free view of
one attribute plus the kiosk's own kinds (phone, address); `check()` is the pure validation the widgets
show and the tests use. Widgets keep what the citizen typed only while the session lasts: the screen
writes every change into ctx.session.draft and the window drops the widgets at session end.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.screens.widgets import MIN_TOUCH_PX, button, clear_layout, label

PHONE_RE = re.compile(r"1[3-9][0-9]{9}")
ID_RE = re.compile(r"[0-9]{17}[0-9Xx]")
TEXT_MAX = {"string": 200, "text": 2000}
ADDRESS_WORDS = ("地址", "坐落", "住址", "地点")


@dataclass(frozen=True)
class Choice:
    key: str
    name: str


@dataclass(frozen=True)
class FieldSpec:
    """One field of the form. kind: the datatype, or "phone" / "address" (kiosk kinds)."""

    code: str
    kind: str
    label: str
    required: bool = True
    hint: str = ""
    pattern: str | None = None
    choices: tuple[Choice, ...] = field(default_factory=tuple)

    @property
    def digits_only(self) -> bool:
        """A pattern of digits only (account numbers): the digits keyboard."""
        return self.kind == "phone" or bool(self.pattern and re.fullmatch(r"\[0-9\](\{\d+(,\d+)?\}|\+)", self.pattern))


def spec_from_attribute(attr: Mapping[str, Any]) -> FieldSpec:
    """A FieldSpec from a guide's form attribute (the contract's JSON or kiosk.api.models.FormAttribute)."""
    get = attr.get if isinstance(attr, Mapping) else (lambda k, d=None: getattr(attr, k, d))
    datatype = str(get("datatype", "string"))
    description = str(get("description", "") or get("code", ""))
    code = str(get("code"))
    kind = datatype
    if datatype == "string" and (code.endswith("address") or any(w in description for w in ADDRESS_WORDS)):
        kind = "address"
    values = get("values", []) or []
    choices = tuple(Choice(str(v["key"] if isinstance(v, Mapping) else v.key),
                           str(v["name"] if isinstance(v, Mapping) else v.name)) for v in values)
    return FieldSpec(code, kind, description, bool(get("required", True)), str(get("hint", "") or ""),
                     get("pattern"), choices)


@dataclass(frozen=True)
class Problem:
    """Why a value does not fit: a code the widget turns into a translated sentence, and its argument."""

    code: str          # required | phone | pattern | number | date | choice | too_long
    detail: str = ""


def normalise_date(text: str) -> str:
    """'20261201', '2026-12-1', '2026/12/01', '2026.12.01' -> '2026-12-01'; anything else unchanged."""
    t = text.strip()
    if re.fullmatch(r"\d{8}", t):
        return f"{t[:4]}-{t[4:6]}-{t[6:]}"
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", t)
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else t


def check(spec: FieldSpec, value: Any) -> Problem | None:
    """Pure validation of one value against its field (the same rules the central service applies)."""
    empty = value is None or value == "" or value == [] or (isinstance(value, str) and not value.strip())
    if empty:
        return Problem("required") if spec.required else None
    if spec.kind == "phone":
        return None if PHONE_RE.fullmatch(str(value)) else Problem("phone")
    if spec.kind in ("string", "text", "address"):
        text = str(value)
        if len(text) > TEXT_MAX.get(spec.kind, 200):
            return Problem("too_long", str(TEXT_MAX.get(spec.kind, 200)))
        if spec.pattern and not re.fullmatch(spec.pattern, text):
            return Problem("pattern", spec.hint)
        return None
    if spec.kind == "number":
        try:
            float(str(value))
        except ValueError:
            return Problem("number")
        return None
    if spec.kind == "datetime":
        try:
            date.fromisoformat(normalise_date(str(value)))
        except ValueError:
            return Problem("date")
        return None
    keys = {c.key for c in spec.choices}
    if spec.kind == "singlevaluelist":
        return None if value in keys else Problem("choice")
    if spec.kind == "multivaluelist":
        return None if isinstance(value, list) and all(v in keys for v in value) else Problem("choice")
    return None


def to_json(spec: FieldSpec, text_or_value: Any) -> Any:
    """The value as the central service takes it: numbers as numbers, dates as ISO, empty as None."""
    if text_or_value in (None, "", []):
        return None
    if spec.kind == "number":
        number = float(str(text_or_value))
        return int(number) if number.is_integer() else number
    if spec.kind == "datetime":
        return normalise_date(str(text_or_value))
    if isinstance(text_or_value, str):
        return text_or_value.strip()
    return text_or_value


def display_value(spec: FieldSpec, value: Any) -> str:
    """What the confirm screen shows for a value (choice keys as their names)."""
    names = {c.key: c.name for c in spec.choices}
    if isinstance(value, list):
        return "、".join(names.get(v, str(v)) for v in value)
    if value is None:
        return ""
    return names.get(str(value), str(value)) if spec.choices else str(value)


# ---- widgets -------------------------------------------------------------------------------------------

class FormField(QFrame):
    """Label (with 必填/选填), hint, the input, and an error line that says what is wrong and what is allowed."""

    changed = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName("FieldCard")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(24, 16, 24, 16)
        self.box.setSpacing(8)
        mark = QCoreApplication.translate("FormField", "（必填）") if spec.required else QCoreApplication.translate("FormField", "（选填）")
        self.title = label(spec.label + mark, "fieldLabel")
        self.box.addWidget(self.title)
        self.hint = label(spec.hint, "hint")
        self.hint.setVisible(bool(spec.hint))
        self.box.addWidget(self.hint)
        self.error = label("", "error")
        self.error.hide()

    def _finish(self) -> None:
        self.box.addWidget(self.error)

    # The value as JSON (None when empty).
    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        self.set_value(None)
        self.show_problem(None)

    def validate(self) -> bool:
        """Check the value; show the reason under the field. True when it fits."""
        try:
            value = self.value()
        except ValueError:
            value = "\x00invalid"
        problem = check(self.spec, value)
        self.show_problem(problem)
        return problem is None

    def show_problem(self, problem: Problem | None) -> None:
        self.error.setText(self.message(problem) if problem else "")
        self.error.setVisible(problem is not None)

    def _edited(self, _text: str) -> None:
        """Typing clears the problem shown and tells the form."""
        self.show_problem(None)
        self.changed.emit()

    def message(self, problem: Problem) -> str:
        if problem.code == "required":
            return QCoreApplication.translate("FormField", "请填写此项。")
        if problem.code == "phone":
            return QCoreApplication.translate("FormField", "手机号码应为 11 位数字，以 1 开头（例如 13812345678）。")
        if problem.code == "number":
            return QCoreApplication.translate("FormField", "请填写数字（例如 3 或 1200）。")
        if problem.code == "date":
            return QCoreApplication.translate("FormField", "请按“年-月-日”填写日期，例如 2026-12-01。")
        if problem.code == "choice":
            return QCoreApplication.translate("FormField", "请点选一项。")
        if problem.code == "too_long":
            return QCoreApplication.translate("FormField", "内容太长，最多 %1 个字。").replace("%1", problem.detail)
        if problem.detail:
            return QCoreApplication.translate("FormField", "格式不对，应为：%1").replace("%1", problem.detail)
        return QCoreApplication.translate("FormField", "格式不对，请检查。")


class TextField(FormField):
    """string / text / number / datetime / phone: one line (the on-screen keyboard docks under the screen)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QLineEdit(self)
        self.edit.setMinimumHeight(MIN_TOUCH_PX)
        self.edit.setMaxLength(11 if spec.kind == "phone" else TEXT_MAX.get(spec.kind, 200))
        hints = Qt.InputMethodHint.ImhNoPredictiveText
        if spec.digits_only:
            hints |= Qt.InputMethodHint.ImhDigitsOnly
        elif spec.kind == "number":
            hints |= Qt.InputMethodHint.ImhFormattedNumbersOnly
        elif spec.kind == "datetime":
            hints |= Qt.InputMethodHint.ImhDigitsOnly
        elif spec.pattern and ID_RE.pattern in spec.pattern:
            hints |= Qt.InputMethodHint.ImhPreferNumbers | Qt.InputMethodHint.ImhUppercaseOnly
        self.edit.setInputMethodHints(hints)
        if spec.kind == "datetime":
            self.edit.setPlaceholderText(self.tr("例：2026-12-01"))
            if not spec.hint:
                self.hint.setText(self.tr("年-月-日，也可直接输入 8 位数字，如 20261201"))
                self.hint.show()
        elif spec.kind == "phone":
            self.edit.setPlaceholderText(self.tr("11 位手机号码"))
        self.edit.textChanged.connect(self._edited)
        self.edit.editingFinished.connect(self._finished)
        self.box.addWidget(self.edit)
        # Prefilled from the ID card: shown masked, typed over only after "修改".
        self.prefilled_row = QWidget(self)
        row = QHBoxLayout(self.prefilled_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.prefilled_text = label("", "value")
        row.addWidget(self.prefilled_text, 1)
        change = button(self.tr("修改"))
        change.clicked.connect(self._edit_prefilled)
        row.addWidget(change)
        self.prefilled_row.hide()
        self.box.addWidget(self.prefilled_row)
        self._prefilled: str | None = None
        self._finish()

    def set_prefilled(self, full: str, masked: str) -> None:
        self._prefilled = full
        self.prefilled_text.setText(self.tr("已从身份证读取：%1").replace("%1", masked))
        self.prefilled_row.show()
        self.edit.hide()

    def _edit_prefilled(self) -> None:
        self._prefilled = None
        self.prefilled_row.hide()
        self.edit.clear()
        self.edit.show()
        self.edit.setFocus()
        self.changed.emit()

    def _finished(self) -> None:
        if self.spec.kind == "datetime" and self.edit.text():
            self.edit.setText(normalise_date(self.edit.text()))
        if self.edit.text():
            self.validate()

    def value(self) -> Any:
        if self._prefilled is not None:
            return self._prefilled
        text = self.edit.text().strip()
        if self.spec.kind in ("number", "datetime"):
            if not text:
                return None
            if check(self.spec, text) is not None:
                return text           # shown as a problem by validate()
            return to_json(self.spec, text)
        return text or None

    def set_value(self, value: Any) -> None:
        self._prefilled = None
        self.prefilled_row.hide()
        self.edit.show()
        self.edit.setText("" if value is None else str(value))


class ChoiceField(FormField):
    """singlevaluelist / multivaluelist: large toggle buttons in a grid (no dropdowns on a touch screen)."""

    def __init__(self, spec: FieldSpec, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.multi = spec.kind == "multivaluelist"
        if self.multi:
            self.hint.setText((spec.hint + " " if spec.hint else "") + self.tr("可多选"))
            self.hint.show()
        grid = QGridLayout()
        grid.setSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        for i, choice in enumerate(spec.choices):
            b = button(choice.name, "choice")
            b.setCheckable(True)
            b.clicked.connect(lambda checked=False, key=choice.key: self._tapped(key, checked))
            grid.addWidget(b, i // columns, i % columns)
            self.buttons[choice.key] = b
        self.box.addLayout(grid)
        self._finish()

    def _tapped(self, key: str, checked: bool) -> None:
        if not self.multi:
            for k, b in self.buttons.items():
                b.setChecked(k == key)
        self.show_problem(None)
        self.changed.emit()

    def value(self) -> Any:
        chosen = [k for k, b in self.buttons.items() if b.isChecked()]
        if self.multi:
            return chosen or None
        return chosen[0] if chosen else None

    def set_value(self, value: Any) -> None:
        wanted = set(value) if isinstance(value, list) else {value}
        for k, b in self.buttons.items():
            b.setChecked(k in wanted)


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    full_name: str
    level: str


#: load(code or None, on_done(list of children), on_failed()) - the screen runs it off the GUI thread.
RegionLoader = Callable[[str | None, Callable[[Sequence[Region]], None], Callable[[], None]], None]


class AddressField(FormField):
    """An address picked before any typing: township (乡镇/街道) -> village (村/社区) -> only the house number
    is typed. A prefilled address (from the ID card) shows masked, with "修改"; when the region list cannot
    be loaded (offline, never cached) the whole address is typed instead."""

    def __init__(self, spec: FieldSpec, loader: RegionLoader, columns: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.loader = loader
        self.columns = columns
        self.town: Region | None = None
        self.village: Region | None = None
        self._prefilled: tuple[str, str, str | None] | None = None   # (full text, masked text, region code)
        self._generation = 0
        self.summary = label("", "value")
        self.change = button(self.tr("选择地址"))
        self.change.clicked.connect(self.start_picking)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.change, 0, Qt.AlignmentFlag.AlignTop)
        self.box.addLayout(row)
        self.picker = QWidget(self)
        picker_box = QVBoxLayout(self.picker)
        picker_box.setContentsMargins(0, 0, 0, 0)
        self.prompt = label("", "hint")
        picker_box.addWidget(self.prompt)
        self.grid_host = QWidget(self.picker)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(12)
        picker_box.addWidget(self.grid_host)
        self.up = button(self.tr("重新选择乡镇（街道）"))
        self.up.clicked.connect(self.start_picking)
        self.skip = button(self.tr("列表中没有我的村（社区）"))
        self.skip.clicked.connect(lambda: self._village_chosen(None))
        nav = QVBoxLayout()            # one above the other: button texts do not wrap
        nav.addWidget(self.up)
        nav.addWidget(self.skip)
        picker_box.addLayout(nav)
        self.box.addWidget(self.picker)
        self.detail_label = label(self.tr("门牌号、组号（只需填写这一部分）"), "hint")
        self.detail = QLineEdit(self)
        self.detail.setMinimumHeight(MIN_TOUCH_PX)
        self.detail.setMaxLength(100)
        self.detail.setPlaceholderText(self.tr("例：石塘组12号"))
        self.detail.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText)
        self.detail.textChanged.connect(self._edited)
        self.box.addWidget(self.detail_label)
        self.box.addWidget(self.detail)
        self._finish()
        self._show_state()

    # ---- state ---------------------------------------------------------------------------------------
    @property
    def free_text(self) -> bool:
        """Typing the whole address (no region list available)."""
        return self.property("freeText") is True

    def region_code(self) -> str | None:
        if self._prefilled is not None:
            return self._prefilled[2]
        if self.village is not None:
            return self.village.code
        return self.town.code if self.town is not None else None

    def region_names(self) -> tuple[str, str]:
        """(township name, village name) of the picked region, '' when not picked."""
        return (self.town.name if self.town else "", self.village.name if self.village else "")

    def value(self) -> Any:
        if self._prefilled is not None:
            return self._prefilled[0]
        detail = self.detail.text().strip()
        if self.free_text:
            return detail or None
        region = self.village or self.town
        if region is None:
            return None
        if not detail:
            return None if self.spec.required else region.full_name
        return region.full_name + detail

    def set_value(self, value: Any) -> None:
        """Restore from the draft: {"text", "masked", "region_code", "town", "village", "detail", "prefilled"}."""
        self._generation += 1
        self._prefilled = None
        self.town = self.village = None
        self.setProperty("freeText", False)
        self.detail.clear()
        if isinstance(value, Mapping):
            if value.get("prefilled"):
                self._prefilled = (str(value["text"]), str(value.get("masked", "")), value.get("region_code"))
            elif value.get("free_text"):
                self.setProperty("freeText", True)
                self.detail.setText(str(value.get("detail", "")))
            else:
                self.town = _region(value.get("town"))
                self.village = _region(value.get("village"))
                self.detail.setText(str(value.get("detail", "")))
        self.picker.hide()
        self._show_state()

    def state(self) -> dict[str, Any]:
        """What the draft keeps (restored with set_value)."""
        if self._prefilled is not None:
            text, masked, code = self._prefilled
            return {"prefilled": True, "text": text, "masked": masked, "region_code": code}
        return {"free_text": self.free_text, "town": _region_dict(self.town), "village": _region_dict(self.village),
                "detail": self.detail.text().strip(), "region_code": self.region_code(), "text": self.value()}

    def set_prefilled(self, text: str, masked: str, region_code: str | None) -> None:
        self.set_value({"prefilled": True, "text": text, "masked": masked, "region_code": region_code})

    def _show_state(self) -> None:
        picking = self.picker.isVisibleTo(self)
        if self._prefilled is not None:
            self.summary.setText(self._prefilled[1])
            self.change.setText(self.tr("修改"))
        elif self.free_text:
            self.summary.setText(self.tr("地区列表暂时无法获取，请直接填写完整地址。"))
            self.change.setText(self.tr("重试选择"))
        else:
            region = self.village or self.town
            self.summary.setText(region.full_name if region else self.tr("请先点“选择地址”，选乡镇（街道）和村（社区）。"))
            self.change.setText(self.tr("重新选择") if region else self.tr("选择地址"))
        has_region = self.free_text or (self._prefilled is None and (self.town is not None))
        self.detail.setVisible(has_region and not picking)
        self.detail_label.setVisible(has_region and not picking)
        self.detail_label.setText(self.tr("完整地址") if self.free_text else self.tr("门牌号、组号（只需填写这一部分）"))
        self.change.setVisible(not picking)

    # ---- picking -------------------------------------------------------------------------------------
    def start_picking(self) -> None:
        self._prefilled = None
        self.town = self.village = None
        self.setProperty("freeText", False)
        self.show_problem(None)
        self.picker.show()
        self._show_state()
        self._load(None, self.tr("正在加载地区列表，请稍候…"), self.tr("请选择乡镇（街道）："))
        self.changed.emit()

    def _load(self, code: str | None, loading: str, prompt: str) -> None:
        self._generation += 1
        generation = self._generation
        self._fill([], None)
        self.prompt.setText(loading)
        self.up.setVisible(code is not None)
        self.skip.setVisible(code is not None)

        def done(children: Sequence[Region]) -> None:
            if generation != self._generation:
                return
            self.prompt.setText(prompt)
            self._fill(list(children), code)

        def failed() -> None:
            if generation != self._generation:
                return
            if code is not None and self.town is not None:   # the town is known: type the rest
                self._village_chosen(None)
                return
            self.picker.hide()
            self.setProperty("freeText", True)
            self._show_state()
            self.changed.emit()

        self.loader(code, done, failed)

    def _fill(self, regions: list[Region], parent: str | None) -> None:
        clear_layout(self.grid)
        for i, region in enumerate(regions):
            b = button(region.name, "choice")
            b.clicked.connect(lambda _=False, r=region: self._town_chosen(r) if parent is None else self._village_chosen(r))
            self.grid.addWidget(b, i // self.columns, i % self.columns)

    def region_buttons(self) -> list[QPushButton]:
        """The buttons the picker shows now (tests tap them like a citizen)."""
        items = (self.grid.itemAt(i) for i in range(self.grid.count()))
        return [widget for item in items if item is not None and isinstance(widget := item.widget(), QPushButton)]

    def _town_chosen(self, town: Region) -> None:
        self.town = town
        self._load(town.code, self.tr("正在加载村（社区）列表…"),
                   self.tr("%1：请选择村（社区）：").replace("%1", town.name))

    def _village_chosen(self, village: Region | None) -> None:
        self._generation += 1
        self.village = village
        self.picker.hide()
        self._show_state()
        self.changed.emit()
        self.detail.setFocus()


def _region(value: Any) -> Region | None:
    if not isinstance(value, Mapping) or not value.get("code"):
        return None
    return Region(str(value["code"]), str(value.get("name", "")), str(value.get("full_name", "")),
                  str(value.get("level", "")))


def _region_dict(region: Region | None) -> dict[str, str] | None:
    if region is None:
        return None
    return {"code": region.code, "name": region.name, "full_name": region.full_name, "level": region.level}


def make_field(spec: FieldSpec, *, columns: int, loader: RegionLoader | None = None) -> FormField:
    if spec.kind in ("singlevaluelist", "multivaluelist"):
        return ChoiceField(spec, columns)
    if spec.kind == "address" and loader is not None:
        return AddressField(spec, loader, columns + 1)
    return TextField(spec)


def form_qss(theme: Any) -> str:
    """Styles the form widgets add to the window's theme (checked choices, field cards, tags)."""
    c = theme.color
    return (
        f'QFrame#FieldCard {{ background: {c("SURFACE")}; border: 2px solid {c("BORDER")}; border-radius: 16px; }}'
        f'QFrame#FieldCard QLabel {{ background: transparent; }}'
        f'QLabel[role="fieldLabel"] {{ font-weight: bold; }}'
        f'QLabel[role="section"] {{ font-size: {theme.px("L")}px; font-weight: bold; color: {c("PRIMARY")}; }}'
        f'QLabel[role="ok"] {{ color: {c("OK")}; font-weight: bold; }}'
        f'QLabel[role="warn"] {{ color: {c("WARN_TEXT")}; background: {c("WARN_BG")}; border-radius: 8px; padding: 4px 12px; }}'
        f'QPushButton[role="choice"] {{ text-align: left; padding: 8px 20px; }}'
        f'QPushButton[role="choice"]:checked {{ background: {c("PRIMARY")}; color: {c("ON_PRIMARY")}; '
        f'border-color: {c("PRIMARY")}; font-weight: bold; }}'
    )
