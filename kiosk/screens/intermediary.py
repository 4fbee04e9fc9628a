"""中介超市 (intermediary-service supermarket): providers by category with ratings, published fees and time limits;
a provider's services, conditions and contact (a QR to save on the phone: nobody types a URL); rating a
provider 1-5 after service (no card needed, one rating per provider per session).

Online only: the list lives on the central service. Offline the screens say so plainly and offer to retry.
A rating is a direct POST with an idempotency key kept in the session, so a retry after a lost answer counts
once (it is not a citizen submission that must survive a reboot, so it does not go through the outbox).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.api import models as m
from kiosk.api.client import new_idempotency_key
from kiosk.screens.base import Screen
from kiosk.screens.form_fields import form_qss
from kiosk.screens.help import _help_qss, section
from kiosk.screens.qr import QrView
from kiosk.screens.widgets import MIN_TOUCH_PX, Card, button, clear_layout, label

log = logging.getLogger(__name__)


def contact_card(provider: m.Intermediary) -> str:
    """The QR payload: a MECARD a phone's camera offers to save (name, phone, address). Business data only."""
    def esc(value: str) -> str:
        return "".join("\\" + ch if ch in "\\;:," else ch for ch in value)
    return f"MECARD:N:{esc(provider.name)};TEL:{esc(provider.phone.replace('-', ''))};ADR:{esc(provider.address)};;"


def stars(rating: float | None) -> str:
    """★★★★☆ for 4.2 (rounded to the nearest whole star)."""
    if rating is None:
        return ""
    full = max(0, min(5, round(rating)))
    return "★" * full + "☆" * (5 - full)


