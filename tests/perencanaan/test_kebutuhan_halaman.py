"""AppTest of the cost of the gap on the planner pages (budget page: new columns, totals, what-if; area profile
section) and the planning sheet's 'cost of the gap' sheet, on the planner fixture (tests/fixtures/perencanaan.py;
hand-computed numbers in tests/perencanaan/test_kebutuhan.py and in the comments)."""

from __future__ import annotations

import io

import openpyxl

from dashboard.core.warehouse import connect_readonly, query_df
from dashboard.perencanaan import data as perencanaan_data
from dashboard.perencanaan import kebutuhan as kb
from tests.helpers import open_page

PARTIAL = "◐"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_budget_page_need_columns_totals_and_what_if(perencanaan_env):
    at = open_page("perencanaan/anggaran.py", periode="2026-03")
    assert not at.exception
    main = at.dataframe[0].value
    banjar_health = main[(main["Kabupaten/kota"] == "Kabupaten Banjar") & (main["Bidang SPM"] == "Kesehatan")].iloc[0]
    # Banjar health 2025: 1000 × 100.000 + 10000 × 50.000 = 600.000.000 vs 20 bn
    assert banjar_health["Kebutuhan (Rp)"] == 600_000_000
    assert banjar_health["Selisih kebutuhan − pagu (Rp)"] == 600_000_000 - 20_000_000_000
    assert "2 dari 12 layanan" in banjar_health["Dasar kebutuhan"] and PARTIAL in banjar_health["Dasar kebutuhan"]
    # Banjar PU: air minum has no unit cost: no need, no gap (never 0)
    banjar_pu = main[(main["Kabupaten/kota"] == "Kabupaten Banjar") & (main["Bidang SPM"] == "Pekerjaan Umum")].iloc[0]
    assert banjar_pu["Kebutuhan (Rp)"] != banjar_pu["Kebutuhan (Rp)"]  # NaN
    # totals over the 9 budget rows: 11,075 bn need (0,6 + 5 + 0,125 + 0 + 0,35 + 5), 255 bn allocation,
    # gap −243,9 bn, covered 255 / 11,075 = 2.302 %; on 9 of the 3 × 17 = 51 services
    m = metrics(at)
    assert m["Kebutuhan (Rp miliar)"] == "11,1" and m["Selisih (Rp miliar)"] == "-243,9"
    assert m["Kebutuhan tertutup pagu"] == "2.302%"
    assert any(c.value.startswith("9 dari 51 layanan berdata dan berbiaya ◐") for c in at.caption)
    per_field = at.dataframe[1].value.set_index("Bidang SPM")
    assert (
        per_field.loc["Kesehatan", "Kebutuhan (Rp)"] == 1_075_000_000
        and per_field.loc["Pendidikan", "Kebutuhan (Rp)"] == 10e9
    )
    per_kab = at.dataframe[2].value.set_index("Kabupaten/kota")
    assert per_kab.loc["Kabupaten Banjar", "Kebutuhan (Rp)"] == 5.6e9
    services = at.dataframe[3].value
    bjm = services[
        (services["Kabupaten/kota"] == "Kota Banjarmasin") & (services["Layanan"].str.contains("ibu hamil", case=False))
    ]
    assert bjm["Biaya satuan (Rp/orang)"].tolist() == [150_000] and bjm["Biaya berlaku"].tolist() == ["khusus kab/kota"]
    assert any("Sumber biaya satuan 2025: uji" in c.value for c in at.caption)
    # what-if between kab/kota within health: 100 % of Banjar's 20 bn to Balangan; Banjar served all its 11000
    # (20 bn ≥ 0,6 bn) and serves none after; Balangan (8 bn ≥ 0,35 bn) was covered already: +0; net −11.000
    at.selectbox(key="ag_bidang").set_value("kesehatan").run()
    at.radio(key="kb_mode").set_value("kode_wilayah").run()
    assert at.selectbox(key="kb_dari").value == "63.03" and at.selectbox(key="kb_ke").value == "63.11"
    at.slider(key="kb_bagian").set_value(100).run()
    m = metrics(at)
    assert m["Dipindah (Rp miliar)"] == "20,0"
    assert m["Berkurang terlayani (orang)"] == "11.000"
    assert m["Bertambah terlayani (orang)"] == "0"
    assert m["Perubahan bersih (orang)"] == "−11.000"
    assert any(
        x.value
        == (
            "Memindahkan Rp 20,0 miliar (100 % pagu Kabupaten Banjar) ke Kabupaten Balangan: 0 orang lagi "
            "terlayani di Kabupaten Balangan, 11.000 orang tidak lagi terlayani di Kabupaten Banjar; "
            "perubahan bersih −11.000 orang."
        )
        for x in at.markdown
    )
    assert at.query_params.get("kb_bagian") in ("100", ["100"])


