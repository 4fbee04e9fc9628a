"""Admin mode: the PIN pad (after the hidden corner gesture) and the admin screen.

The admin screen grows with later capabilities (device checks, outbox, test prints); here it shows what a
technician needs first: version, config file, the terminal's identity, the audit log, and the way out.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QGridLayout

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
    """Version, identity, live device states, the technician's actions, the doctor's checks, the audit log."""

    name = "admin"
    shows_back = False

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.set_title(self.tr("终端管理"))
        cfg = ctx.config
        form = QFormLayout()
        form.setVerticalSpacing(10)
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
        self.root.addWidget(label(self.tr("设备状态"), "hint"))
        self.devices = label("")
        self.root.addWidget(self.devices)
        actions = QGridLayout()
        actions.setSpacing(14)
        self.buttons = {}
        for index, (key, text) in enumerate((
                ("print_test", self.tr("打印测试页")), ("read_card", self.tr("读测试卡")),
                ("sync", self.tr("立即上传")), ("checks", self.tr("运行检查")),
                ("restart", self.tr("重启程序")), ("exit", self.tr("退出到桌面")))):
            widget = button(text, "danger" if key in ("restart", "exit") else "")
            widget.clicked.connect(lambda _=False, k=key: self.act(k))
            actions.addWidget(widget, index // 2, index % 2)
            self.buttons[key] = widget
        self.root.addLayout(actions)
        self.result = label("", "notice")
        self.root.addWidget(self.result)
        self.root.addWidget(label(self.tr("最近错误"), "hint"))
        self.errors = label("")
        self.root.addWidget(self.errors)
        self.root.addWidget(label(self.tr("操作记录"), "hint"))
        self.audit_view = label("", wrap=True)
        self.audit_view.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.root.addWidget(self.audit_view)
        logout = button(self.tr("退出管理"), "primary")
        logout.clicked.connect(ctx.end_session)
        self.root.addWidget(logout)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._test_card: Any = None

    def enter(self, params: Mapping[str, Any]) -> None:
        self.refresh()
        self._timer.start(2000)  # device states live while the technician looks

    def leave(self) -> None:
        self._timer.stop()
        self._stop_card_test()

    def wipe(self) -> None:
        self._stop_card_test()
        self.result.clear()

    def refresh(self) -> None:
        services = self.ctx.services
        reader, printer, outbox = services.get("reader"), services.get("printer"), services.get("outbox")
        signals, health = services.get("api_signals"), services.get("health")
        central: dict[bool | None, str] = {True: self.tr("已连接"), False: self.tr("连不上")}  # None: not known yet
        parts = [
            self.tr("读卡器：%1").replace("%1", self.tr("在线") if reader is not None and reader.online
                                             else self.tr("离线或未配置")),
            self.tr("打印机：%1").replace("%1", printer.service.last_status.message_zh
                                             if printer is not None and printer.service.last_status
                                             else self.tr("状态未知")),
            self.tr("中心服务：%1").replace("%1", central.get(signals.online if signals is not None else None,
                                                               self.tr("未知"))),
            self.tr("待上传：%1 条").replace("%1", str(outbox.depth() if outbox is not None else 0)),
        ]
        self.devices.setText("\n".join(parts))
        recent = list(health.last_errors)[-5:] if health is not None else []
        self.errors.setText("\n".join(recent) or self.tr("无"))
        entries = self.ctx.audit.recent(6) if self.ctx.audit else []
        self.audit_view.setText("\n".join(f"{e['time'][5:19].replace('T', ' ')}  {e['action']}  {e['result']}"
                                          for e in entries))

    def act(self, key: str) -> None:
        audit = self.ctx.audit
        if audit:
            audit.record(f"admin_{key}", "requested")
        if key == "exit":
            self.ctx.quit_app()
        elif key == "restart":
            from kiosk.app import restart_process

            restart_process()
        elif key == "sync":
            worker = self.ctx.service("sync")
            if worker is None:
                self.result.setText(self.tr("上传服务尚未启动"))
            else:
                worker.flush_now()
                self.result.setText(self.tr("已开始上传，待上传条数会随之减少"))
        elif key == "print_test":
            self._print_test()
        elif key == "read_card":
            self._read_test_card()
        elif key == "checks":
            self._run_checks()
        self.refresh()

    def _print_test(self) -> None:
        printer = self.ctx.service("printer")
        if printer is None:
            self.result.setText(self.tr("本机未配置打印机"))
            return
        from kiosk.devices.printer.samples import sample_document

        printer.printFinished.connect(self._printed)
        printer.print_document(sample_document("test", printer.service.settings))
        self.result.setText(self.tr("正在打印测试页…"))

    def _printed(self, result: Any) -> None:
        self.ctx.service("printer").printFinished.disconnect(self._printed)
        self.result.setText(result.message_zh if not result.ok else self.tr("测试页已打印"))
        if self.ctx.audit:
            self.ctx.audit.record("admin_print_test", result.reason)

    def _read_test_card(self) -> None:
        reader = self.ctx.service("reader")
        if reader is None:
            self.result.setText(self.tr("读卡器未启动"))
            return
        self._test_card = reader
        reader.cardRead.connect(self._card_read)
        reader.arm(accept_placed_card=True)
        self.result.setText(self.tr("请放一张身份证（只显示脱敏信息）"))

    def _card_read(self, card: Any) -> None:
        data = card.to_json(full=False)
        self.result.setText(self.tr("读卡成功：%1").replace(
            "%1", " ".join(str(data[k]) for k in ("card_type", "name", "id_number") if data.get(k))))
        self._stop_card_test()

    def _stop_card_test(self) -> None:
        reader, self._test_card = self._test_card, None
        if reader is not None:
            reader.cardRead.disconnect(self._card_read)
            reader.disarm()

    def _run_checks(self) -> None:
        from kiosk import doctor

        config = self.ctx.config
        self.result.setText(self.tr("正在检查…"))

        fonts = doctor.check_fonts(config)  # Qt's font database: on the GUI thread

        def work() -> list[Any]:
            findings = [fonts, doctor.check_disk(config), doctor.check_logs(config)]
            if config.central.url != "embedded":
                findings += doctor.check_central(config)
            return findings

        self.ctx.run(work, lambda findings: self.result.setText("\n".join(f.render() for f in findings)),
                     lambda exc: self.result.setText(str(exc)))
