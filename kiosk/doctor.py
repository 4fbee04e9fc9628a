"""`kiosk doctor`: everything a technician needs to know about this terminal, in plain Chinese and English.

Each check says what it found and, when something is wrong, what to do. Exit code 0 only when no check
failed (warnings, such as a low disk or an outbox that is still draining, are shown but do not fail).
The checks use the same code as the kiosk (config, devices, client), never a second implementation.
"""
from __future__ import annotations

import enum
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.config import ConfigError, KioskConfig, load_config


class Level(enum.Enum):
    OK = "OK"
    WARN = "WARN"
    FAIL = "FAIL"


@dataclass(frozen=True)
class Finding:
    check: str
    level: Level
    zh: str
    en: str
    fix: str = ""     # what to do, both languages in one line

    def render(self) -> str:
        text = f"[{self.level.value:4}] {self.check}: {self.zh} / {self.en}"
        return text + (f"\n        处理 / fix: {self.fix}" if self.fix else "")


def ok(check: str, zh: str, en: str) -> Finding:
    return Finding(check, Level.OK, zh, en)


def check_fonts(config: KioskConfig) -> Finding:
    from kiosk.screens.theme import NoCjkFont, choose_cjk_font

    try:
        return ok("字体 fonts", f"中文字体 {choose_cjk_font(config.display.font_family)}",
                  "a Chinese font is installed")
    except NoCjkFont:
        return Finding("字体 fonts", Level.FAIL, "没有中文字体，界面会显示方框", "no Chinese font: text shows as boxes",
                       "apt install fonts-noto-cjk（或 fonts-wqy-microhei），或设置 [display] font_family")


def check_display(config: KioskConfig) -> Finding:
    from PySide6.QtGui import QGuiApplication

    platform = QGuiApplication.platformName()
    screens = QGuiApplication.screens()
    if platform in ("offscreen", "minimal") or not screens:
        return Finding("显示 display", Level.WARN, "当前没有图形显示（在终端的桌面会话中运行 doctor 可检查屏幕）",
                       f"no display here (platform {platform}); run doctor in the terminal's desktop session")
    index = min(config.display.screen, len(screens) - 1)
    size = screens[index].geometry().size()
    want_portrait = config.display.orientation == "portrait"
    if (size.height() >= size.width()) != want_portrait:
        return Finding("显示 display", Level.WARN, f"屏幕 {size.width()}x{size.height()} 与配置的方向不一致",
                       f"screen {size.width()}x{size.height()} does not match orientation = "
                       f"\"{config.display.orientation}\"", "改 [display] orientation 或屏幕的旋转设置")
    return ok("显示 display", f"屏幕 {index}: {size.width()}x{size.height()}（共 {len(screens)} 个）",
              f"screen {index}: {size.width()}x{size.height()} ({len(screens)} attached)")


def check_reader(config: KioskConfig, timeout_s: float = 4.0) -> Finding:
    from kiosk.devices.idcard.reader import IdCardReader, ReaderSettings, list_serial_ports

    port = config.devices.idcard.port
    online = threading.Event()
    errors: list[str] = []
    reader = IdCardReader(ReaderSettings.from_config(config.devices.idcard),
                          on_online=lambda up: online.set() if up else None,
                          on_error=lambda code, message: errors.append(code))
    reader.start()
    try:
        online.wait(timeout_s)
    finally:
        reader.stop()
    if online.is_set():
        where = "模拟读卡器 simulated reader" if port == "sim" else port
        return ok("读卡器 ID-card reader", f"已连接（{where}）", f"answers SAM status ({where})")
    ports = ", ".join(p.device for p in list_serial_ports()) or "无 none"
    return Finding("读卡器 ID-card reader", Level.FAIL, f"读卡器无应答（端口 {port}；错误 {', '.join(errors) or '无'}）",
                   f"the reader did not answer on port {port!r}", f"检查 USB 线和电源；本机串口 / ports here: {ports}；"
                   "用 `kiosk ports` 找读卡器，再设 [devices.idcard] port")


