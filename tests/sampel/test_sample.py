"""The synthetic sample warehouse (dashboard/sampel/generator.py), on a small build: Banjar and Banjarmasin, 2025-06..2026-03."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.core import reference, warehouse
from dashboard.sampel import generator

KABKOTA = ("63.03", "63.71")
START, END = "2025-06", "2026-03"
BULAN = pd.date_range("2025-06-01", "2026-03-01", freq="MS")
PASCA = set(generator.PASCA_BANJIR)


def _build(path: Path, seed: int = 2026) -> dict:
    return generator.build_sample(path, seed=seed, kabkota=KABKOTA, start=START, end=END)


def _tables(path: Path, *names: str) -> dict[str, pd.DataFrame]:
    con = warehouse.connect_readonly(path)
    try:
        return {n: con.table(n).df() for n in names}
    finally:
        con.close()


def _checksum(path: Path) -> tuple[int, int]:
    """Row count and an order-independent hash of the facts."""
    f = _tables(path, "fakta_capaian")["fakta_capaian"]
    h = pd.util.hash_pandas_object(
        f[["periode", "kode_wilayah", "kode_indikator", "sasaran", "terlayani"]], index=False
    )
    return len(f), int(h.to_numpy().astype(np.uint64).sum(dtype=np.uint64))


@pytest.fixture(scope="module")
def kecil(tmp_path_factory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("sampel") / "spm.duckdb"
    langkah: list[tuple[float, str]] = []
    counts = generator.build_sample(
        path, kabkota=KABKOTA, start=START, end=END, progress=lambda f, m: langkah.append((f, m))
    )
    counts["_langkah"] = langkah
    return path, counts


@pytest.fixture(scope="module")
def data(kecil) -> dict[str, pd.DataFrame]:
    names = (
        "fakta_capaian",
        "wilayah",
        "indikator",
        "bencana",
        "dampak_bencana",
        "pemulihan",
        "anggaran",
        "impor",
        "meta",
    )
    return _tables(kecil[0], *names)


@pytest.fixture(scope="module")
def desa_bulanan(data) -> pd.DataFrame:
    """Monthly desa rows of the build, with the desa's kab/kota."""
    w = data["wilayah"]
    desa = w[w["tingkat"] == "desa"][["kode", "kode_kabkota", "kode_kecamatan"]]
    return data["fakta_capaian"].merge(desa, left_on="kode_wilayah", right_on="kode")


def test_counts_and_progress(kecil, data):
    path, counts = kecil
    assert counts["fakta_capaian"] == len(data["fakta_capaian"])
    assert counts["bencana"] == 2 and counts["anggaran"] == len(data["anggaran"]) > 0
    assert counts["detik"] > 0
    fractions = [f for f, _ in counts["_langkah"]]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) >= 4
    assert all(0 < len(m) < 60 for _, m in counts["_langkah"])


def _slice(path: Path, kab: str, start: str) -> pd.DataFrame:
    f = _tables(path, "fakta_capaian")["fakta_capaian"]
    f = f[f["kode_wilayah"].str.startswith(kab) & (f["periode"] >= start)]
    return f.sort_values(["periode", "kode_wilayah", "kode_indikator"]).reset_index(drop=True)


def test_same_seed_same_data(kecil, tmp_path):
    _build(tmp_path / "lagi.duckdb")
    assert _checksum(tmp_path / "lagi.duckdb") == _checksum(kecil[0])


def test_a_restricted_build_is_a_slice_of_a_wider_one_and_the_seed_matters(kecil, tmp_path):
    """Random streams are keyed per kab/kota: Banjarmasin alone gives Banjarmasin's rows of the pair."""
    generator.build_sample(tmp_path / "bjm.duckdb", kabkota=("63.71",), start="2026-01", end=END)
    pd.testing.assert_frame_equal(
        _slice(tmp_path / "bjm.duckdb", "63.71", "2026-01"), _slice(kecil[0], "63.71", "2026-01")
    )
    generator.build_sample(tmp_path / "lain.duckdb", seed=7, kabkota=("63.71",), start="2026-01", end=END)
    lain = _slice(tmp_path / "lain.duckdb", "63.71", "2026-01")
    sama = _slice(kecil[0], "63.71", "2026-01")
    assert not lain[["sasaran", "terlayani"]].equals(sama[["sasaran", "terlayani"]])


