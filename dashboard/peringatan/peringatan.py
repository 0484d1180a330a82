"""Early warning: services and areas whose projected December value falls short of the target, ranked by the people
who would remain unserved, with the responsible OPD and the pace needed; each service's projection with its range;
the method's accuracy on the loaded data (backtest)."""

import pandas as pd
import streamlit as st

from dashboard.core import dates, store, ui
from dashboard.core.i18n import lang_column
from dashboard.core.settings import settings
from dashboard.peringatan import charts as pc
from dashboard.peringatan import data as peringatan_data

lang = ui.lang()
filters = ui.sidebar_filters()
ui.banner()
st.title(ui.t("peringatan.judul"))

cfg = settings().peringatan
table = peringatan_data.projections(filters.periode)
year = int(filters.periode[:4])
st.caption(ui.t("peringatan.keterangan", tahun=year, bulan=ui.bulan(filters.periode),
                n=cfg.min_tahun_pola, target=ui.angka(cfg.target_spm_persen)))  # fmt: skip

summary = peringatan_data.backtest()
acc = peringatan_data.accuracy_line(summary)
if acc:
    st.markdown(":material/fact_check: " + ui.t("peringatan.ketepatan", galat=ui.angka(acc["galat"], 1),
                                                  rentang=ui.angka(acc["rentang"], 0), n=ui.angka(acc["n"])))  # fmt: skip
else:
    st.caption(ui.t("peringatan.ketepatan_belum"))

if table.empty:
    st.info(ui.t("peringatan.kosong"))
    st.stop()

name_col = lang_column("nama", lang)
field_col = lang_column("bidang", lang)
opd_col = lang_column("opd", lang)
families = ["semua", "spm_resmi", "posyandu", "transformasi"]
family_labels = {f: ui.t(f"peringatan.keluarga_{f}") for f in families}
c_fam, c_top, _ = st.columns([1.3, 0.8, 1.9])
ui.from_url("pd_keluarga", "semua", families)
c_fam.selectbox(ui.t("peringatan.keluarga"), families, key="pd_keluarga", format_func=family_labels.__getitem__)
ui.from_url("pd_jumlah", "15", ["10", "15", "25", "50"])
c_top.selectbox(ui.t("peringatan.jumlah_grafik"), ["10", "15", "25", "50"], key="pd_jumlah")
keluarga = st.session_state["pd_keluarga"]
if keluarga != "semua":
    table = table[table["keluarga"] == keluarga]

# --- floods this year ---------------------------------------------------------------------------------------------
floods = peringatan_data.flood_events(filters.periode)
if filters.kab:
    floods = floods[floods["kode_wilayah"] == filters.kab]
if len(floods):
    names = dict(zip(store.kabkota()["kode"], store.kabkota()["nama"], strict=True))
    events = sorted({f"{r.nama} ({dates.date_label(r.tanggal_mulai, lang)})" for r in floods.itertuples(index=False)})
    st.warning(ui.t("peringatan.banjir", wilayah=", ".join(sorted({names.get(k, k) for k in floods["kode_wilayah"]})),
                    kejadian="; ".join(events), tahun=year), icon=":material/flood:")  # fmt: skip

# --- the warning list -----------------------------------------------------------------------------------------------
ranked, partial = peringatan_data.warning_list(table, filters.kab)
area_name = store.wilayah_info(filters.kab).get("nama_lengkap", filters.kab) if filters.kab else ui.t("ui.semua_kabkota")
k1, k2, k3 = st.columns(3)
k1.metric(ui.t("peringatan.jumlah_peringatan"), ui.angka(len(ranked)), border=True)
k2.metric(ui.t("peringatan.jumlah_risiko_tinggi"), ui.angka(int((ranked["risiko"] == "tinggi").sum()) if len(ranked) else 0),
          border=True, help=ui.t("peringatan.risiko_tinggi_bantuan"))  # fmt: skip
k3.metric(ui.t("peringatan.jumlah_belum"), ui.angka(ranked["belum_desember"].sum() if len(ranked) else 0), border=True,
          help=ui.t("peringatan.jumlah_belum_bantuan"))  # fmt: skip

st.subheader(ui.t("peringatan.daftar", wilayah=area_name))
if ranked.empty:
    st.success(ui.t("peringatan.daftar_kosong"), icon=":material/check_circle:")
