"""The cost of the gap in a real browser on the planner fixture (tests/fixtures/perencanaan.py): the budget page's
what-if from its URL, and the planning workbook downloaded from the priority page with its 'Kebutuhan biaya' sheet.
Hand-computed numbers: tests/perencanaan/test_kebutuhan.py."""

from __future__ import annotations

import openpyxl
import pytest

from tests.e2e.conftest import download, running_app, settle, shot


@pytest.fixture(scope="module")
def planner_url(perencanaan_db, tmp_path_factory):
    with running_app(perencanaan_db, tmp_path_factory.mktemp("e2e_biaya") / "streamlit.log") as url:
        yield url


def test_what_if_from_the_url(planner_url, page):
    page.goto(f"{planner_url}/anggaran?periode=2026-03&ag_bidang=kesehatan&kb_mode=kode_wilayah&kb_bagian=100")
    settle(page)
    # 100 % of Banjar's 20 bn health allocation to Balangan: Banjar's 11.000 people lose their service, Balangan was
    # covered already
    sentence = page.get_by_text("Memindahkan Rp 20,0 miliar (100 % pagu Kabupaten Banjar) ke Kabupaten Balangan")
    sentence.wait_for(timeout=60_000)
    assert "11.000 orang tidak lagi terlayani di Kabupaten Banjar" in sentence.inner_text()
    shot(page, "anggaran_kebutuhan_andai")


def test_planning_workbook_has_the_cost_sheet(planner_url, page, tmp_path):
    page.goto(f"{planner_url}/prioritas?periode=2026-03&kab=63.03")
    settle(page)
    path = tmp_path / "lembar.xlsx"
    download(page, "Unduh lembar perencanaan (Excel)").save_as(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Prioritas", "Kebutuhan biaya"]
    ws = wb["Kebutuhan biaya"]
    assert ws["A1"].value.startswith("Kebutuhan biaya vs pagu 2025") and "Kabupaten Banjar" in ws["A1"].value
    rows = list(ws.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r[0] == "Bidang SPM"))
    assert list(rows[header][:6]) == ["Bidang SPM", "Layanan", "Belum terlayani (orang)", "Biaya satuan (Rp/orang)",
                                      "Kebutuhan (Rp)", "Pagu bidang (Rp)"]  # fmt: skip
    body = rows[header + 1 :]
    health_total = next(r for r in body if r[0] == "Kesehatan" and r[1] == "Jumlah bidang")
    # 600.000.000 need, 20 bn allocation, gap −19,4 bn
    assert health_total[4] == 600_000_000 and health_total[5] == 20_000_000_000
    assert health_total[6] == 600_000_000 - 20_000_000_000
    ibu = next(r for r in body if r[0] == "Kesehatan" and str(r[1]).lower().startswith("pelayanan kesehatan ibu hamil"))
    assert ibu[2:5] == (1000, 100_000, 100_000_000)
