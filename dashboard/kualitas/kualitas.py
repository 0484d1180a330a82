"""Data quality page: score per kab/kota, completeness heat map drillable to the missing desa, timeliness against
the e-SPM deadline, outliers and consistency findings. Data and charts come from dashboard.kualitas.data."""

import pandas as pd
import streamlit as st

from dashboard.core import store, ui
from dashboard.core.i18n import lang_column
from dashboard.kualitas import data as kualitas_data
from dashboard.spm import coverage

lang = ui.lang()
filters = ui.sidebar_filters()
ui.banner()
st.title(ui.t("kualitas.judul"))
cfg = kualitas_data.config()
awal, akhir = kualitas_data.window(filters.periode)
provinsi = store.provinsi_kode()
kabkota = store.kabkota()
area_name = dict(zip(kabkota["kode"], kabkota["nama_lengkap"], strict=True)).get(filters.kab) or ui.t(
    "ui.semua_kabkota"
)
st.caption(ui.t("kualitas.keterangan", wilayah=area_name, awal=ui.bulan(awal), akhir=ui.bulan(akhir)))
name_col = lang_column("nama", lang)
HEATMAP_MONTHS = 12  # the heat map shows the year ending at the chosen month
SHOWN_MAX = 1000  # rows listed on the page (largest / newest first); the counts cover every row


def na_as_text(df: pd.DataFrame, decimals: dict[str, int]) -> pd.DataFrame:
    """Columns that hold NA become formatted text ('–' for NA): the table would show NA as 'None'."""
    out = df.copy()
    for col, digits in decimals.items():
        if out[col].isna().any():
            out[col] = [ui.angka(v, digits) for v in out[col]]
    return out


def each_once(text, values: pd.Series) -> list[str]:
    """``text(v)`` for every value, each distinct value formatted once (long tables repeat a few months)."""
    texts = {v: text(v) for v in dict.fromkeys(values)}
    return [texts[v] for v in values]


tab_skor, tab_lengkap, tab_agregat, tab_tepat, tab_pencilan, tab_konsisten = st.tabs(
    [ui.t("kualitas.tab_skor"), ui.t("kualitas.tab_kelengkapan"), ui.t("kualitas.tab_agregat"),
     ui.t("kualitas.tab_ketepatan"), ui.t("kualitas.tab_pencilan"), ui.t("kualitas.tab_konsistensi")]
)  # fmt: skip

# --- score -----------------------------------------------------------------------------------------------------------
with tab_skor:
    scores = kualitas_data.quality_scores(filters.periode)
    shown = scores if filters.kab is None else scores[scores["kode"] == filters.kab]
    if shown["skor"].isna().all():  # nothing to score: say so, never a table of empty rows
        st.info(ui.t("kualitas.skor_kosong", bulan=ui.bulan(filters.periode)))
    else:
        st.plotly_chart(
            ui.figure(kualitas_data.score_bar, shown, lang, ui.t("kualitas.grafik_skor", bulan=ui.bulan(filters.periode))),
            config={"displayModeBar": False},
            key="kualitas_grafik_skor",
        )
        shown = shown.assign(
            status_label=[ui.t("kualitas.status." + s) if isinstance(s, str) else "–" for s in shown["status_ketepatan"]]
        )
        score_digits = {"skor": 1, "kelengkapan": 1, "ketepatan": 0, "konsistensi": 1, "pencilan": 1}
        ui.table(
            na_as_text(shown.sort_values("skor", ascending=False, na_position="last"), score_digits),
            {
                "nama_lengkap": ui.t("ringkasan.kol_kabkota"),
                "skor": ui.t("kualitas.kol_skor"),
                "kelengkapan": ui.t("kualitas.kol_kelengkapan"),
                "ketepatan": ui.t("kualitas.kol_ketepatan"),
                "status_label": ui.t("kualitas.kol_status"),
                "konsistensi": ui.t("kualitas.kol_konsistensi"),
                "pencilan": ui.t("kualitas.kol_pencilan"),
                "baris": ui.t("kualitas.kol_baris"),
            },
            decimals=score_digits,
            key="kualitas_tabel_skor",
        )
    w = cfg.bobot
    st.caption(
        ui.t(
            "kualitas.rumus_skor", bulan=cfg.bulan_jendela, w1=ui.angka(w.kelengkapan, 2),
            w2=ui.angka(w.ketepatan, 2), w3=ui.angka(w.konsistensi, 2), w4=ui.angka(w.pencilan, 2),
            triwulan=ui.triwulan(kualitas_data.quarter_end(filters.periode)),
        )
    )  # fmt: skip