else:
    flood_mark = ui.t("peringatan.tanda_banjir")
    ranked["wilayah_teks"] = [f"{n} {flood_mark}" if b else n for n, b in zip(ranked["nama_wilayah"], ranked["banjir"], strict=True)]
    ranked["label"] = [f"{r['peringkat']}. {r['nama_wilayah']} – {r[name_col]}" for r in ranked.to_dict("records")]
    ranked["label"] = [s if len(s) <= 70 else s[:69] + "…" for s in ranked["label"]]
    top = ranked.head(int(st.session_state["pd_jumlah"]))
    labels = {k: ui.t(f"peringatan.grafik_{k}") for k in ("sekarang", "proyeksi", "rentang", "target")}
    st.plotly_chart(ui.figure(pc.warning_ranges, top, "label", lang, labels), key="pd_grafik",
                    config={"displayModeBar": False})  # fmt: skip
    ranked["periode_teks"] = [ui.triwulan(p) if k == "spm_resmi" else ui.bulan(p)
                              for p, k in zip(ranked["periode"], ranked["keluarga"], strict=True)]  # fmt: skip
    ranked["proyeksi_teks"] = [peringatan_data.range_text(r, lang) for r in ranked.to_dict("records")]
    ranked["metode_teks"] = [peringatan_data.method_text(r, lang) for r in ranked.to_dict("records")]
    ranked["risiko_teks"] = [ui.t(f"peringatan.risiko_{r}") for r in ranked["risiko"]]
    columns = {
        "peringkat": ui.t("peringatan.kol_peringkat"), "wilayah_teks": ui.t("peringatan.kol_wilayah"),
        name_col: ui.t("peringatan.kol_indikator"), opd_col: ui.t("peringatan.kol_opd"),
        "periode_teks": ui.t("peringatan.kol_periode"), "capaian_persen": ui.t("peringatan.kol_capaian"),
        "proyeksi_teks": ui.t("peringatan.kol_proyeksi"), "target": ui.t("peringatan.kol_target"),
        "belum_desember": ui.t("peringatan.kol_belum"), "laju_sekarang": ui.t("peringatan.kol_laju_sekarang"),
        "laju_perlu": ui.t("peringatan.kol_laju_perlu"), "laju_tambahan": ui.t("peringatan.kol_laju_tambahan"),
        "risiko_teks": ui.t("peringatan.kol_risiko"), "metode_teks": ui.t("peringatan.kol_metode"),
    }  # fmt: skip
    context = [f"{ui.t('ui.periode')}: {ui.bulan(filters.periode)}", f"{ui.t('ui.kabkota')}: {area_name}",
               f"{ui.t('peringatan.keluarga')}: {family_labels[keluarga]}"]  # fmt: skip
    ui.table(ranked, columns, percent=["capaian_persen", "target"], decimals={"belum_desember": 0, "laju_sekarang": 0,
             "laju_perlu": 0, "laju_tambahan": 0, "target": 0}, key="pd_tabel", download="peringatan_dini",
             title=ui.t("peringatan.daftar", wilayah=area_name), context=context)  # fmt: skip
    st.caption(ui.t("peringatan.catatan_daftar", tanda=flood_mark))
if len(partial):
    with st.expander(ui.t("peringatan.sebagian_judul", n=len(partial)), icon=":material/contrast:"):
        partial = partial.assign(proyeksi_teks=[peringatan_data.range_text(r, lang) for r in partial.to_dict("records")],
                                 kelengkapan=[ui.persen(v, 0) for v in partial["kelengkapan_unit"]])  # fmt: skip
        ui.table(partial, {"nama_wilayah": ui.t("peringatan.kol_wilayah"), name_col: ui.t("peringatan.kol_indikator"),
                           "proyeksi_teks": ui.t("peringatan.kol_proyeksi"),
                           "kelengkapan": ui.t("peringatan.kol_kelengkapan")}, key="pd_sebagian")  # fmt: skip
        st.caption(ui.t("peringatan.sebagian_catatan"))