def test_every_desa_has_monthly_rows_for_every_indicator(data, desa_bulanan):
    w = data["wilayah"]
    semua = set(w[(w["tingkat"] == "desa") & w["kode_kabkota"].isin(KABKOTA)]["kode"])
    assert set(desa_bulanan["kode_wilayah"]) == semua
    assert set(desa_bulanan["periode"]) == set(BULAN)
    ind = data["indikator"]
    biasa = set(ind[ind["level"] == "posyandu_desa"]["kode_indikator"]) - PASCA
    assert biasa <= set(desa_bulanan["kode_indikator"])
    # a desa-month reports all its regular indicators or none
    per_bulan = desa_bulanan[~desa_bulanan["kode_indikator"].isin(PASCA)].groupby(["kode_wilayah", "periode"]).size()
    assert set(per_bulan) == {len(biasa)}


def test_only_the_kept_months_and_quarters(data):
    f = data["fakta_capaian"]
    assert f["periode"].min() == pd.Timestamp("2025-06-01") and f["periode"].max() == pd.Timestamp("2026-03-01")
    kab = f[f["kode_wilayah"].isin([*KABKOTA, "63"])]
    assert set(kab["periode"].dt.strftime("%Y-%m")) == {"2025-06", "2025-09", "2025-12", "2026-03"}
    assert (f["id_impor"] == 0).all()


def test_missing_report_rate_between_3_and_8_percent(data, desa_bulanan):
    w = data["wilayah"]
    for kab in KABKOTA:
        n_desa = ((w["tingkat"] == "desa") & (w["kode_kabkota"] == kab)).sum()
        lapor = desa_bulanan[desa_bulanan["kode_kabkota"] == kab].groupby(["kode_wilayah", "periode"]).ngroups
        hilang = 1 - lapor / (n_desa * len(BULAN))
        assert 0.03 <= hilang <= 0.08, (kab, hilang)


def test_skdn_order(desa_bulanan):
    skdn = desa_bulanan[desa_bulanan["kode_indikator"].isin(generator.SKDN)]
    lebar = skdn.pivot_table(
        index=["kode_wilayah", "periode"], columns="kode_indikator", values=["sasaran", "terlayani"]
    )
    s, d = lebar[("sasaran", "kes_skdn_d_per_s")], lebar[("terlayani", "kes_skdn_d_per_s")]
    n, dua_t = lebar[("terlayani", "kes_skdn_n_per_d")], lebar[("terlayani", "kes_skdn_2t")]
    assert (d <= s).all()
    assert (lebar[("sasaran", "kes_skdn_n_per_d")] == d).all() and (lebar[("sasaran", "kes_skdn_2t")] == d).all()
    assert (n <= d).all() and (dua_t <= d - n).all()
    assert s.between(40, 400).all()
    assert 0.01 < dua_t.sum() / d.sum() < 0.1  # 2T: a few percent


def test_believable_coverage_and_some_rows_above_100_percent(desa_bulanan):
    f = desa_bulanan
    assert (f["sasaran"] >= 0).all() and (f["terlayani"] >= 0).all()
    lebih = (f["terlayani"] > f["sasaran"]).mean()
    assert 0.0003 < lebih < 0.01
    ds = f[f["kode_indikator"] == "kes_skdn_d_per_s"]
    cov = ds.groupby("kode_kabkota")["terlayani"].sum() / ds.groupby("kode_kabkota")["sasaran"].sum()
    assert cov.between(0.5, 0.95).all()
    assert cov["63.71"] > cov["63.03"]  # the kota is ahead (and Banjar flooded)


def test_flooded_desa_drop_below_their_pre_flood_baseline(data, desa_bulanan):
    d = data["dampak_bencana"]
    terdampak = set(d[(d["kode_bencana"] == "BJR-2025-12") & (d["kode_wilayah"].str.len() == 13)]["kode_wilayah"])
    assert len(terdampak) == 137
    ind = data["indikator"]
    peka = set(
        ind[ind["peka_banjir"] & ind["lebih_tinggi_lebih_baik"] & (ind["level"] == "posyandu_desa")]["kode_indikator"]
    )
    f = desa_bulanan[desa_bulanan["kode_wilayah"].isin(terdampak) & desa_bulanan["kode_indikator"].isin(peka - PASCA)]

    def cakupan(bulan: list[str]) -> float:
        g = f[f["periode"].isin(pd.to_datetime(bulan))]
        return g["terlayani"].sum() / g["sasaran"].sum()

    dasar = cakupan(["2025-09-01", "2025-10-01", "2025-11-01"])
    januari = cakupan(["2026-01-01"])
    assert januari < 0.85 * dasar
    assert cakupan(["2026-03-01"]) > januari  # recovering
    # desa that did not flood keep their level
    lain = desa_bulanan[
        ~desa_bulanan["kode_wilayah"].isin(terdampak) & desa_bulanan["kode_indikator"].isin(peka - PASCA)
    ]
    lain = lain[lain["kode_kabkota"] == "63.03"]
    base = lain[lain["periode"].isin(pd.to_datetime(["2025-09-01", "2025-10-01", "2025-11-01"]))]
    jan = lain[lain["periode"] == pd.Timestamp("2026-01-01")]
    assert jan["terlayani"].sum() / jan["sasaran"].sum() > 0.95 * base["terlayani"].sum() / base["sasaran"].sum()