# --- coverage of aggregates ------------------------------------------------------------------------------------------
with tab_agregat:
    agregat = kualitas_data.aggregate_coverage(filters.periode, filters.kab)
    if agregat.empty:
        st.info(ui.t("kualitas.agregat_kosong"))
    else:
        n_partial = int(agregat["sebagian"].sum())
        st.markdown(ui.t("kualitas.agregat_ringkas", n=n_partial, total=len(agregat),
                         ambang=ui.persen(coverage.threshold(), 0)))  # fmt: skip
        view = agregat.assign(
            indikator=agregat[name_col],
            unit=[f"{ui.angka(d)} / {ui.angka(a)}" for d, a in zip(agregat["unit_dasar"], agregat["unit_ada"], strict=True)],
            status=[ui.t("spm.tanda_sebagian") if p else "" for p in agregat["sebagian"]],
        )  # fmt: skip
        ui.table(
            view,
            {
                "nama_lengkap": ui.t("kualitas.kol_wilayah"), "indikator": ui.t("kualitas.kol_indikator"),
                "capaian_persen": ui.t("kualitas.kol_nilai"), "unit": ui.t("kualitas.kol_unit"),
                "unit_taksiran": ui.t("kualitas.kol_taksiran"), "unit_persen": ui.t("kualitas.kol_persen_saja"),
                "kelengkapan_unit": ui.t("kualitas.kol_kelengkapan_unit"), "status": ui.t("kualitas.kol_status_agregat"),
            },
            percent=["capaian_persen", "kelengkapan_unit"], key="kualitas_tabel_agregat", download="agregat_sebagian",
            title=ui.t("kualitas.tab_agregat"),
        )  # fmt: skip
        st.caption(ui.t("kualitas.agregat_catatan", ambang=ui.persen(coverage.threshold(), 0)))

# --- completeness ----------------------------------------------------------------------------------------------------
with tab_lengkap:
    indicators = kualitas_data.monthly_indicators()
    ind_codes = ["*", *indicators["kode_indikator"]]
    ind_names = dict(zip(indicators["kode_indikator"], indicators[name_col], strict=True))
    ui.from_url("indikator", "*", ind_codes)
    indikator = st.selectbox(
        ui.t("kualitas.indikator"), ind_codes, key="indikator",
        format_func=lambda k: ui.t("kualitas.indikator_semua") if k == "*" else f"{ind_names[k]} ({k})",
    )  # fmt: skip
    if filters.kab is None:
        tingkat, induk, label_title = "kabkota", provinsi, ui.t("kualitas.heatmap_kabkota")
    else:
        tingkat, induk, label_title = "kecamatan", filters.kab, ui.t("kualitas.heatmap_kecamatan", kabkota=area_name)
    grid = kualitas_data.completeness(tingkat, induk, indikator)
    first, last = kualitas_data.window(filters.periode, HEATMAP_MONTHS)
    grid = grid[(grid["periode"] >= pd.Timestamp(first)) & (grid["periode"] <= pd.Timestamp(last))]
    if grid.empty:
        st.info(ui.t("kualitas.belum_ada_bulanan"))
    else:
        label_col = "nama_lengkap" if tingkat == "kabkota" else "nama"
        st.plotly_chart(
            kualitas_data.heatmap(
                tingkat, induk, indikator, first, last, label_col, lang, label_title, ui.t("kualitas.desa_melapor"),
                ui.t("kualitas.desa_aktif"),
            ),
            config={"displayModeBar": False},
            key="kualitas_heatmap",
        )  # fmt: skip
        st.caption(ui.t("kualitas.kelengkapan_ket"))

        st.markdown("**" + ui.t("kualitas.telusur") + "**")
        areas = grid.drop_duplicates("kode_wilayah")
        area_labels = dict(zip(areas["kode_wilayah"], areas[label_col], strict=True))
        months = sorted({pd.Timestamp(p).strftime("%Y-%m") for p in grid["periode"]}, reverse=True)
        c1, c2 = st.columns(2)
        drill_area = c1.selectbox(
            ui.t("kualitas.pilih_wilayah"),
            list(area_labels),
            format_func=area_labels.get,
            key="kualitas_telusur_wilayah",
        )
        default_month = filters.periode if filters.periode in months else months[0]
        drill_month = c2.selectbox(
            ui.t("ui.periode"), months, index=months.index(default_month), format_func=ui.bulan,
            key="kualitas_telusur_bulan",
        )  # fmt: skip
        missing = kualitas_data.missing_desa(drill_month, drill_area, indikator)
        row = grid[(grid["kode_wilayah"] == drill_area) & (grid["periode"] == pd.Timestamp(drill_month + "-01"))]
        if len(row):
            r = row.iloc[0]
            st.caption(
                ui.t(
                    "kualitas.telusur_ringkas", wilayah=area_labels[drill_area], bulan=ui.bulan(drill_month),
                    melapor=ui.angka(r["desa_melapor"]), aktif=ui.angka(r["desa_aktif"]), belum=ui.angka(len(missing)),
                )
            )  # fmt: skip
        if missing.empty:
            st.success(ui.t("kualitas.semua_melapor"))
        else:
            ui.table(
                missing,
                {
                    "kode_desa": ui.t("kualitas.kol_kode"),
                    "nama_desa": ui.t("kualitas.kol_desa"),
                    "jenis": ui.t("kualitas.kol_jenis"),
                    "kecamatan": "Kecamatan",
                    "indikator_dilaporkan": ui.t("kualitas.kol_indikator_lain"),
                },
                key="kualitas_tabel_belum_lapor",
                height=360 if len(missing) > 8 else "auto",
            )

