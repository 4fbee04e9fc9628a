"""Appointment units (365预约) and their services, windows and capacity."""
from __future__ import annotations

from typing import Any

ALL_WEEK = [0, 1, 2, 3, 4, 5, 6]
WEEKDAYS = [0, 1, 2, 3, 4]

# unit: (id, name, region_code, address, phone, hall, [services])
# service: (id suffix, name, item name or None, window group, window name, slot minutes, capacity, weekdays)
UNITS: list[tuple[str, str, str, str, str, bool, list[tuple[str, str, str | None, str, str, int, int, list[int]]]]] = [
    ("U-SMZJ", "浏阳市市民之家（政务服务中心）", "430181", "浏阳市集里街道金沙北路市民之家", "0731-83012345", True, [
        ("SB", "社保医保业务", "社会保障卡补领、换领、换发", "A", "社保医保窗口（1-8号）", 30, 6, ALL_WEEK),
        ("BDC", "不动产登记", "国有建设用地使用权及房屋所有权转移登记", "B", "不动产登记专区（9-20号）", 30, 8, WEEKDAYS + [5]),
        ("QY", "企业开办与个体登记", "个体工商户设立登记", "C", "企业开办专区（21-26号）", 30, 4, WEEKDAYS),
        ("HJ", "户籍与身份证", "居民身份证办理（包括临时）", "D", "公安户政窗口（27-30号）", 20, 5, ALL_WEEK),
        ("GJJ", "住房公积金", None, "E", "公积金窗口（31-34号）", 30, 4, WEEKDAYS),
        ("BDB", "帮代办服务", None, "F", "帮代办服务专区", 60, 3, ALL_WEEK),
    ]),
    ("U-JLJD", "集里街道便民服务中心", "集里街道", "浏阳市集里街道集里路", "0731-83651234", True, [
        ("MZ", "民政社会救助", "最低生活保障", "A", "民政窗口", 30, 3, WEEKDAYS),
        ("SB", "社保医保", "城乡居民基本养老保险参保登记", "B", "人社医保窗口", 30, 3, WEEKDAYS),
    ]),
    ("U-SSZ", "沙市镇便民服务中心", "沙市镇", "浏阳市沙市镇沙市街", "0731-83591234", True, [
        ("ZH", "综合受理", None, "A", "综合受理窗口", 30, 3, WEEKDAYS),
        ("JF", "农村建房", "农村村民住宅建设审批（农村建房）", "B", "自然资源窗口", 60, 2, WEEKDAYS),
    ]),
    ("U-DWS", "大围山镇便民服务中心", "大围山镇", "浏阳市大围山镇东门", "0731-83451234", False, [
        ("ZH", "综合受理", None, "A", "综合受理窗口", 30, 2, WEEKDAYS),
    ]),
]


def unit_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    units, services = [], []
    for i, (uid, name, region, address, phone, hall, svcs) in enumerate(UNITS):
        units.append({"id": uid, "name": name, "region_code": region, "address": address, "phone": phone,
                      "hall": hall, "sort_order": i})
        for j, (sid, sname, item_name, group, window, minutes, capacity, weekdays) in enumerate(svcs):
            services.append({"id": f"S-{uid[2:]}-{sid}", "unit_id": uid, "name": sname, "item_name": item_name,
                             "window_group": group, "window_name": window, "slot_minutes": minutes,
                             "slot_capacity": capacity, "weekdays": weekdays, "sort_order": j})
    return units, services
