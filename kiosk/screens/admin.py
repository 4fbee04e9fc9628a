"""Admin mode: the PIN pad (after the hidden corner gesture) and the admin screen.

The admin screen grows with later capabilities (device checks, outbox, test prints); here it shows what a
technician needs first: version, config file, the terminal's identity, the audit log, and the way out.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QHBoxLayout

from kiosk import __version__
from kiosk.screens.base import Screen
from kiosk.screens.widgets import button, label

PIN_MAX = 12


class AdminPinScreen(Screen):
    name = "admin_pin"
    idle_timeout_s = 30

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("管理员登录"))
        self._digits = ""
        self.dots = label("", "big", wrap=False)
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = label(self.tr("请输入管理密码"), "hint")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.root.addWidget(self.dots)
        self.root.addWidget(self.status)
        pad = QGridLayout()
        pad.setSpacing(18)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
        self.keys = {}
        for index, key in enumerate(keys):
            text = {"clear": self.tr("清除"), "ok": self.tr("确定")}.get(key, key)
            widget = button(text, "primary" if key == "ok" else "key")
            widget.setProperty("role", "primary" if key == "ok" else "key")
            widget.clicked.connect(lambda _=False, k=key: self.press(k))
            pad.addWidget(widget, index // 3, index % 3)
            self.keys[key] = widget
        self.root.addLayout(pad)
        self.root.addStretch(1)

    def enter(self, params: Mapping[str, Any]) -> None:
        self._digits = ""
        self._refresh()

    def wipe(self) -> None:
        self._digits = ""
        self.dots.clear()

    def press(self, key: str) -> None:
        if key == "clear":
            self._digits = ""
        elif key == "ok":
            self._submit()
            return
        elif len(self._digits) < PIN_MAX:
            self._digits += key
        self._refresh()

    def _refresh(self) -> None:
        self.dots.setText("●" * len(self._digits) or " ")

    def _submit(self) -> None:
        guard, audit = self.ctx.pin_guard, self.ctx.audit
        pin, self._digits = self._digits, ""
        self._refresh()
        locked = guard.locked_for()
        if locked > 0:
            self.status.setText(self.tr("已锁定，请 %1 分钟后再试").replace("%1", str(int(locked // 60) + 1)))
            audit and audit.record("admin_login", "locked")
            return
        if guard.attempt(pin):
            audit and audit.record("admin_login", "ok")
            self.ctx.set_admin_mode(True)
            self.ctx.router.go("admin", replace=True)
            return
        locked = guard.locked_for()
        audit and audit.record("admin_login", "locked_now" if locked else "wrong_pin")
        if locked:
            self.status.setText(self.tr("错误次数过多，已锁定 %1 分钟").replace("%1", str(round(locked / 60))))
        else:
            left = guard.max_failures - guard.failures
            self.status.setText(self.tr("密码错误，还可尝试 %1 次").replace("%1", str(left)))


class AdminScreen(Screen):
    name = "admin"
    shows_back = False

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("终端管理"))
        cfg = ctx.config
        form = QFormLayout()
        form.setVerticalSpacing(14)
        rows = [
            (self.tr("软件版本"), __version__),
            (self.tr("配置文件"), cfg.source),
            (self.tr("终端编号"), cfg.terminal.id),
            (self.tr("站点"), cfg.terminal.site_name),
            (self.tr("区划代码"), f"{cfg.terminal.region_code}（{cfg.terminal.level}）"),
        ]
        for name, value in rows:
            form.addRow(label(name, "hint", wrap=False), label(value))
        self.root.addLayout(form)
        self.root.addWidget(label(self.tr("操作记录"), "hint"))
        self.audit_view = label("", wrap=True)
        self.audit_view.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.root.addWidget(self.audit_view, 1)
        row = QHBoxLayout()
        logout = button(self.tr("退出管理"), "primary")
        logout.clicked.connect(ctx.end_session)
        exit_app = button(self.tr("退出程序"), "danger")
        exit_app.clicked.connect(self._exit_app)
        row.addWidget(logout)
        row.addWidget(exit_app)
        self.root.addLayout(row)

    def enter(self, params: Mapping[str, Any]) -> None:
        entries = self.ctx.audit.recent(8) if self.ctx.audit else []
        self.audit_view.setText("\n".join(f"{e['time'][5:19].replace('T', ' ')}  {e['action']}  {e['result']}"
                                          for e in entries))

    def _exit_app(self) -> None:
        if self.ctx.audit:
            self.ctx.audit.record("exit_app", "ok")
        self.ctx.quit_app()