# --- timeliness ------------------------------------------------------------------------------------------------------
with tab_tepat:
    timely = kualitas_data.timeliness(filters.kab)
    if timely.empty:
        st.info(ui.t("kualitas.belum_ada_spm"))
    else:
        timely = timely.assign(
            triwulan=each_once(ui.triwulan, timely["periode_triwulan"]),
            tenggat_teks=pd.to_datetime(timely["tenggat"]).dt.strftime("%Y-%m-%d"),
            kirim_teks=pd.to_datetime(timely["kirim_terakhir"]).dt.strftime("%Y-%m-%d %H:%M").fillna("–"),
            status_label=[ui.t("kualitas.status." + s) for s in timely["status_akhir"]],
        )
        counts = timely["status_akhir"].value_counts()
        cols = st.columns(4)
        for col, status in zip(cols, ("tepat_waktu", "terlambat", "tidak_dikirim", "sampel"), strict=True):
            col.metric(ui.t("kualitas.status." + status), ui.angka(int(counts.get(status, 0))), border=True)
        if int(counts.get("sampel", 0)):
            st.warning(
                ui.t("kualitas.sampel_tanpa_waktu", n=ui.angka(int(timely["baris_sampel"].sum()))),
                icon=":material/science:",
            )
        ui.table(
            na_as_text(timely, {"hari_terlambat": 0, "id_impor_terakhir": 0}),
            {
                "triwulan": ui.t("kualitas.kol_triwulan"),
                "nama_lengkap": ui.t("ringkasan.kol_kabkota"),
                "status_label": ui.t("kualitas.kol_status"),
                "tenggat_teks": ui.t("kualitas.kol_tenggat"),
                "kirim_teks": ui.t("kualitas.kol_kirim"),
                "hari_terlambat": ui.t("kualitas.kol_hari_terlambat"),
                "baris": ui.t("kualitas.kol_baris"),
                "baris_sampel": ui.t("kualitas.kol_baris_sampel"),
                "id_impor_terakhir": ui.t("kualitas.kol_id_impor"),
            },
            key="kualitas_tabel_ketepatan",
            height=420,
        )
    st.caption(ui.t("kualitas.ketepatan_ket"))

