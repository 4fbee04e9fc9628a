"""好差评: rate a case, a service or this visit in five levels, with tags and an optional comment.

Params (from apply_done, case_detail, appointment_done, queue_ticket, help_done, or the home tile):
case_number, local_reference (a case still waiting in the offline outbox), service_code. With none of them the
citizen picks the service of this visit (the central service links every evaluation to a case or a service).
The evaluation goes through the outbox; a poor rating (不满意 / 非常不满意) opens a follow-up on the server
(callback within 1 working day, fix within 15). The kiosk promises a call back only when the citizen leaves a
mobile number (never required): the number goes as a sealed 帮办 callback request (the evaluation contract has
no contact field), so staff have a number to call. evaluation_done thanks and ends the session.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.privacy import mask_phone
from kiosk.screens.base import Screen
from kiosk.screens.form_fields import FieldSpec, TextField, form_qss
from kiosk.screens.help import (
    NO_NAME,
    ServicePicker,
    WrapButton,
    _help_qss,
    section,
)
from kiosk.screens.submission import Submission, SubmissionWatcher
from kiosk.screens.widgets import MIN_TOUCH_PX, button, clear_layout, label
from kiosk.tasks import run_in_background

log = logging.getLogger(__name__)

LEVELS = ("非常满意", "满意", "基本满意", "不满意", "非常不满意")
POOR = ("不满意", "非常不满意")
# The central service's tags (central/routers/evaluations.py): used until GET /evaluations/tags answers, and
# offline. They must be the server's exact words, or it refuses the evaluation.
GOOD_TAGS = ["服务效率高", "服务态度好", "办事指南准确", "操作便捷", "材料精简", "一次办好"]
POOR_TAGS = ["等待时间长", "服务态度差", "办事指南不准确", "操作复杂", "材料要求多", "多次跑动", "系统故障"]
DEFAULT_TAGS: dict[str, list[str]] = {"非常满意": GOOD_TAGS, "满意": GOOD_TAGS, "基本满意": GOOD_TAGS + POOR_TAGS[:3],
                                      "不满意": POOR_TAGS, "非常不满意": POOR_TAGS}
FACES = {  # colour, mouth curve (+1 big smile ... -1 deep frown)
    "非常满意": ("#2b8a3e", 1.0), "满意": ("#5c940d", 0.55), "基本满意": ("#e67700", 0.0),
    "不满意": ("#d9480f", -0.55), "非常不满意": ("#c92a2a", -1.0)}
MAX_TAGS = 10
DONE_AFTER_S = 10                  # evaluation_done ends the session after this (elderly: 1.5x)


class TagCache:
    """The server's tag lists, fetched once per run (not personal data), the built-in lists until then."""

    def __init__(self) -> None:
        self.tags: dict[str, list[str]] | None = None
        self.loading = False

    def get(self, level: str) -> list[str]:
        source = self.tags or DEFAULT_TAGS
        return list(source.get(level, DEFAULT_TAGS.get(level, [])))[:MAX_TAGS]

    def refresh(self, ctx: Any, done: Callable[[], None]) -> None:
        client = ctx.service("central")
        if self.tags is not None or self.loading or client is None:
            return
        self.loading = True

        def ok(answer: Any) -> None:
            self.loading = False
            if answer.tags and all(level in answer.tags for level in LEVELS):
                self.tags = {k: list(v) for k, v in answer.tags.items()}
                try:
                    done()
                except RuntimeError:  # the screen that asked is gone (session ended): the cache still fills
                    pass

        def failed(_exc: BaseException) -> None:
            self.loading = False    # offline: the built-in lists; try again next time

        # Not ctx.run: that drops answers arriving after the session ended, and `loading` would stay True for
        # the rest of the run. The tags are not personal data; the cache outlives sessions on purpose.
        run_in_background(client.evaluation_tags, ok, failed)


TAGS = TagCache()