def check_printer(config: KioskConfig, *, print_test: bool = False) -> Finding:
    from kiosk.devices.printer.service import PrinterService
    from kiosk.devices.printer.settings import PrinterSettings
    from kiosk.devices.printer.status import PrinterState

    if config.devices.printer.uri == "none":
        return Finding("打印机 printer", Level.WARN, "未配置打印机（回执改为屏幕二维码）",
                       "no printer configured (receipts become on-screen QR codes)")
    service = PrinterService(PrinterSettings.from_config(config))
    try:
        status = service.status().result(10)
        printed = ""
        if print_test and status.printable:
            from kiosk.devices.printer.samples import sample_document

            result = service.print_document(sample_document("test", service.settings)).result(30)
            printed = "；测试页已打印" if result.ok else f"；测试页失败：{result.message_zh}"
    finally:
        service.close()
    if status.printable:
        return ok("打印机 printer", f"{status.message_zh}{printed}（{service.uri.describe()}）",
                  f"{status.message_en} ({service.uri.describe()})")
    fix = {PrinterState.PAPER_OUT: "装入新的热敏纸卷 / load a new paper roll",
           PrinterState.COVER_OPEN: "关好打印机仓盖 / close the printer cover",
           PrinterState.UNKNOWN: "检查打印机电源和连接，确认 [devices.printer] uri；用 `kiosk printer-status` 复查"}
    return Finding("打印机 printer", Level.FAIL, status.message_zh, status.message_en,
                   fix.get(status.state, "检查打印机电源和连接 / check the printer's power and cable"))


def check_central(config: KioskConfig) -> list[Finding]:
    from kiosk.api.client import CentralClient
    from kiosk.api.errors import ApiError

    findings: list[Finding] = []
    base_url = None
    embedded = None
    if config.central.url == "embedded":
        from kiosk.embedded_central import EmbeddedCentral
        from kiosk.paths import data_dir

        embedded = EmbeddedCentral(data_dir(config))
        if not embedded.running:
            try:
                embedded.start()
            except Exception as exc:  # noqa: BLE001 - reported
                return [Finding("中心服务 central", Level.FAIL, "演示用中心服务无法启动", f"embedded service: {exc}",
                                "查看日志 / see the log named in the message")]
            findings.append(ok("中心服务 central", "已启动演示用中心服务（检查后关闭）",
                               "started the embedded reference service for the check"))
        else:
            embedded = None  # the demo's own: leave it running
        base_url = EmbeddedCentral(data_dir(config)).url
    try:
        client = CentralClient.from_config(config, base_url=base_url)
    except ValueError as exc:
        return [Finding("中心服务 central", Level.FAIL, "中心服务配置有误", str(exc), "改正 [central] 配置")]
    url = client.http.base_url
    try:
        client.health()
        findings.append(ok("中心服务 central", f"可以连接 {url}", f"reachable at {url}"))
        client.catalogue_items(etag="doctor")  # a signed GET: proves the terminal's key is accepted
        findings.append(ok("签名 signature", "终端签名被接受", "the terminal's signature is accepted"))
        skew = client.clock_skew_s
        if skew is not None and abs(skew) > 60:
            findings.append(Finding("时钟 clock", Level.FAIL if abs(skew) > 240 else Level.WARN,
                                    f"本机时间与中心相差 {skew:+.0f} 秒", f"clock differs from the server by {skew:+.0f} s",
                                    "开启时间同步（timedatectl set-ntp true）；超过 5 分钟请求会被拒绝"))
        else:
            findings.append(ok("时钟 clock", "时间与中心一致", f"clock within {abs(skew or 0):.0f} s of the server"))
    except ApiError as exc:
        findings.append(Finding("中心服务 central", Level.FAIL, f"无法使用中心服务：{exc.message_zh}",
                                f"central service problem: {exc}", _central_fix(exc)))
    finally:
        client.close()
        if embedded is not None:
            embedded.stop()
    return findings


def _central_fix(exc: Exception) -> str:
    code = getattr(exc, "code", "")
    return {
        "signature_invalid": "终端编号或密钥不对：核对 [terminal] id 与 [central] terminal_secret_file",
        "clock_skew": "本机时间不准：开启时间同步（timedatectl set-ntp true）",
        "tls": "证书校验失败：设置 [central] ca_bundle 为中心的 CA 证书",
    }.get(code, "检查网络和 [central] url；中心服务是否在运行 / is the central service running and reachable?")


