"""The license model and its sort/filter proxy, without any widget (plus qtmodeltester)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt

from desktop.domain.models import SupportStatus
from desktop.ui.license_filter_proxy import LicenseFilterProxy, QuickFilter
from desktop.ui.license_table_model import LICENSE_ROLE, Column, LicenseTableModel
from desktop.ui.status_colours import danger
from tests.licenses import TARGET, make_license, many_licenses

TODAY = date(2024, 6, 1)
SYNAPSE = "synapseRT - Test Management for Jira for JIRA (Server) 10 Users: Commercial License"


@pytest.fixture
def model() -> LicenseTableModel:
    m = LicenseTableModel(today=TODAY)
    m.set_locale(QLocale("en_US"))
    m.set_licenses(
        [
            make_license(
                12683313,
                product=SYNAPSE,
                organisation="示例科技有限公司",
                primary=TARGET,
                expires=date(2020, 10, 19),
                seen_by={TARGET},
            ),
            make_license(
                200,
                product="Confluence (Data Center) 50 Users: Commercial License",
                expires=date(2025, 3, 2),
                primary="li.na@huake.example",
                technical=(TARGET,),
                organisation="星河示例软件有限公司",
                seen_by={"li.na@huake.example", "paste:2023 mailbox"},
            ),
            make_license(3000, product=SYNAPSE, primary="demo.buyer@qq.com", seen_by={TARGET}),
        ],
        {"paste:2023 mailbox": "2023 mailbox"},
    )
    return m


def texts(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_columns_and_display(model: LicenseTableModel) -> None:
    assert model.columnCount() == 7
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert titles == [
        "SEN",
        "Product",
        "Name",
        "Support Expires",
        "Support",
        "Primary technical contact",
        "Accounts",
    ]
    assert texts(model, Column.SEN) == ["SEN-12683313", "SEN-200", "SEN-3000"]
    assert model.index(0, Column.SUPPORT_EXPIRES).data() == "19 Oct 2020"
    assert texts(model, Column.SUPPORT) == ["Expired", "Active", "Unknown"]
    assert model.index(1, Column.PRIMARY_CONTACT).data() == "li.na@huake.example"
    assert model.index(1, Column.ACCOUNTS).data() == "2023 mailbox, li.na@huake.example"
    assert model.index(1, Column.NAME).data() == "星河示例软件有限公司"
    assert model.index(0, 0).data(LICENSE_ROLE).sen == "SEN-12683313"


def test_expired_is_marked_by_text_and_colour(model: LicenseTableModel) -> None:
    cell = model.index(0, Column.SUPPORT)
    assert cell.data() == "Expired"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == danger()
    assert model.index(1, Column.SUPPORT).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "19 Oct 2020" in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_today_decides_expiry(model: LicenseTableModel) -> None:
    assert texts(model, Column.SUPPORT)[1] == "Active"  # shown once, before "today" moves
    model.set_today(date(2026, 1, 1))
    assert model.statuses()[:2] == [SupportStatus.EXPIRED, SupportStatus.EXPIRED]
    assert texts(model, Column.SUPPORT)[:2] == ["Expired", "Expired"]


def test_chinese_dates_follow_the_locale(model: LicenseTableModel) -> None:
    assert model.index(0, Column.SUPPORT_EXPIRES).data() == "19 Oct 2020"
    model.set_locale(QLocale("zh_CN"))
    # The one date formatter, with or without a translator loaded.
    assert model.index(0, Column.SUPPORT_EXPIRES).data() == "2020年10月19日"


def test_license_key_never_in_any_role(model: LicenseTableModel) -> None:
    key = model.license_at(0).license_key
    assert key
    for column in range(model.columnCount()):
        for role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            assert key not in str(model.index(0, column).data(role))


def test_model_passes_qtmodeltester(qtmodeltester, model: LicenseTableModel) -> None:
    qtmodeltester.check(model, force_py=True)


def test_proxy_passes_qtmodeltester(qtmodeltester, model: LicenseTableModel) -> None:
    proxy = LicenseFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.sort(Column.SUPPORT_EXPIRES, Qt.SortOrder.DescendingOrder)
    proxy.set_search_text("huake")
    qtmodeltester.check(proxy, force_py=True)


@pytest.fixture
def proxy(model: LicenseTableModel) -> LicenseFilterProxy:
    p = LicenseFilterProxy()
    p.setSourceModel(model)
    return p


def test_sort_dates_as_dates_missing_last(proxy: LicenseFilterProxy) -> None:
    proxy.sort(Column.SUPPORT_EXPIRES)
    assert texts(proxy, Column.SEN) == ["SEN-12683313", "SEN-200", "SEN-3000"]
    proxy.sort(Column.SUPPORT_EXPIRES, Qt.SortOrder.DescendingOrder)
    assert texts(proxy, Column.SEN) == ["SEN-3000", "SEN-200", "SEN-12683313"]


def test_sort_sen_numerically(proxy: LicenseFilterProxy) -> None:
    proxy.sort(Column.SEN)
    assert texts(proxy, Column.SEN) == ["SEN-200", "SEN-3000", "SEN-12683313"]


@pytest.mark.parametrize("column", list(Column))
def test_every_column_sorts_both_ways(proxy: LicenseFilterProxy, column: Column) -> None:
    proxy.sort(column)
    up = texts(proxy, Column.SEN)
    proxy.sort(column, Qt.SortOrder.DescendingOrder)
    down = texts(proxy, Column.SEN)
    assert sorted(up) == sorted(down) == ["SEN-12683313", "SEN-200", "SEN-3000"]
    keys = proxy.sourceModel().sort_keys(column)
    ordered = [keys[proxy.source_row(r)] for r in range(proxy.rowCount())]
    assert ordered == sorted(ordered, reverse=True)


def test_search_over_sen_product_name_and_contacts(proxy: LicenseFilterProxy) -> None:
    for text, expected in [
        ("12683313", ["SEN-12683313"]),
        ("confluence", ["SEN-200"]),
        ("星河", ["SEN-200"]),
        ("LI.NA", ["SEN-200"]),
        ("Zhang Wei", ["SEN-12683313", "SEN-200"]),
        ("qq.com", ["SEN-3000"]),
        ("zhang confluence", ["SEN-200"]),
        ("nothing-like-this", []),
        ("", ["SEN-12683313", "SEN-200", "SEN-3000"]),
    ]:
        proxy.set_search_text(text)
        assert texts(proxy, Column.SEN) == expected, text


def test_search_narrowing_keeps_the_sort(proxy: LicenseFilterProxy) -> None:
    proxy.sort(Column.SEN, Qt.SortOrder.DescendingOrder)
    proxy.set_search_text("s")
    proxy.set_search_text("se")
    proxy.set_search_text("sen-")
    assert texts(proxy, Column.SEN) == ["SEN-12683313", "SEN-3000", "SEN-200"]


def test_quick_filters(proxy: LicenseFilterProxy) -> None:
    proxy.set_quick_filter(QuickFilter.EXPIRED)
    assert texts(proxy, Column.SEN) == ["SEN-12683313"]
    proxy.set_quick_filter(QuickFilter.ACTIVE)
    assert texts(proxy, Column.SEN) == ["SEN-200"]
    proxy.set_target_email("zhang.wei@huake.example")
    proxy.set_quick_filter(QuickFilter.NOT_CONSOLIDATED)
    assert texts(proxy, Column.SEN) == ["SEN-200", "SEN-3000"]
    proxy.set_target_email("li.na@huake.example")
    assert texts(proxy, Column.SEN) == ["SEN-12683313", "SEN-3000"]
    proxy.set_quick_filter(QuickFilter.ALL)
    assert proxy.rowCount() == 3


def test_sort_keeps_the_selected_license(proxy: LicenseFilterProxy) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    proxy.sort(Column.SEN)
    held = QPersistentModelIndex(proxy.index(0, 0))
    assert held.data() == "SEN-200"
    proxy.sort(Column.SEN, Qt.SortOrder.DescendingOrder)
    assert held.row() == 2 and held.data() == "SEN-200"


def test_reload_reapplies_filter(proxy: LicenseFilterProxy, model: LicenseTableModel) -> None:
    proxy.set_search_text("huake")
    model.set_licenses(many_licenses(50))
    assert 0 < proxy.rowCount() <= 50
    assert all("huake" in model.haystacks()[proxy.source_row(r)] for r in range(proxy.rowCount()))


def test_a_keystroke_that_shows_the_same_rows_resets_nothing(proxy: LicenseFilterProxy) -> None:
    resets: list[None] = []
    proxy.modelReset.connect(lambda: resets.append(None))
    proxy.set_search_text("confl")
    assert texts(proxy, Column.SEN) == ["SEN-200"] and len(resets) == 1
    proxy.set_search_text("conflu")  # the same one license: the view keeps what it drew
    proxy.set_search_text("confl")
    assert len(resets) == 1
    proxy.set_search_text("")
    assert proxy.rowCount() == 3 and len(resets) == 2