def test_budget_page_english_and_a_year_without_costs(perencanaan_env):
    at = open_page("perencanaan/anggaran.py", periode="2026-03", lang="en", kab="63.03")
    assert not at.exception
    main = at.dataframe[0].value
    assert {"Need (IDR)", "Need − allocation (IDR)", "Need covered", "Need stands on"} <= set(main.columns)
    m = metrics(at)
    # Banjar: 5,6 bn need against 100 bn
    assert m["Need (IDR billion)"] == "5.6" and m["Need covered by the allocation"] == "1,786%"
    assert "What if the budget were moved?" in [s.value for s in at.subheader]
    at.selectbox(key="ag_tahun").set_value("2026").run()
    assert not at.exception and any("No unit costs for 2026" in i.value for i in at.info)
    assert "Need (IDR)" not in at.dataframe[0].value.columns


def test_profile_section(perencanaan_env):
    at = open_page("perencanaan/profil.py", periode="2026-03", kab="63.03")
    assert not at.exception
    assert "Kebutuhan biaya 2025" in [s.value for s in at.subheader]
    table = next(d.value for d in at.dataframe if "Kebutuhan (Rp)" in d.value.columns).set_index("Bidang SPM")
    assert table.loc["Kesehatan", "Kebutuhan (Rp)"] == 600_000_000 and table.loc["Pendidikan", "Kebutuhan (Rp)"] == 5e9
    assert table.loc["Kesehatan", "Pagu (Rp)"] == 20e9
    # fields without a budget or a cost show no need (NaN), never 0
    assert table.loc["Sosial", "Kebutuhan (Rp)"] != table.loc["Sosial", "Kebutuhan (Rp)"]
    at = open_page("perencanaan/profil.py", periode="2026-03", kab="63.03", kec="63.03.01", lang="en")
    assert not at.exception and any("computed per kab/kota" in c.value for c in at.caption)


def test_planning_sheet_cost_of_the_gap(perencanaan_db, perencanaan_env):
    con = connect_readonly(perencanaan_db)
    try:
        budget = query_df(con, "anggaran_per_bidang", {"kode_provinsi": "63"})
    finally:
        con.close()
    rows = kb.planning_rows(kb.services(2025), budget[budget["tahun"] == 2025], ["63.03"])
    health = rows[rows["bidang"] == "kesehatan"]
    # one row per health service (12) then the field total
    assert list(health["jenis"]) == ["layanan"] * 12 + ["jumlah"]
    ibu = health[health["kode_indikator"] == "kes_ibu_hamil"].iloc[0]
    assert ibu["belum"] == 1000 and ibu["biaya_satuan"] == 100_000 and ibu["kebutuhan"] == 100_000_000
    total = health.iloc[-1]
    assert total["kebutuhan"] == 600_000_000 and total["pagu"] == 20e9 and total["selisih"] == 600e6 - 20e9
    pu = rows[(rows["bidang"] == "pekerjaan_umum") & (rows["jenis"] == "jumlah")].iloc[0]
    assert pu["kebutuhan"] != pu["kebutuhan"] and pu["pagu"] == 30e9  # no cost: no need, the allocation stays
    view = rows[
        ["bidang", "kode_indikator", "belum", "biaya_satuan", "kebutuhan", "pagu", "selisih", "persen_tertutup"]
    ]
    extra = perencanaan_data.ExtraSheet("Kebutuhan biaya", view, "Kebutuhan biaya vs pagu 2025 – Kabupaten Banjar",
                                        ["cara hitung"], ["persen_tertutup"], {"kebutuhan": 0})  # fmt: skip
    data = perencanaan_data.planning_excel(
        view.head(1), "Masalah prioritas", ["Wilayah: Kabupaten Banjar"], extra=[extra]
    )
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Prioritas", "Kebutuhan biaya"]
    ws = wb["Kebutuhan biaya"]
    assert ws["A1"].value == "Kebutuhan biaya vs pagu 2025 – Kabupaten Banjar" and ws["A2"].value == "cara hitung"
    assert [c.value for c in ws[4]] == list(view.columns)
    got = {(r[0], r[1]): r for r in ws.iter_rows(min_row=5, values_only=True)}
    assert got[("kesehatan", "kes_ibu_hamil")][4] == 100_000_000
    assert got[("kesehatan", None)][4:7] == (600_000_000, 20_000_000_000, 600_000_000 - 20_000_000_000)
    assert ws.page_setup.orientation == "landscape"