class ProviderCard(QPushButton):
    """One provider in the list: name, category, rating, published fee and time limit; tap for details."""

    def __init__(self, lines: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.setSpacing(6)
        self.labels = []
        for text, role in lines:
            lab = label(text, role)
            lab.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            box.addWidget(lab)
            self.labels.append(lab)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumHeight(MIN_TOUCH_PX)

    def text(self) -> str:
        return "\n".join(lab.text() for lab in self.labels)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        inner = max(50, width - 48)
        return max(MIN_TOUCH_PX, sum(lab.heightForWidth(inner) for lab in self.labels) + 6 * len(self.labels) + 32)


# ---- the list -------------------------------------------------------------------------------------------------

class IntermediaryScreen(Screen):
    name = "intermediary"
    idle_timeout_s = 150

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.setStyleSheet(form_qss(ctx.theme) + _help_qss(ctx.theme) + _intermediary_qss(ctx.theme))
        self.set_title(self.tr("中介超市"))
        self.intro = label(self.tr("测绘、评估、设计、检测等中介服务机构，公开收费标准和办理时限，您可以比较后自主选择。"), "hint")
        self.root.addWidget(self.intro)
        self.categories_host = QWidget()
        self.categories_grid = QGridLayout(self.categories_host)
        self.categories_grid.setContentsMargins(0, 0, 0, 0)
        self.categories_grid.setSpacing(12)
        self.root.addWidget(self.categories_host)
        self.status = label("", "notice")
        self.root.addWidget(self.status)
        self.category: str | None = None
        self.page = 0
        self.retry = button(self.tr("重试"))
        self.retry.clicked.connect(lambda: self.load(self.category))
        self.retry.hide()
        self.root.addWidget(self.retry)
        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(14)
        self.root.addLayout(self.list_box)
        pager = QHBoxLayout()
        self.prev = button(self.tr("上一页"), "nav")
        self.prev.clicked.connect(lambda: self.show_page(self.page - 1))
        self.page_label = label("", "hint")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next = button(self.tr("下一页"), "nav")
        self.next.clicked.connect(lambda: self.show_page(self.page + 1))
        pager.addWidget(self.prev)
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.next)
        self.root.addLayout(pager)
        self.root.addStretch(1)
        self.category_buttons: dict[str, QPushButton] = {}
        self.cards: dict[str, ProviderCard] = {}
        self.providers: list[m.IntermediarySummary] = []
        self._generation = 0
        self._pager_visible(False)

    @property
    def page_size(self) -> int:
        return 4 if self.elderly else 6

    def enter(self, params: Mapping[str, Any]) -> None:
        if not self.providers:
            self.load(self.category)

    def load(self, category: str | None) -> None:
        self.category = category
        self._generation += 1
        generation = self._generation
        client = self.ctx.service("central")
        self.retry.hide()
        if client is None:
            self._offline()
            return
        self.status.setText(self.tr("正在查询，请稍候…"))
        self.status.show()

        def done(answer: m.IntermediaryList) -> None:
            if generation == self._generation:
                self.show_list(answer)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                log.info("intermediaries not loaded: %s", type(exc).__name__)
                self._offline()

        self.ctx.run(lambda: client.intermediaries(category), done, failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def _offline(self) -> None:
        self.status.setText(self.tr("中介超市需要联网查询，网络暂时不通。请稍后点“重试”，"
                                    "或点击右下角“呼叫工作人员”。办事指南等其他功能仍可使用。"))
        self.status.show()
        self.retry.show()
        self.providers = []
        clear_layout(self.list_box)
        self.cards.clear()
        self._pager_visible(False)

    def show_list(self, answer: m.IntermediaryList) -> None:
        if not self.category_buttons:
            self._build_categories(answer.categories)
        for key, b in self.category_buttons.items():
            b.setChecked(key == (self.category or ""))
        self.retry.hide()
        self.providers = list(answer.providers)
        self.status.setVisible(not self.providers)
        self.status.setText(self.tr("这一类暂时没有入驻的机构。"))
        self.show_page(0)

    def _build_categories(self, categories: list[str]) -> None:
        columns = 3 if self.portrait or self.elderly else 6
        for i, key in enumerate([""] + list(categories)):
            b = button(self.tr("全部") if not key else key, "choice")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, k=key: self.load(k or None))
            self.categories_grid.addWidget(b, i // columns, i % columns)
            self.category_buttons[key] = b

    def show_page(self, page: int) -> None:
        pages = max(1, -(-len(self.providers) // self.page_size))
        self.page = max(0, min(page, pages - 1))
        clear_layout(self.list_box)
        self.cards.clear()
        for p in self.providers[self.page * self.page_size:(self.page + 1) * self.page_size]:
            rating = (self.tr("%1 分 %2（%3 人评价）").replace("%1", f"{p.rating:.1f}").replace("%2", stars(p.rating))
                      .replace("%3", str(p.rating_count)) if p.rating is not None else self.tr("暂无评价"))
            card = ProviderCard([
                (p.name, "cardTitle"),
                (f"{p.category} · {rating}", "rating"),
                (self.tr("收费：%1").replace("%1", p.fee_summary), ""),
                (self.tr("时限：%1 个工作日内").replace("%1", str(p.time_limit_days)), ""),
            ])
            card.clicked.connect(lambda _=False, pid=p.id: self.ctx.router.go("intermediary_detail", provider_id=pid))
            self.list_box.addWidget(card)
            self.cards[p.id] = card
        self._pager_visible(pages > 1)
        self.page_label.setText(self.tr("第 %1 / %2 页").replace("%1", str(self.page + 1)).replace("%2", str(pages)))
        self.prev.setEnabled(self.page > 0)
        self.next.setEnabled(self.page < pages - 1)
        self.scroll_area.verticalScrollBar().setValue(0)

    def _pager_visible(self, visible: bool) -> None:
        for widget in (self.prev, self.next, self.page_label):
            widget.setVisible(visible)


# ---- the detail -------------------------------------------------------------------------------------------------

class IntermediaryDetailScreen(Screen):
    name = "intermediary_detail"
    idle_timeout_s = 180

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.setStyleSheet(form_qss(ctx.theme) + _help_qss(ctx.theme) + _intermediary_qss(ctx.theme))
        self.set_title(self.tr("中介机构详情"))
        self.status = label("", "notice")
        self.root.addWidget(self.status)
        self.provider_id = ""
        self.retry = button(self.tr("重试"))
        self.retry.clicked.connect(lambda: self.load(self.provider_id))
        self.retry.hide()
        self.root.addWidget(self.retry)
        self.body = QVBoxLayout()
        self.body.setSpacing(18)
        self.root.addLayout(self.body)
        self.root.addStretch(1)
        self.rate = button(self.tr("服务结束后，为这家机构评分"), "primary")
        self.rate.clicked.connect(self.go_rate)
        self.rate.hide()
        self.root.addWidget(self.rate)
        self.qr: QrView | None = None
        self.provider: m.Intermediary | None = None
        self.provider_id = ""
        self._generation = 0

    def enter(self, params: Mapping[str, Any]) -> None:
        provider_id = str(params.get("provider_id") or "")
        if provider_id != self.provider_id or self.provider is None:
            self.load(provider_id)
        else:
            self._rate_state()

    def load(self, provider_id: str) -> None:
        self.provider_id = provider_id
        self.provider = None
        self._generation += 1
        generation = self._generation
        clear_layout(self.body)
        self.qr = None
        self.rate.hide()
        self.retry.hide()
        client = self.ctx.service("central")
        if client is None or not provider_id:
            self._offline()
            return
        self.status.setText(self.tr("正在查询，请稍候…"))
        self.status.show()

        def done(provider: m.Intermediary) -> None:
            if generation == self._generation:
                self.show_provider(provider)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                log.info("intermediary %s not loaded: %s", provider_id, type(exc).__name__)
                self._offline()

        self.ctx.run(lambda: client.intermediary(provider_id), done, failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def _offline(self) -> None:
        self.status.setText(self.tr("机构详情需要联网查询，网络暂时不通。请稍后点“重试”。"))
        self.status.show()
        self.retry.show()

    def show_provider(self, p: m.Intermediary) -> None:
        self.provider = p
        self.provider_id = p.id
        self.status.hide()
        self.retry.hide()
        clear_layout(self.body)
        name = label(p.name, "providerName")
        self.body.addWidget(name)
        rating = (self.tr("%1 分 %2（%3 人评价）").replace("%1", f"{p.rating:.1f}").replace("%2", stars(p.rating))
                  .replace("%3", str(p.rating_count)) if p.rating is not None else self.tr("暂无评价"))
        self.body.addWidget(label(f"{p.category} · {p.qualification}", "hint"))
        self.body.addWidget(label(rating, "rating"))
        summary = Card()
        box = QVBoxLayout(summary)
        box.setContentsMargins(24, 16, 24, 16)
        box.addWidget(label(self.tr("收费标准：%1").replace("%1", p.fee_summary)))
        box.addWidget(label(self.tr("办理时限：%1 个工作日内").replace("%1", str(p.time_limit_days))))
        self.body.addWidget(summary)
        self.body.addWidget(section(self.tr("服务项目")))
        for service in p.services:
            card = Card()
            box = QVBoxLayout(card)
            box.setContentsMargins(24, 16, 24, 16)
            box.setSpacing(6)
            box.addWidget(label(service.name, "cardTitle"))
            box.addWidget(label(self.tr("收费：%1").replace("%1", service.fee)))
            box.addWidget(label(self.tr("时限：%1 个工作日内").replace("%1", str(service.time_limit_days))))
            box.addWidget(label(self.tr("条件：%1").replace("%1", service.conditions)))
            if service.process:
                box.addWidget(label(self.tr("流程：%1").replace("%1", " → ".join(service.process)), "hint"))
            self.body.addWidget(card)
        self.body.addWidget(section(self.tr("联系方式")))
        contact = Card()
        row = QHBoxLayout(contact) if not self.portrait or not self.elderly else QVBoxLayout(contact)
        row.setContentsMargins(24, 16, 24, 16)
        row.setSpacing(24)
        text = QVBoxLayout()
        text.addWidget(label(self.tr("电话：%1").replace("%1", p.phone)))
        text.addWidget(label(self.tr("地址：%1").replace("%1", p.address)))
        text.addWidget(label(self.tr("用手机扫描二维码，可保存电话和地址，无需手动输入。"), "hint"))
        text.addStretch(1)
        row.addLayout(text, 1)
        self.qr = QrView(260)
        self.qr.set_payload(contact_card(p))
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(contact)
        self._rate_state()

    def _rate_state(self) -> None:
        rated = self.provider_id in self.ctx.session.data.get("rated_providers", set())
        self.rate.setVisible(self.provider is not None)
        self.rate.setEnabled(not rated)
        self.rate.setText(self.tr("您本次已为这家机构评过分") if rated else self.tr("服务结束后，为这家机构评分"))

    def go_rate(self) -> None:
        if self.provider is not None:
            self.ctx.router.go("intermediary_rate", provider_id=self.provider.id, name=self.provider.name)


# ---- the rating -------------------------------------------------------------------------------------------------

class IntermediaryRateScreen(Screen):
    name = "intermediary_rate"

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.setStyleSheet(form_qss(ctx.theme) + _help_qss(ctx.theme) + _intermediary_qss(ctx.theme))
        self.set_title(self.tr("为中介机构评分"))
        self.who = label("", "cardTitle")
        self.root.addWidget(self.who)
        self.form = QWidget()
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(18)
        form.addWidget(section(self.tr("您对这家机构的服务打几颗星？")))
        words = [self.tr("很差"), self.tr("较差"), self.tr("一般"), self.tr("较好"), self.tr("很好")]
        grid = QGridLayout()
        grid.setSpacing(12)
        self.star_buttons: dict[int, QPushButton] = {}
        one_column = self.portrait and self.elderly
        for score in range(1, 6):
            b = button(f"{'★' * score}\n{words[score - 1]}" if not one_column else f"{'★' * score}  {words[score - 1]}",
                       "star")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, s=score: self.choose(s))
            grid.addWidget(b, score - 1 if one_column else 0, 0 if one_column else score - 1)
            self.star_buttons[score] = b
        form.addLayout(grid)
        form.addWidget(section(self.tr("说说您的感受（选填）")))
        self.comment = QLineEdit()
        self.comment.setMinimumHeight(MIN_TOUCH_PX)
        self.comment.setMaxLength(300)
        self.comment.setPlaceholderText(self.tr("例如：出图快，收费透明。可以不填"))
        self.comment.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText)
        form.addWidget(self.comment)
        form.addWidget(label(self.tr("评分不需要刷身份证，不记名；每次使用只能为同一家机构评一次。"), "hint"))
        self.root.addWidget(self.form)
        self.status = label("", "notice")
        self.status.hide()
        self.root.addWidget(self.status)
        self.root.addStretch(1)
        self.submit = button(self.tr("提交评分"), "primary")
        self.submit.clicked.connect(self.send)
        self.root.addWidget(self.submit)
        self.finish = button(self.tr("完成"), "primary")
        self.finish.clicked.connect(lambda: self.ctx.end_session())
        self.finish.hide()
        self.root.addWidget(self.finish)
        self.score = 0
        self.provider_id = ""

    @property
    def rated(self) -> set[str]:
        return self.ctx.session.data.setdefault("rated_providers", set())

    def enter(self, params: Mapping[str, Any]) -> None:
        self.provider_id = str(params.get("provider_id") or "")
        self.who.setText(str(params.get("name") or self.provider_id))
        if self.provider_id in self.rated:
            self._done_state(self.tr("您本次已为这家机构评过分，感谢您的参与。"))
        else:
            self.form.show()
            self.submit.show()
            self.finish.hide()
            self.status.hide()

    def choose(self, score: int) -> None:
        self.score = score
        for s, b in self.star_buttons.items():
            b.setChecked(s == score)
        self.status.hide()

    def send(self) -> None:
        if not 1 <= self.score <= 5:
            self.status.setText(self.tr("请先点选星级（1 到 5 颗星）。"))
            self.status.show()
            return
        client = self.ctx.service("central")
        if client is None:
            self.status.setText(self.tr("评分需要联网，网络暂时不通，请稍后再试。"))
            self.status.show()
            return
        provider_id, score, comment = self.provider_id, self.score, self.comment.text().strip()[:300]
        keys = self.ctx.session.data.setdefault("rating_keys", {})
        attempt = (provider_id, score, comment)
        if keys.get(provider_id, (None,))[0] != attempt:     # a retry of the same rating keeps its key
            keys[provider_id] = (attempt, new_idempotency_key())
        key = keys[provider_id][1]
        self.submit.setEnabled(False)
        self.status.setText(self.tr("正在提交，请稍候…"))
        self.status.show()

        def done(result: m.Rating) -> None:
            self.rated.add(provider_id)
            self.submit.setEnabled(True)
            self.show_thanks(result.rating, result.rating_count)

        def failed(exc: BaseException) -> None:
            log.info("intermediary rating not sent: %s", type(exc).__name__)
            self.submit.setEnabled(True)
            self.status.setText(self.tr("评分没有提交成功：网络暂时不通。请稍后再点“提交评分”。"))
            self.status.show()

        self.ctx.run(lambda: client.rate_intermediary(provider_id, score, comment, idempotency_key=key), done, failed,
                     deadline_s=self.ctx.config.central.lookup_deadline_s)

    def show_thanks(self, rating: float, count: int) -> None:
        self._done_state(self.tr("感谢您的评分！这家机构现在的评分是 %1 分（%2 人评价）。")
                         .replace("%1", f"{rating:.1f}").replace("%2", str(count)))

    def _done_state(self, text: str) -> None:
        self.form.hide()
        self.submit.hide()
        self.status.setText(text)
        self.status.show()
        self.finish.show()

    def wipe(self) -> None:
        try:
            self.comment.clear()
            self.score = 0
            for b in self.star_buttons.values():
                b.setChecked(False)
        except RuntimeError:
            pass


def _intermediary_qss(theme: Any) -> str:
    c = theme.color
    return (f'QPushButton[role="card"] {{ background: {c("SURFACE")}; border: 2px solid {c("BORDER")}; '
            f'border-radius: 16px; text-align: left; padding: 0; }}'
            f'QPushButton[role="card"]:pressed {{ background: {c("PRESSED")}; }}'
            f'QLabel[role="providerName"] {{ font-size: {theme.px("XL")}px; font-weight: bold; }}'
            f'QLabel[role="cardTitle"] {{ font-size: {theme.px("L")}px; font-weight: bold; background: transparent; }}'
            f'QLabel[role="rating"] {{ color: {c("ACCENT")}; font-weight: bold; background: transparent; }}'
            f'QPushButton[role="card"] QLabel {{ background: transparent; }}'
            f'QPushButton[role="star"] {{ color: #e67700; font-size: {theme.px("M")}px; padding: 12px 8px; }}'
            f'QPushButton[role="star"]:checked {{ background: {c("PRESSED")}; border: 5px solid {c("PRIMARY")}; }}')


# ---- screenshots ----------------------------------------------------------------------------------------------

def _sample_services(*services: tuple[str, str, int, str]) -> list[m.ProviderService]:
    return [m.ProviderService(n, f, d, c, ["中介超市选取", "签订合同", "提供服务", "成果提交", "评价"])
            for n, f, d, c in services]


SAMPLE_PROVIDERS = [
    m.Intermediary("ZJ001", "浏阳市恒图测绘有限公司", "测绘", 4.6, 23, "按面积收费，农房测绘每宗300元起", 5, "乙级测绘资质",
                   "浏阳市集里街道金沙北路100号", "0731-83681000",
                   _sample_services(("不动产测绘（农村宅基地）", "每宗300元", 5, "提供宅基地批准书"),
                                    ("房产面积测量", "每平方米0.8元", 7, "提供施工图"))),
    m.Intermediary("ZJ002", "长沙浏河勘测规划设计院", "测绘", 4.2, 11, "地形图测量每平方公里8000元起", 10, "甲级测绘资质",
                   "浏阳市集里街道金沙北路107号", "0731-83681037",
                   _sample_services(("地形图测绘", "每平方公里8000元起", 10, "委托书"))),
    m.Intermediary("ZJ004", "湖南浏信房地产土地评估有限公司", "评估", None, 0, "按评估值差额累进收费", 7, "房地产估价二级",
                   "浏阳市集里街道金沙北路121号", "0731-83681111", []),
    m.Intermediary("ZJ006", "浏阳市乡建建筑设计有限公司", "设计", 4.8, 35, "农房设计每套1200元，可选免费通用图", 7, "建筑工程乙级",
                   "浏阳市集里街道金沙北路135号", "0731-83681185", []),
    m.Intermediary("ZJ008", "浏阳市建设工程质量检测中心", "检测", 3.9, 8, "按检测项目收费", 5, "CMA认证",
                   "浏阳市集里街道金沙北路149号", "0731-83681259", []),
]
SAMPLE_CATEGORIES = ["测绘", "评估", "设计", "检测", "环评", "代理记账", "法律服务", "招标代理", "地质灾害评估"]


def _summary(p: m.Intermediary) -> m.IntermediarySummary:
    return m.IntermediarySummary(p.id, p.name, p.category, p.rating, p.rating_count, p.fee_summary, p.time_limit_days)


def screenshot_plan() -> dict[str, Callable[[Any], None]]:
    def listing(built: Any) -> None:
        built.ctx.router.go("intermediary")
        built.window.current_screen.show_list(m.IntermediaryList(SAMPLE_CATEGORIES, [_summary(p) for p in SAMPLE_PROVIDERS]))

    def offline(built: Any) -> None:
        built.ctx.router.go("intermediary")

    def detail(built: Any) -> None:
        listing(built)
        built.ctx.router.go("intermediary_detail", provider_id="ZJ001")
        built.window.current_screen.show_provider(SAMPLE_PROVIDERS[0])

    def rate(built: Any) -> None:
        detail(built)
        built.ctx.router.go("intermediary_rate", provider_id="ZJ001", name=SAMPLE_PROVIDERS[0].name)
        built.window.current_screen.choose(4)

    def rated(built: Any) -> None:
        rate(built)
        built.window.current_screen.show_thanks(4.6, 24)

    return {"intermediary": listing, "intermediary_offline": offline, "intermediary_detail": detail,
            "intermediary_rate": rate, "intermediary_rate_done": rated}