def check_disk(config: KioskConfig) -> Finding:
    from kiosk.paths import data_dir

    path = data_dir(config)
    free_mb = shutil.disk_usage(path).free // (1024 * 1024)
    if free_mb < 100:
        return Finding("磁盘 disk", Level.FAIL, f"{path} 只剩 {free_mb} MB", f"only {free_mb} MB free at {path}",
                       "清理磁盘；空间不足时申请无法保存 / free space: the outbox cannot save applications")
    if free_mb < 500:
        return Finding("磁盘 disk", Level.WARN, f"{path} 剩余 {free_mb} MB", f"{free_mb} MB free at {path}",
                       "尽快清理磁盘 / free some space soon")
    return ok("磁盘 disk", f"剩余 {free_mb} MB（{path}）", f"{free_mb} MB free ({path})")


def check_outbox(config: KioskConfig) -> Finding:
    from kiosk.api.outbox import Outbox

    try:
        outbox = Outbox.from_config(config)
    except Exception as exc:  # noqa: BLE001 - key permissions, disk: the message names the file and fix
        return Finding("待上传 outbox", Level.FAIL, "待上传队列无法打开", str(exc), "按提示修正后重启 / fix as the message says")
    try:
        depth, oldest, failed = outbox.depth(), outbox.oldest(), outbox.failed_count()
    finally:
        outbox.close()
    if failed:
        return Finding("待上传 outbox", Level.FAIL, f"{failed} 条提交被中心拒绝", f"{failed} submission(s) refused",
                       "在管理界面查看并联系中心 / see the admin screen and contact the central service")
    if depth:
        age = f"，最早 {oldest:%m-%d %H:%M}" if oldest else ""
        return Finding("待上传 outbox", Level.WARN, f"{depth} 条待上传{age}", f"{depth} waiting to be sent",
                       "联网后会自动上传；长时间不降请检查网络 / they upload when the network is back")
    return ok("待上传 outbox", "队列为空", "nothing waiting")


def check_logs(config: KioskConfig) -> Finding:
    from kiosk.paths import log_dir

    path = log_dir(config)
    if not os.access(path, os.W_OK):
        return Finding("日志 logs", Level.FAIL, f"日志目录不可写 {path}", f"cannot write logs to {path}",
                       "修正目录权限或 [storage] log_dir")
    return ok("日志 logs", f"日志在 {path}", f"logs in {path}")


def run(config_path: str | None, *, print_test: bool = False, skip: tuple[str, ...] = ()) -> int:
    from kiosk.app import qt_app

    qt_app()
    started = time.monotonic()
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        for problem in exc.problems:
            print(Finding("配置 config", Level.FAIL, "配置文件有误", str(problem), "按提示修改后运行 kiosk check-config").render())
        return 1
    findings = [ok("配置 config", f"配置正确 {config.source}", f"config OK ({config.source})")]
    steps: list[tuple[str, Callable[[], Finding | list[Finding]]]] = [
        ("fonts", lambda: check_fonts(config)),
        ("display", lambda: check_display(config)),
        ("reader", lambda: check_reader(config)),
        ("printer", lambda: check_printer(config, print_test=print_test)),
        ("central", lambda: check_central(config)),
        ("disk", lambda: check_disk(config)),
        ("outbox", lambda: check_outbox(config)),
        ("logs", lambda: check_logs(config)),
    ]
    for name, step in steps:
        if name in skip:
            continue
        try:
            result = step()
        except Exception as exc:  # noqa: BLE001 - one broken check must not hide the others
            result = Finding(name, Level.FAIL, "检查本身出错", f"the check failed: {type(exc).__name__}: {exc}")
        findings.extend(result if isinstance(result, list) else [result])
    for finding in findings:
        print(finding.render())
    failed = sum(f.level is Level.FAIL for f in findings)
    warned = sum(f.level is Level.WARN for f in findings)
    verdict = "全部正常 / all well" if not failed and not warned else f"{failed} 项失败, {warned} 项警告 / failed, warnings"
    print(f"\n{verdict}  ({time.monotonic() - started:.1f} s)")
    return 1 if failed else 0
