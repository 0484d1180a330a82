"""Overview on the "honest numbers" warehouse (tests/fixtures/jujur.py): missing is missing, above 100 % is flagged.

Province, Q1 2026 (year to date), hand-computed from the province's pooled counts:
  Pendidikan   only pend_dikdas_7_15 (1 of 3 kab/kota services): (90000 + 99000) / (100000 + 110000) = 90 %
  Kesehatan    kes_ibu_hamil (8000 + 6000 + 2000) / (10000 + 12000 + 2500) = 65.306 %; kes_balita 30000/40000 = 75 %
               -> (65.306 + 75) / 2 = 70.153 %
  PU           pu_air_minum: the count rows only (Banjarmasin 715000 / 650000 = 110 %) -> capped 100, flagged
  Perumahan rakyat, Trantibumlinmas, Sosial: no data -> "–", no badge, not counted as tuntas
  SPM index    (90 + 70.153 + 100) / 3 = 86.718 %, "rata-rata 3 dari 6 bidang berdata"
  Posyandu     the only desa report is D/S 0 of 0 -> NA, never 100 %
Coverage (default threshold 80 %): every value above stands on few of its units, so each is partial (◐): shown,
without a category, not counted as tuntas, not ranked. Field completeness = mean over its services of the share of
the 13 kab/kota in the province value (a service without data 0):
  Pendidikan   5 services, pend_dikdas 2/13                      -> (2/13) / 5 = 3.08 %
  Kesehatan    14 services, kes_ibu_hamil 3/13, kes_balita 1/13  -> (4/13) / 14 = 2.20 %
  PU           4 services, pu_air_minum 3/13 (1 with counts, 2 percent-only estimated from the population)
                                                                 -> (3/13) / 4 = 5.77 %
  SPM index    mean over the 6 fields (3 without data: 0)        -> (3.08 + 2.20 + 5.77) / 6 = 1.84 %
"""

from __future__ import annotations

import pytest

from dashboard.spm.categories import category_scheme
from tests.helpers import ok, run_app

PEND = 189000 / 210000 * 100
KES = (16000 / 24500 * 100 + 75.0) / 2
OVERALL = (PEND + KES + 100.0) / 3
COMPLETE = [100 * 2 / 13 / 5, 100 * 4 / 13 / 14, 100 * 3 / 13 / 4]  # pendidikan, kesehatan, PU completeness (%)


def pct(x: float, lang: str = "id") -> str:
    text = f"{x:.1f}%"
    return text.replace(".", ",") if lang == "id" else text


def test_field_summary_hand_computed(jujur_env):
    from dashboard.ringkasan import data as ringkasan_data

    fields = ringkasan_data.field_summary("63", "2026-03-01").set_index("kode_bidang")
    assert fields.loc["pendidikan", "indeks"] == pytest.approx(PEND)  # not 100 %
    assert fields.loc["pendidikan", ["layanan_ada", "layanan_total"]].tolist() == [1, 5]  # 3 kab/kota + 2 province services
    assert fields.loc["kesehatan", "indeks"] == pytest.approx(KES)
    assert fields.loc["pekerjaan_umum", "indeks"] == pytest.approx(100.0)
    assert fields.loc["pekerjaan_umum", "layanan_lebih_100"] == 1
    for kode in ("perumahan_rakyat", "trantibumlinmas", "sosial"):
        assert fields.loc[kode, "layanan_ada"] == 0
        assert fields.loc[kode, ["indeks", "kategori"]].isna().all()
    assert fields["posyandu_rata"].isna().all()  # D/S 0 of 0 is NA (least(NULL, 100) used to give 100)
    assert ringkasan_data.overall_index(fields.reset_index()) == pytest.approx(OVERALL)
    assert ringkasan_data.index_coverage(fields.reset_index()) == (3, 6)
    k = fields["kelengkapan_unit"]
    assert [k["pendidikan"], k["kesehatan"], k["pekerjaan_umum"]] == pytest.approx(COMPLETE)
    assert fields.loc[["pendidikan", "kesehatan", "pekerjaan_umum"], "sebagian"].all()
    assert fields["kategori"].isna().all()  # partial and missing values earn no category
    scheme = category_scheme()
    assert scheme.count_tuntas(fields["indeks"], fields["sebagian"]) == 0  # partial fields never count as tuntas
    overall = ringkasan_data.overall_row(fields.reset_index())
    assert overall["kelengkapan_unit"] == pytest.approx(sum(COMPLETE) / 6) and bool(overall["sebagian"])