def test_post_flood_indicators_only_where_it_flooded(data, desa_bulanan):
    d = data["dampak_bencana"]
    desa_banjir = set(d[d["kode_wilayah"].str.len() == 13]["kode_wilayah"])
    pasca = desa_bulanan[desa_bulanan["kode_indikator"].isin(PASCA)]
    assert len(pasca) > 0 and set(pasca["kode_wilayah"]) <= desa_banjir
    assert (pasca["terlayani"] <= pasca["sasaran"]).all()
    d25 = d[(d["kode_bencana"] == "BJR-2025-12") & (d["kode_wilayah"].str.len() == 13)].set_index("kode_wilayah")
    kk = pasca[(pasca["kode_indikator"] == "sos_kk_banjir_bantuan") & (pasca["periode"] >= "2025-12-01")]
    kk = kk[kk["kode_wilayah"].isin(d25.index)]
    assert (kk["sasaran"].to_numpy() == d25.loc[kk["kode_wilayah"], "kk_terdampak"].to_numpy()).all()
    naik = kk.sort_values("periode").groupby("kode_wilayah")["terlayani"].apply(lambda s: s.is_monotonic_increasing)
    assert naik.all()


def test_impacts_match_the_reported_figures_and_sum_up(data):
    ref = generator.banjir_referensi()
    d = data["dampak_bencana"]
    w = data["wilayah"].set_index("kode")
    d = d.assign(tingkat=w.loc[d["kode_wilayah"], "tingkat"].to_numpy())
    banjar25 = d[(d["kode_bencana"] == "BJR-2025-12") & (d["kode_wilayah"] == "63.03")].iloc[0]
    r = ref[(ref["kode_bencana"] == "BJR-2025-12") & (ref["kode_wilayah"] == "63.03")].iloc[0]
    for col in generator.KOLOM_DAMPAK_DILAPORKAN:
        assert banjar25[col] == r[col], col
    banjar21 = d[(d["kode_bencana"] == "BJR-2021-01") & (d["kode_wilayah"] == "63.03")].iloc[0]
    assert banjar21["jiwa_terdampak"] == 51362 and banjar21["rumah_terendam"] == 14791
    rusak = banjar21[["rumah_rusak_berat", "rumah_rusak_sedang", "rumah_rusak_ringan"]].sum()
    assert rusak == 1455 + 19
    # kecamatan and desa rows sum to their kab/kota
    kolom = generator.DAMPAK_KOLOM
    for (kode_b, kab), g in d.assign(kab=d["kode_wilayah"].str[:5]).groupby(["kode_bencana", "kab"]):
        total = g[g["tingkat"] == "kabkota"][kolom].sum()
        assert (g[g["tingkat"] == "kecamatan"][kolom].sum() == total).all(), (kode_b, kab)
        assert (g[g["tingkat"] == "desa"][kolom].sum() == total).all(), (kode_b, kab)
    kec25 = d[(d["kode_bencana"] == "BJR-2025-12") & (d["tingkat"] == "kecamatan")]
    assert len(kec25) == 14
    cintapuri = kec25[kec25["kode_wilayah"] == "63.03.20"].iloc[0]
    assert cintapuri["kk_terdampak"] == 1680 and cintapuri["jiwa_terdampak"] == 5068


def test_recovery_never_exceeds_the_damage_and_only_grows(data):
    p = data["pemulihan"]
    d = data["dampak_bencana"].set_index(["kode_bencana", "kode_wilayah"])
    assert len(p) > 0
    for c, kolom_dampak in generator.DAMPAK_PULIH.items():
        kolom = generator.PEMULIHAN_KOLOM[c]
        batas = d.loc[list(zip(p["kode_bencana"], p["kode_wilayah"], strict=True)), kolom_dampak].to_numpy()
        assert (p[kolom].to_numpy() <= batas).all(), kolom
        naik = (
            p.sort_values("tanggal")
            .groupby(["kode_bencana", "kode_wilayah"])[kolom]
            .apply(lambda s: s.is_monotonic_increasing)
        )
        assert naik.all(), kolom
    banjar = p[(p["kode_bencana"] == "BJR-2025-12") & (p["kode_wilayah"] == "63.03")]
    assert banjar["tanggal"].min() == pd.Timestamp("2026-01-31") and banjar["tanggal"].max() == pd.Timestamp(
        "2026-03-31"
    )