class Face(QWidget):
    """A drawn face (no emoji font needed): a coloured disc, two eyes and a mouth from smile to frown."""

    def __init__(self, color: str, curve: float, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color, self.curve = QColor(color), curve
        self.setFixedSize(size, size)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, _event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = float(min(self.width(), self.height()))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.color)
        p.drawEllipse(QRectF(2, 2, s - 4, s - 4))
        p.setBrush(QColor("white"))
        eye = s * 0.09
        for x in (0.34, 0.66):
            p.drawEllipse(QPointF(s * x, s * 0.38), eye, eye)
        pen = QPen(QColor("white"), max(3.0, s * 0.07))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(s * 0.3, s * 0.68))
        path.quadTo(QPointF(s * 0.5, s * (0.68 + 0.2 * self.curve)), QPointF(s * 0.7, s * 0.68))
        p.drawPath(path)
        p.end()


class LevelButton(QPushButton):
    """One of the five levels: a face and the words, checkable, large."""

    def __init__(self, level: str, text: str, face_px: int, horizontal: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.setProperty("role", "level")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        color, curve = FACES[level]
        box = QBoxLayout(QBoxLayout.Direction.LeftToRight if horizontal else QBoxLayout.Direction.TopToBottom, self)
        box.setContentsMargins(16, 16, 16, 16)
        box.setSpacing(12 if horizontal else 8)
        self.face = Face(color, curve, face_px)
        box.addWidget(self.face, 0, Qt.AlignmentFlag.AlignCenter if not horizontal else Qt.AlignmentFlag.AlignVCenter)
        self.caption = label(text, "levelText")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter if not horizontal else
                                  Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.caption.setStyleSheet(f"background: transparent; color: {color}; font-weight: bold;")
        box.addWidget(self.caption, 1)
        self.setMinimumHeight(max(MIN_TOUCH_PX, face_px + 32) if horizontal else face_px + 100)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def text(self) -> str:
        return self.caption.text()


# ---- evaluation ----------------------------------------------------------------------------------------------

class EvaluationScreen(Screen):
    name = "evaluation"
    idle_timeout_s = 120

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.setStyleSheet(form_qss(ctx.theme) + _help_qss(ctx.theme) + _evaluation_qss(ctx.theme))
        self.set_title(self.tr("好差评"))
        self.target = label("", "notice")
        self.root.addWidget(self.target)
        self.root.addWidget(section(self.tr("您对这次服务满意吗？")))
        names = {"非常满意": self.tr("非常满意"), "满意": self.tr("满意"), "基本满意": self.tr("基本满意"),
                 "不满意": self.tr("不满意"), "非常不满意": self.tr("非常不满意")}
        one_column = self.portrait and self.elderly
        grid = QGridLayout()
        grid.setSpacing(14)
        self.levels: dict[str, LevelButton] = {}
        face = self.ctx.theme.px("ICON") if not one_column else self.ctx.theme.px("TOUCH")
        for i, level in enumerate(LEVELS):
            b = LevelButton(level, names[level], face, horizontal=one_column)
            b.clicked.connect(lambda _=False, lv=level: self.choose_level(lv))
            grid.addWidget(b, i if one_column else 0, 0 if one_column else i)
            self.levels[level] = b
        self.root.addLayout(grid)
        self.tags_title = section(self.tr("哪些方面？（可多选，可不选）"))
        self.root.addWidget(self.tags_title)
        self.tags_host = QWidget()
        self.tags_grid = QGridLayout(self.tags_host)
        self.tags_grid.setContentsMargins(0, 0, 0, 0)
        self.tags_grid.setSpacing(12)
        self.root.addWidget(self.tags_host)
        self.tag_buttons: dict[str, QPushButton] = {}
        self.tag_names = {t: t for t in GOOD_TAGS + POOR_TAGS}
        self.tag_names.update({
            "服务效率高": self.tr("服务效率高"), "服务态度好": self.tr("服务态度好"), "办事指南准确": self.tr("办事指南准确"),
            "操作便捷": self.tr("操作便捷"), "材料精简": self.tr("材料精简"), "一次办好": self.tr("一次办好"),
            "等待时间长": self.tr("等待时间长"), "服务态度差": self.tr("服务态度差"),
            "办事指南不准确": self.tr("办事指南不准确"), "操作复杂": self.tr("操作复杂"), "材料要求多": self.tr("材料要求多"),
            "多次跑动": self.tr("多次跑动"), "系统故障": self.tr("系统故障")})
        self.comment_title = section(self.tr("还想说点什么？（选填）"))
        self.root.addWidget(self.comment_title)
        self.comment = QLineEdit()
        self.comment.setMinimumHeight(MIN_TOUCH_PX)
        self.comment.setMaxLength(500)
        self.comment.setPlaceholderText(self.tr("可以不填"))
        self.comment.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText)
        self.root.addWidget(self.comment)
        self.phone = TextField(FieldSpec("phone", "phone", self.tr("希望工作人员回电吗？"), False,
                                         self.tr("留下手机号，工作人员会在 1 个工作日内打电话了解情况。不留也可以。")))
        self.root.addWidget(self.phone)
        # This visit (no case, no service given): which service it was, after the faces (the main thing).
        self.picker_title = section(self.tr("您今天办理的是哪项业务？"))
        self.root.addWidget(self.picker_title)
        self.picker = ServicePicker(ctx, 3 if self.elderly else 4, allow_other=False)
        self.picker.chosen.connect(lambda code, name: self._update())
        self.root.addWidget(self.picker)
        self.problem = label("", "error")
        self.problem.hide()
        self.root.addWidget(self.problem)
        self.root.addStretch(1)
        self.submit = button(self.tr("提交评价"), "primary")
        self.submit.clicked.connect(self.send)
        self.root.addWidget(self.submit)
        self._params: dict[str, Any] = {}
        self.level: str | None = None

    def enter(self, params: Mapping[str, Any]) -> None:
        self._params = {k: str(params.get(k) or "") for k in ("case_number", "local_reference", "service_code")}
        p = self._params
        service_name = self._service_name(p["service_code"])
        if p["case_number"]:
            text = self.tr("评价办件：%1").replace("%1", p["case_number"])
        elif p["local_reference"]:
            text = self.tr("评价刚才提交的申请（本机编号 %1）").replace("%1", p["local_reference"])
        elif p["service_code"]:
            text = self.tr("评价事项：%1").replace("%1", service_name)
        else:
            text = self.tr("评价本次来访的服务。您的评价不记名，帮助我们改进。")
        if (p["case_number"] or p["local_reference"]) and service_name:
            text += "\n" + service_name
        self.target.setText(text)
        needs_service = not any(p.values())
        self.picker_title.setVisible(needs_service)
        self.picker.setVisible(needs_service)
        if needs_service:
            self.picker.ensure_current(after_paint=True)
        TAGS.refresh(self.ctx, self._tags_loaded)
        self._update()

    def prepare(self) -> None:
        self.picker.ensure_current()   # opened from home, the picker shows (from a case, it stays hidden)

    def _service_name(self, code: str) -> str:
        store = self.ctx.service("catalogue")
        item = store.get(code) if store is not None and code else None
        return item.name if item is not None else code

    def _tags_loaded(self) -> None:
        if self.level is not None:
            self._show_tags(self.level)

    def choose_level(self, level: str) -> None:
        self.level = level
        for key, b in self.levels.items():
            b.setChecked(key == level)
        self._show_tags(level)
        self.problem.hide()
        self._update()

    def _show_tags(self, level: str) -> None:
        chosen = {t for t, b in self.tag_buttons.items() if b.isChecked()}
        clear_layout(self.tags_grid)
        self.tag_buttons.clear()
        columns = 2 if self.portrait or self.elderly else 4
        for i, tag in enumerate(TAGS.get(level)):
            b = WrapButton(self.tag_names.get(tag, tag), "choice")
            b.setCheckable(True)
            b.setChecked(tag in chosen)
            self.tags_grid.addWidget(b, i // columns, i % columns)
            self.tag_buttons[tag] = b

    def _update(self) -> None:
        chosen = self.level is not None
        for widget in (self.tags_title, self.tags_host, self.comment_title, self.comment):
            widget.setVisible(chosen)
        self.phone.setVisible(self.level in POOR)

    def tags(self) -> list[str]:
        return [t for t, b in self.tag_buttons.items() if b.isChecked()][:MAX_TAGS]

    def send(self) -> None:
        p = self._params
        service_code = p["service_code"] or (self.picker.code or "")
        problems = []
        if self.level is None:
            problems.append(self.tr("请点选一个满意程度。"))
        if not (p["case_number"] or p["local_reference"] or service_code):
            problems.append(self.tr("请选择您办理的业务。"))
        phone = self.phone.edit.text().strip() if self.level in POOR else ""
        if phone and not self.phone.validate():
            problems.append(self.tr("手机号码不对；不想留电话可以清空。"))
        if problems:
            self.problem.setText("\n".join(problems))
            self.problem.show()
            self.reveal(self.problem)
            return
        assert self.level is not None
        payload = build_evaluation_payload(self.level, self.tags(), self.comment.text(), case_number=p["case_number"],
                                           local_reference=p["local_reference"], service_code=service_code)
        sub = Submission("evaluation", payload, extra={"phone": phone})
        if phone:
            identity = self.ctx.session.identity
            sub.follow_on.append(("help_request", callback_request(
                self.level, phone, identity.name if identity is not None else "", service_code, p["case_number"])))
        self.ctx.session.data["evaluation"] = sub
        self.submit.setEnabled(False)     # one tap, one evaluation
        self.ctx.router.go("evaluation_done", replace=True)

    def wipe(self) -> None:
        try:
            self.comment.clear()
            self.phone.clear()
            self.target.clear()
            self.picker.clear()
            self.level = None
            for b in self.levels.values():
                b.setChecked(False)
        except RuntimeError:
            pass


def build_evaluation_payload(level: str, tags: list[str], comment: str, *, case_number: str = "",
                             local_reference: str = "", service_code: str = "") -> dict[str, Any]:
    """The body of POST /evaluations; a case still in the offline outbox is named by `case_local_ref`
    (the sync worker puts the real case number in when it sends it, kiosk/api/sync.py)."""
    if level not in LEVELS:
        raise ValueError(f"level {level!r} is not one of {', '.join(LEVELS)}")
    body: dict[str, Any] = {"level": level, "tags": list(tags)[:MAX_TAGS], "comment": comment.strip()[:500]}
    if case_number:
        body["case_number"] = case_number
    elif local_reference:
        body["case_local_ref"] = local_reference
    if service_code:
        body["service_code"] = service_code
    if not (case_number or local_reference or service_code):
        raise ValueError("an evaluation needs a case_number, a local_reference or a service_code")
    return body


def callback_request(level: str, phone: str, name: str, service_code: str, case_number: str) -> dict[str, Any]:
    """A 帮办 request that carries the citizen's number for the poor rating's callback (sealed on the server)."""
    note = f"好差评回访：评价“{level}”，本机评价编号 {{local_ref}}" + (f"，办件 {case_number}" if case_number else "")
    return {"kind": "帮办", "service_code": service_code or None,
            "applicant": {"name": (name or "").strip()[:50] or NO_NAME, "phone": phone},
            "preferred_time": "", "reason": "差评回访", "note": note}


# ---- evaluation_done -------------------------------------------------------------------------------------------

class EvaluationDoneScreen(Screen):
    name = "evaluation_done"
    shows_back = False
    idle_prompt = False
    idle_timeout_s = 60

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.setStyleSheet(_help_qss(ctx.theme))
        self.set_title(self.tr("好差评"))
        self.headline = label("", "big")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = label("", "hint")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain = label("", "notice")
        self.countdown = label("", "hint")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.headline, self.status, self.explain, self.countdown):
            self.root.addWidget(widget)
        self.root.addStretch(1)
        self.finish = button(self.tr("完成"), "primary")
        self.finish.clicked.connect(self.end)
        self.root.addWidget(self.finish)
        self.watcher = SubmissionWatcher(ctx, self)
        self.watcher.changed.connect(self.show_state)
        self._left = 0
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._count)

    @property
    def submission(self) -> Submission | None:
        sub = self.ctx.session.data.get("evaluation")
        return sub if isinstance(sub, Submission) else None

    def enter(self, params: Mapping[str, Any]) -> None:
        sub = self.submission
        if sub is not None:
            self.watcher.follow(sub)
        self.show_state()

    def leave(self) -> None:
        self.watcher.stop()
        self._tick.stop()

    def show_state(self) -> None:
        sub = self.submission
        if sub is None:
            self.headline.setText(self.tr("感谢您的评价"))
            self.explain.hide()
            self._start_countdown()
            return
        poor = sub.payload["level"] in POOR
        phone = str(sub.extra.get("phone") or "")
        if sub.state in ("new", "saving", "waiting"):
            self.headline.setText(self.tr("正在提交评价…"))
            self.status.setText("")
        elif sub.state in ("sent", "saved"):
            self.headline.setText(self.tr("感谢您的评价"))
            self.status.setText(self.tr("已提交") if sub.state == "sent" else self.tr("已保存，联网后自动上传"))
        else:
            self.headline.setText(self.tr("评价没有提交成功"))
            self.status.setText(self.tr("请点击右下角“呼叫工作人员”，当面告诉我们您的意见。"))
        if poor and phone:
            text = self.tr("很抱歉这次没有让您满意。工作人员将在 1 个工作日内打电话（%1）给您，"
                           "了解情况并在 15 个工作日内整改。").replace("%1", mask_phone(phone))
        elif poor:
            text = self.tr("很抱歉这次没有让您满意。您的意见已转给相关部门，15 个工作日内整改。"
                           "如希望回电，可以在服务台留下电话。")
        else:
            text = self.tr("您的评价会帮助我们把服务做得更好。")
        self.explain.setText(text)
        self.explain.show()
        if sub.settled:
            self._start_countdown()

    def _start_countdown(self) -> None:
        if self._tick.isActive():
            return
        self._left = int(DONE_AFTER_S * (1.5 if self.elderly else 1))
        self._show_left()
        self._tick.start(1000)

    def _count(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.end()
            return
        self._show_left()

    def _show_left(self) -> None:
        self.countdown.setText(self.tr("%1 秒后自动返回首页，点屏幕任意处立即结束").replace("%1", str(self._left)))

    def mousePressEvent(self, event: Any) -> None:
        sub = self.submission
        if sub is None or sub.settled:
            self.end()
        super().mousePressEvent(event)

    def end(self) -> None:
        self._tick.stop()
        self.ctx.end_session()

    def wipe(self) -> None:
        try:
            self._tick.stop()
            self.watcher.stop()
            for widget in (self.headline, self.status, self.explain, self.countdown):
                widget.clear()
        except RuntimeError:
            pass


def _evaluation_qss(theme: Any) -> str:
    c = theme.color
    return (f'QPushButton[role="level"] {{ background: {c("SURFACE")}; border: 3px solid {c("BORDER")}; '
            f'border-radius: 20px; padding: 0; }}'
            f'QPushButton[role="level"]:checked {{ border: 6px solid {c("PRIMARY")}; background: {c("PRESSED")}; }}'
            f'QLabel[role="levelText"] {{ font-size: {theme.px("M")}px; }}')


# ---- screenshots ----------------------------------------------------------------------------------------------

def screenshot_plan() -> dict[str, Callable[[Any], None]]:
    from kiosk.screens.help import sample_catalogue

    def visit(built: Any) -> None:
        sample_catalogue(built)
        built.ctx.router.go("evaluation")

    def case_poor(built: Any) -> None:
        sample_catalogue(built)
        built.ctx.router.go("evaluation", case_number="LY20261126000123", service_code="430181-LY-00001")
        screen = built.window.current_screen
        screen.choose_level("不满意")
        screen.tag_buttons["等待时间长"].setChecked(True)
        screen.comment.setText("预审等了很久")
        screen.phone.edit.setText("13812345678")

    def case_good(built: Any) -> None:
        sample_catalogue(built)
        built.ctx.router.go("evaluation", case_number="LY20261126000123", service_code="430181-LY-00001")
        screen = built.window.current_screen
        screen.choose_level("非常满意")
        screen.tag_buttons["服务效率高"].setChecked(True)

    def done(level: str, phone: str, state: str) -> Callable[[Any], None]:
        def step(built: Any) -> None:
            payload = build_evaluation_payload(level, [], "", case_number="LY20261126000123")
            built.ctx.session.data["evaluation"] = Submission("evaluation", payload, state=state,
                                                              local_ref="LY-DEMO-0001-KXPM-20261126-0004",
                                                              extra={"phone": phone})
            built.ctx.router.go("evaluation")
            built.ctx.router.go("evaluation_done", replace=True)
        return step

    return {"evaluation": visit, "evaluation_case_poor": case_poor, "evaluation_case_good": case_good,
            "evaluation_done": done("满意", "", "sent"),
            "evaluation_done_poor": done("非常不满意", "13812345678", "saved")}