# --- one service in one area ----------------------------------------------------------------------------------------
st.subheader(ui.t("peringatan.rinci_judul"))
areas = table.drop_duplicates("kode_wilayah").sort_values(["tingkat", "nama_wilayah"], ascending=[False, True])
area_names = dict(zip(areas["kode_wilayah"], areas["nama_wilayah"], strict=True))
area_options = list(area_names)
default_area = filters.kab if filters.kab in area_names else (ranked["kode_wilayah"].iloc[0] if len(ranked) else area_options[0])
c_area, c_ind = st.columns(2)
ui.from_url("pd_wilayah", default_area, area_options)
c_area.selectbox(ui.t("peringatan.pilih_wilayah"), area_options, key="pd_wilayah", format_func=area_names.__getitem__)
mine = table[table["kode_wilayah"] == st.session_state["pd_wilayah"]]
ind_names = dict(zip(mine["kode_indikator"], mine[name_col], strict=True))
ind_options = list(ind_names)
first_warned = ranked[ranked["kode_wilayah"] == st.session_state["pd_wilayah"]]["kode_indikator"] if len(ranked) else pd.Series(dtype=str)
default_ind = first_warned.iloc[0] if len(first_warned) else ind_options[0]
ui.from_url("pd_indikator", default_ind, ind_options)
c_ind.selectbox(ui.t("peringatan.pilih_indikator"), ind_options, key="pd_indikator", format_func=ind_names.__getitem__)
row = mine[mine["kode_indikator"] == st.session_state["pd_indikator"]].iloc[0].to_dict()
path = peringatan_data.trajectory_series(filters.periode, row["kode_wilayah"], row["kode_indikator"])
st.markdown(ui.t("peringatan.rinci_kalimat", wilayah=row["nama_wilayah"], indikator=row[name_col],
                 proyeksi=peringatan_data.range_text(row, lang), metode=peringatan_data.method_text(row, lang)))  # fmt: skip
if row["banjir"]:
    st.caption(":material/flood: " + ui.t("peringatan.rinci_banjir"))
if row["sebagian"]:
    st.caption("◐ " + ui.t("peringatan.rinci_sebagian", persen=ui.persen(row["kelengkapan_unit"], 0)))
tlabels = {"tahun_lalu": ui.t("peringatan.grafik_tahun_lalu"), "tahun_ini": ui.t("peringatan.grafik_tahun_ini", tahun=year),
           "proyeksi": ui.t("peringatan.grafik_proyeksi"), "target": ui.t("peringatan.grafik_target"),
           "sumbu": ui.t("peringatan.grafik_sumbu")}  # fmt: skip
st.plotly_chart(ui.figure(pc.trajectory, path, row, lang, tlabels), key="pd_lintasan", config={"displayModeBar": False})
st.caption(ui.t("peringatan.rinci_catatan_resmi" if row["keluarga"] == "spm_resmi" else "peringatan.rinci_catatan_bulanan"))

# --- every projection -----------------------------------------------------------------------------------------------
with st.expander(ui.t("peringatan.semua_judul"), icon=":material/table_view:"):
    every = table if not filters.kab else table[table["kode_wilayah"].isin([filters.kab])]
    every = every.assign(
        proyeksi_teks=[peringatan_data.range_text(r, lang) for r in every.to_dict("records")],
        metode_teks=[peringatan_data.method_text(r, lang) for r in every.to_dict("records")],
        sebagian_teks=["◐" if s else "" for s in every["sebagian"]],
    )
    ui.table(every, {"nama_wilayah": ui.t("peringatan.kol_wilayah"), name_col: ui.t("peringatan.kol_indikator"),
                     field_col: ui.t("peringatan.kol_bidang"), "capaian_persen": ui.t("peringatan.kol_capaian"),
                     "sebagian_teks": "◐", "proyeksi_teks": ui.t("peringatan.kol_proyeksi"),
                     "target": ui.t("peringatan.kol_target"), "metode_teks": ui.t("peringatan.kol_metode")},
             percent=["capaian_persen", "target"], decimals={"target": 0}, key="pd_semua", download="proyeksi_desember",
             title=ui.t("peringatan.semua_judul"))  # fmt: skip

with st.expander(ui.t("peringatan.cara_hitung_judul"), icon=":material/functions:"):
    st.markdown(ui.t("peringatan.cara_hitung", n=cfg.min_tahun_pola, target=ui.angka(cfg.target_spm_persen)))
    if len(summary):
        view = summary.assign(keluarga_teks=[ui.t(f"peringatan.keluarga_{k}") for k in summary["keluarga"]])
        ui.table(view, {"keluarga_teks": ui.t("peringatan.keluarga"), "n": ui.t("peringatan.kol_uji_n"),
                        "galat_median": ui.t("peringatan.kol_uji_galat"),
                        "dalam_rentang_persen": ui.t("peringatan.kol_uji_rentang")},
                 percent=["dalam_rentang_persen"], decimals={"n": 0, "galat_median": 1, "dalam_rentang_persen": 0},
                 key="pd_uji")  # fmt: skip