# --- outliers and consistency: over the score window, or every period ---------------------------------------------
with tab_pencilan:
    everything = st.toggle(ui.t("kualitas.semua_periode"), key="kualitas_pencilan_semua")
    lo, hi = kualitas_data.ALL_PERIODS if everything else (awal, akhir)
    found = kualitas_data.outliers(lo, hi, filters.kab)
    st.caption(ui.t("kualitas.pencilan_ket", ambang=ui.angka(cfg.ambang_z, 1), n=cfg.min_riwayat))
    if found.empty:
        st.success(ui.t("kualitas.tidak_ada_pencilan"))
    else:
        if len(found) > SHOWN_MAX:
            st.caption(ui.t("kualitas.dipotong", n=ui.angka(SHOWN_MAX), total=ui.angka(len(found))))
        found = found.head(SHOWN_MAX)
        found = found.assign(bulan=each_once(ui.bulan, found["periode"]))
        ui.table(
            na_as_text(found, {"sasaran": 0, "terlayani": 0}),
            {
                "bulan": ui.t("ui.periode"),
                "wilayah": ui.t("kualitas.kol_wilayah"),
                "kode_wilayah": ui.t("kualitas.kol_kode"),
                name_col: ui.t("kualitas.kol_indikator"),
                "sasaran": ui.t("kualitas.kol_sasaran"),
                "terlayani": ui.t("kualitas.kol_terlayani"),
                "capaian": ui.t("kualitas.kol_capaian"),
                "median_seri": ui.t("kualitas.kol_median"),
                "n_seri": ui.t("kualitas.kol_n"),
                "skor_z": ui.t("kualitas.kol_z"),
            },
            percent=["capaian", "median_seri"],
            decimals={"skor_z": 2},
            key="kualitas_tabel_pencilan",
            height=420,
        )

with tab_konsisten:
    everything = st.toggle(ui.t("kualitas.semua_periode"), key="kualitas_konsistensi_semua")
    lo, hi = kualitas_data.ALL_PERIODS if everything else (awal, akhir)
    found = kualitas_data.consistency(lo, hi, filters.kab)
    st.caption(
        ui.t(
            "kualitas.konsistensi_ket", ambang=ui.persen(100 * cfg.ambang_lompatan_sasaran, 0),
            min=ui.angka(cfg.min_selisih_sasaran),
        )
    )  # fmt: skip
    if found.empty:
        st.success(ui.t("kualitas.tidak_ada_temuan"))
    else:
        counts = found["aturan"].value_counts()
        cols = st.columns(len(counts))
        for col, (rule, n) in zip(cols, counts.items(), strict=True):
            col.metric(ui.t("kualitas.aturan." + rule), ui.angka(int(n)), border=True)
        if len(found) > SHOWN_MAX:
            st.caption(ui.t("kualitas.dipotong_temuan", n=ui.angka(SHOWN_MAX), total=ui.angka(len(found))))
        found = found.head(SHOWN_MAX)
        found = found.assign(
            bulan=each_once(ui.bulan, found["periode"]),
            aturan_label=[ui.t("kualitas.aturan." + a) for a in found["aturan"]],
            indikator_label=found[name_col].fillna("SKDN (D/S, N/D)"),
        )
        counts_digits = dict.fromkeys(
            ["sasaran", "terlayani", "sasaran_sebelumnya", "nilai_s", "nilai_d_ds", "nilai_d_nd", "nilai_n"], 0
        )
        ui.table(
            na_as_text(found, counts_digits),
            {
                "bulan": ui.t("ui.periode"),
                "aturan_label": ui.t("kualitas.kol_aturan"),
                "wilayah": ui.t("kualitas.kol_wilayah"),
                "kode_wilayah": ui.t("kualitas.kol_kode"),
                "indikator_label": ui.t("kualitas.kol_indikator"),
                "sasaran": ui.t("kualitas.kol_sasaran"),
                "terlayani": ui.t("kualitas.kol_terlayani"),
                "sasaran_sebelumnya": ui.t("kualitas.kol_sasaran_lalu"),
                "nilai_s": "S",
                "nilai_d_ds": "D (D/S)",
                "nilai_d_nd": "D (N/D)",
                "nilai_n": "N",
            },
            key="kualitas_tabel_konsistensi",
            height=420,
        )