def test_district_summary_flags(jujur_env):
    from dashboard.ringkasan import data as ringkasan_data

    d = ringkasan_data.district_summary("2026-03-01").set_index("kode")
    # each index stands on a few of the 29 kab/kota services: partial, shown but not ranked (see tests/spm/test_jujur)
    assert d.loc[["63.72", "63.03", "63.71", "63.11"], "sebagian"].all()
    assert d["peringkat"].isna().all() and d["kategori"].isna().all()
    assert d.loc[["63.72", "63.03", "63.71", "63.11"], "indeks"].tolist() == pytest.approx([100.0, 83.75, 80.0, 67.75])
    assert d.loc[["63.72", "63.03", "63.71", "63.11"], "bidang_ada"].tolist() == [1, 2, 3, 2]
    assert d.loc[["63.72", "63.03", "63.71", "63.11"], "lebih_100"].tolist() == [True, False, True, False]
    assert d.loc[["63.72", "63.03", "63.71", "63.11"], "tidak_pasti"].tolist() == [True, False, True, True]
    rest = d.drop(index=["63.72", "63.03", "63.71", "63.11"])
    assert len(rest) == 9 and rest["indeks"].isna().all() and not rest["sebagian"].any()
    assert rest["kategori"].isna().all() and not rest["lebih_100"].any() and (rest["bidang_ada"] == 0).all()


def test_overview_page_golden(jujur_env):
    at = ok(run_app(periode="2026-03"))
    assert at.metric[0].label == "Indeks SPM (rata-rata 3 dari 6 bidang berdata)"
    assert at.metric[0].value == pct(OVERALL) + " ◐"  # shown, marked partial
    assert at.metric[1].value == "–"  # partial fields never count as tuntas, and no field has complete data
    assert "Belum ada bidang dengan data lengkap: bidang bertanda ◐ tidak dihitung." in [c.value for c in at.caption]
    assert at.metric[2].value == "–"  # Posyandu D/S 0 of 0: NA, not 100 %
    markdown = [m.value for m in at.markdown]
    captions = [c.value for c in at.caption]
    # Pendidikan card: that one service's value, "1 dari 5 layanan berdata" (the province's 3 kab/kota + 2 own services)
    i = markdown.index("**Pendidikan**")
    assert markdown[i + 1] == f"### {pct(PEND)} ◐"
    assert "1 dari 5 layanan berdata" in captions
    assert "kelengkapan data 3,1%" in captions
    assert any(c.startswith("Sebagian: nilai ini hanya bertumpu pada 3,1% unit/layanan (ambang 80%)") for c in captions)
    # fields without data: "–" and no badge; partial fields and the partial index: no badge either
    for name in ("Perumahan Rakyat", "Trantibumlinmas", "Sosial"):
        j = markdown.index(f"**{name}**")
        assert markdown[j + 1] == "### –"
        assert j + 2 == len(markdown) or "-badge[" not in markdown[j + 2]
    assert sum("-badge[" in m for m in markdown) == 0
    assert ":warning: 1 layanan >100% (dibatasi 100%, ditandai)" in captions
    # districts: all four indices partial: no ranked district, and the page says why
    assert at.dataframe[0].value.empty and at.dataframe[1].value.empty
    assert any("2 kab/kota memuat capaian >100%" in c for c in captions)
    assert any(c.startswith("◐ 4 kab/kota tidak diperingkat") for c in captions)


def test_overview_page_english_and_district(jujur_env):
    at = ok(run_app(periode="2026-03", lang="en", kab="63.72"))
    assert at.metric[0].label == "SPM index (mean of 1 of 6 fields with data)"
    assert at.metric[0].value == "100.0% ◐"
    info = [i.value.split("  \n")[0] for i in at.info]  # the headline: the district first, then the province
    assert "Kota Banjarbaru: index 100.0% ◐ stands on only 8.3% data completeness; not ranked." in info