def test_both_flood_events_are_registered(data):
    b = data["bencana"].set_index("kode_bencana")
    assert set(b.index) == {"BJR-2021-01", "BJR-2025-12"}
    assert b.loc["BJR-2021-01", "status"] == "selesai" and b.loc["BJR-2025-12", "status"] == "pemulihan"
    assert b.loc["BJR-2025-12", "tanggal_mulai"] == pd.Timestamp("2025-12-29")
    assert (b["jenis"] == "banjir").all() and b["keterangan"].str.contains("banjir_kalsel.csv").all()


def test_flood_reference_names_match_the_codes():
    ref = generator.banjir_referensi()
    nama = reference.kalsel_wilayah().set_index("kode")["nama"]
    area = ref[ref["tingkat"] != "provinsi"]
    assert (area["nama_wilayah"].str.lower() == nama.loc[area["kode_wilayah"]].str.lower().to_numpy()).all()
    assert area["sumber"].str.startswith("http").all()


def test_budgets(data):
    a = data["anggaran"]
    assert set(a["kode_wilayah"]) == set(KABKOTA) and set(a["tahun"]) == {2025, 2026}
    assert set(a["kode_bidang"]) == set(generator.BIDANG_SPM)
    assert (a["pagu"] > 1e9).all() and (a["realisasi"] <= a["pagu"]).all()
    r = a["realisasi"] / a["pagu"]
    assert r[a["tahun"] == 2025].between(0.45, 0.98).all()
    assert r[a["tahun"] == 2026].mean() < r[a["tahun"] == 2025].mean()


def test_import_log_and_meta(data):
    impor = data["impor"]
    assert impor["id_impor"].tolist() == [0] and impor["jenis"].iloc[0] == "sampel"
    assert impor["sumber"].iloc[0] == "sampel" and impor["nama_file"].iloc[0] == "sampel sintetis (seed 2026)"
    meta = dict(zip(data["meta"]["kunci"], data["meta"]["nilai"], strict=True))
    assert meta["sampel"] == "ya" and meta["sampel_seed"] == "2026" and meta["sampel_skala"] == "provinsi"
    assert meta["versi_skema"] == warehouse.SCHEMA_VERSION and meta["dibangun"][:2] == "20"


def test_capaian_view_has_all_four_levels(kecil):
    con = warehouse.connect_readonly(kecil[0])
    try:
        tingkat = set(con.table("capaian").select("tingkat").distinct().df()["tingkat"])
    finally:
        con.close()
    assert tingkat == {"desa", "kecamatan", "kabkota", "provinsi"}


def test_quarterly_rows_are_year_to_date(data):
    f = data["fakta_capaian"]
    ind = data["indikator"]
    kab_ind = set(ind[ind["level"] == "kab_kota"]["kode_indikator"])
    kab = f[(f["kode_wilayah"] == "63.71") & f["kode_indikator"].isin(kab_ind)]
    assert set(kab["kode_indikator"]) == kab_ind
    th2025 = kab[kab["periode"].dt.year == 2025].sort_values("periode")
    naik = th2025.groupby("kode_indikator")["terlayani"].apply(lambda s: s.is_monotonic_increasing)
    assert naik.all()
    assert (th2025.groupby("kode_indikator")["sasaran"].nunique() == 1).all()  # annual target, fixed in the year
    prov = f[f["kode_wilayah"] == "63"]
    assert set(prov["kode_indikator"]) == set(ind[ind["level"] == "provinsi"]["kode_indikator"])
    # the 2025 flood makes the disaster services' targets jump in 2026 for Banjar
    evak = f[(f["kode_wilayah"] == "63.03") & (f["kode_indikator"] == "tr_evakuasi_bencana")].set_index("periode")
    assert evak.loc["2026-03-01", "sasaran"] > 20 * evak.loc["2025-12-01", "sasaran"]


def test_bad_arguments():
    with pytest.raises(ValueError):
        generator.build_sample(Path("/nonexistent/x.duckdb"), scale="dunia")


def test_unit_costs_are_synthetic_and_labelled(kecil):
    """Every sample unit cost says it is synthetic; one province-wide cost per (year, kab/kota service), overrides only
    for built kab/kota, all positive."""
    path, counts = kecil
    b = _tables(path, "biaya_satuan")["biaya_satuan"]
    assert counts["biaya_satuan"] == len(b) > 0
    assert b["sumber"].str.startswith("SINTETIS").all()
    assert (b["biaya_satuan"] > 0).all()
    prov = b[b["kode_wilayah"] == "63"]
    assert not prov.duplicated(["tahun", "kode_indikator"]).any()
    assert set(b["kode_wilayah"]) - {"63"} <= set(KABKOTA)
