"""Priority problems for planning (RKPD/Renja): the area's indicators ranked by a transparent score whose weights the
planner sets, with the responsible OPD, unserved people, distance to province and target, trend and flood impact;
which child areas hold the unserved people; a formatted Excel sheet for planning documents."""

import functools

import pandas as pd
import streamlit as st

from dashboard.core import fmt, ui
from dashboard.core.i18n import lang_column
from dashboard.core.settings import settings
from dashboard.perencanaan import charts as cr
from dashboard.perencanaan import data as perencanaan_data
from dashboard.perencanaan import widgets as rw
from dashboard.peringatan import data as peringatan_data
from dashboard.spm.scoring import SEMUA

lang = ui.lang()
filters = ui.sidebar_filters()
ui.banner()
st.title(ui.t("perencanaan.judul"))

cfg = settings().perencanaan
c_kec, c_desa, c_fam = st.columns([1, 1, 1.3])
area = rw.choose_area(filters.kab, (c_kec, c_desa))
if filters.kab is None:
    st.info(ui.t("perencanaan.pilih_kabkota"), icon=":material/arrow_back:")
families = [SEMUA, *rw.families_for(area)]
family_labels = {k: ui.t("perencanaan.keluarga_semua") if k == SEMUA else rw.family_label(k) for k in families}
ui.from_url("rp_keluarga", SEMUA, families)
c_fam.selectbox(ui.t("perencanaan.keluarga"), families, key="rp_keluarga", format_func=family_labels.__getitem__)
keluarga = st.session_state["rp_keluarga"]

# --- weights (URL-backed sliders) ---------------------------------------------------------------------
levels = [str(i) for i in range(perencanaan_data.BOBOT_MAKS + 1)]
defaults = cfg.bobot.as_dict()
with st.expander(ui.t("perencanaan.bobot_judul"), expanded=True, icon=":material/tune:"):
    st.markdown(ui.t("perencanaan.rumus"))
    cols = st.columns(len(perencanaan_data.KOMPONEN))
    chosen = {}
    for col, comp in zip(cols, perencanaan_data.KOMPONEN, strict=True):
        key = f"rp_w_{comp}"
        ui.from_url(key, int(defaults[comp]), lambda v: str(v) in levels)
        st.session_state[key] = int(st.session_state[key])
        col.slider(
            ui.t(f"perencanaan.komponen_{comp}"),
            0,
            perencanaan_data.BOBOT_MAKS,
            key=key,
            help=ui.t(f"perencanaan.komponen_{comp}_bantuan"),
        )
        chosen[comp] = st.session_state[key]
    bobot = perencanaan_data.Bobot(**chosen)
    st.markdown(ui.t("perencanaan.rumus_sekarang", rumus=perencanaan_data.weighted_formula(bobot)))
    if bobot.total == 0:
        st.warning(ui.t("perencanaan.bobot_nol"))

# --- data ---------------------------------------------------------------------------------------------
per = perencanaan_data.periode_for(filters.periode)
floods = perencanaan_data.floods([area.kode, *area.kode_anak], per.bulan or per.resmi, cfg.bulan_banjir)
mine = floods[floods["kode_wilayah"] == area.kode]
table = perencanaan_data.priority(area.kode, area.provinsi, per, bobot, flooded=len(mine) > 0, keluarga=keluarga,
                          ambang_tren=cfg.ambang_tren_poin)  # fmt: skip
st.caption(ui.t("perencanaan.keterangan", wilayah=area.jalur, periode=rw.period_text(per, lang)))
flood = rw.flood_text(mine)
if flood:
    st.warning(ui.t("perencanaan.profil_banjir", kejadian=flood), icon=":material/flood:")
if table.empty:
    st.info(ui.t("perencanaan.kosong"))
    st.stop()

name_col = lang_column("nama", lang)
field_col = lang_column("bidang", lang)
opd_col = lang_column("opd", lang)
comp_labels = {c: ui.t(f"perencanaan.komponen_{c}") for c in perencanaan_data.KOMPONEN} | {"skor": ui.t("perencanaan.kol_skor")}
weights_line = ui.t("perencanaan.bobot_ekspor", rumus=perencanaan_data.weighted_formula(bobot))

# the headline: the area's most pressing problem, against the province
top = table.sort_values("peringkat").iloc[0]
first = ui.t("perencanaan.judul_prioritas", wilayah=area.nama, n=len(table), indikator=top[name_col], bidang=top[field_col],
             capaian=ui.persen(top["capaian_persen"]))  # fmt: skip
if pd.notna(top["capaian_provinsi"]) and area.kode != area.provinsi:
    first += ui.t("perencanaan.judul_prioritas_provinsi", provinsi=ui.persen(top["capaian_provinsi"]),
                  selisih=fmt.selisih(top["selisih_provinsi"], 1, lang, satuan=""))  # fmt: skip
if pd.notna(top["belum"]) and top["belum"] > 0:
    first += ui.t("perencanaan.judul_prioritas_belum", belum=ui.angka(top["belum"]))
st.info(first + ".", icon=":material/location_on:")

st.subheader(ui.t("perencanaan.daftar"))
c_top, _ = st.columns([1, 3])
ui.from_url("rp_jumlah", "15", ["10", "15", "25", "50"])
c_top.selectbox(ui.t("perencanaan.jumlah_grafik"), ["10", "15", "25", "50"], key="rp_jumlah")
st.plotly_chart(ui.figure(cr.priority_components, table, name_col, lang, comp_labels, top=int(st.session_state["rp_jumlah"])),
                key="rp_grafik", config={"displayModeBar": False})  # fmt: skip
st.caption(ui.t("perencanaan.grafik_catatan"))
chart_cols = {"peringkat": ui.t("perencanaan.kol_peringkat"), name_col: ui.t("perencanaan.kol_indikator")}
chart_cols |= {f"c_{c}": ui.t("perencanaan.kol_sumbangan", komponen=comp_labels[c]) for c in perencanaan_data.KOMPONEN}
chart_cols |= {"skor": ui.t("perencanaan.kol_skor")}
ui.downloads(table[list(chart_cols)].rename(columns=chart_cols), "masalah_prioritas_grafik",
             title=ui.t("perencanaan.judul_grafik", wilayah=area.nama), decimals={v: 1 for v in list(chart_cols.values())[2:]},
             context=rw.context(area, per, [weights_line]), key="rp_unduh_grafik")  # fmt: skip

table["arah_teks"] = [rw.arrow(a) for a in table["arah"]]
table["banjir_teks"] = [ui.t("perencanaan.ya") if f and p else (ui.t("perencanaan.ya_tidak_peka") if f else ui.t("perencanaan.tidak"))
                        for f, p in zip(table["terdampak_banjir"], table["peka_banjir"], strict=True)]  # fmt: skip
table["periode_teks"] = [
    ui.triwulan(p) if k == "spm_resmi" else ui.bulan(p)
    for p, k in zip(table["periode"], table["keluarga"], strict=True)
]
table["proyeksi_desember"] = peringatan_data.projection_texts(list(table["kode_indikator"]), area.kode, filters.periode, lang)
columns = {
    "peringkat": ui.t("perencanaan.kol_peringkat"), name_col: ui.t("perencanaan.kol_indikator"), field_col: ui.t("perencanaan.kol_bidang"),
    opd_col: ui.t("perencanaan.kol_opd"), "periode_teks": ui.t("perencanaan.kol_periode"),
    "capaian_persen": ui.t("perencanaan.kol_capaian"), "proyeksi_desember": ui.t("peringatan.kol_prioritas"),
    "sasaran": ui.t("perencanaan.kol_sasaran"),
    "terlayani": ui.t("perencanaan.kol_terlayani"), "belum": ui.t("perencanaan.kol_belum"),
    "capaian_provinsi": ui.t("perencanaan.kol_provinsi"), "selisih_provinsi": ui.t("perencanaan.kol_selisih"),
    "jarak_target": ui.t("perencanaan.kol_jarak"), "perubahan": ui.t("perencanaan.kol_perubahan"),
    "arah_teks": ui.t("perencanaan.kol_arah"), "banjir_teks": ui.t("perencanaan.kol_banjir"),
    "k_target": ui.t("perencanaan.kol_k", komponen=comp_labels["target"]),
    "k_provinsi": ui.t("perencanaan.kol_k", komponen=comp_labels["provinsi"]),
    "k_belum": ui.t("perencanaan.kol_k", komponen=comp_labels["belum"]),
    "k_tren": ui.t("perencanaan.kol_k", komponen=comp_labels["tren"]),
    "k_banjir": ui.t("perencanaan.kol_k", komponen=comp_labels["banjir"]),
    "skor": ui.t("perencanaan.kol_skor"),
}  # fmt: skip
decimals = {f"k_{c}": 2 for c in perencanaan_data.KOMPONEN} | {"belum": 0, "skor": 1}
family_line = f"{ui.t('perencanaan.keluarga')}: {family_labels[keluarga]}"
context = rw.context(area, per, [family_line, weights_line])
title = ui.t("perencanaan.judul_tabel", wilayah=area.nama)
ui.table(table, columns, percent=["capaian_persen", "capaian_provinsi"], decimals=decimals, key="rp_tabel",
         download="masalah_prioritas", title=title, context=context)  # fmt: skip

view = table[list(columns)].rename(columns=columns)
sheet = functools.partial(  # made when the button is clicked, not on every rerun
    perencanaan_data.planning_excel, view, title, context, notes=[ui.t("perencanaan.catatan_lembar_1"), ui.t("perencanaan.catatan_lembar_2")],
    percent=[columns["capaian_persen"], columns["capaian_provinsi"]], decimals={columns[k]: v for k, v in decimals.items()},
    wrap=[columns[name_col], columns[opd_col]],
    extra=[x for x in [rw.need_sheet(area, filters.kab, filters.periode)] if x is not None],  # the cost of the gap
)  # fmt: skip
st.download_button(ui.t("perencanaan.unduh_lembar"), data=sheet, file_name="lembar_perencanaan_prioritas.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="rp_lembar",
                   icon=":material/description:", type="primary")  # fmt: skip
with st.expander(ui.t("perencanaan.cara_hitung_judul"), icon=":material/functions:"):
    st.markdown(ui.t("perencanaan.cara_hitung", ambang=ui.angka(cfg.ambang_tren_poin, 1), bulan=cfg.bulan_banjir))

# --- breakdown: which child areas hold the unserved people --------------------------------------------
if area.kode_anak:
    child_level = perencanaan_data.TINGKAT_ANAK[area.tingkat]
    st.subheader(ui.t("perencanaan.rinci_judul", tingkat=ui.t(f"perencanaan.tingkat_jamak_{child_level}")))
    options = perencanaan_data.child_options(table, area.kode_anak, per)
    if not options:
        st.info(ui.t("perencanaan.rinci_kosong"))
    else:
        names = dict(zip(table["kode_indikator"], table[name_col], strict=True))
        ui.from_url("rp_rinci", options[0], options)
        st.selectbox(ui.t("perencanaan.rinci_indikator"), options, key="rp_rinci", format_func=names.__getitem__)
        indikator = st.session_state["rp_rinci"]
        parts = perencanaan_data.child_breakdown(area.kode_anak, per, indikator)
        child_names = dict(zip(area.anak["kode"], area.anak["nama"], strict=True))
        parts["nama"] = parts["kode_wilayah"].map(child_names)
        key_month = per.bulan
        comp = (
            perencanaan_data.completeness(parts["kode_wilayah"].tolist(), key_month, key_month) if key_month else pd.DataFrame()
        )
        if len(comp):
            parts = parts.merge(comp[["kode_wilayah", "kelengkapan_persen"]], on="kode_wilayah", how="left")
        else:
            parts["kelengkapan_persen"] = float("nan")
        flooded_children = set(floods["kode_wilayah"])
        parts["banjir_teks"] = [
            ui.t("perencanaan.ya") if k in flooded_children else ui.t("perencanaan.tidak") for k in parts["kode_wilayah"]
        ]
        area_row = table[table["kode_indikator"] == indikator].iloc[0]
        st.caption(ui.t("perencanaan.rinci_keterangan", wilayah=area.nama, belum=ui.angka(area_row["belum"]),
                        n=len(parts), top=ui.angka(parts["porsi"].head(3).sum(), 1)))  # fmt: skip
        st.plotly_chart(ui.figure(cr.pareto, parts, "nama", lang, {"belum": ui.t("perencanaan.kol_belum"),
                                                                    "kumulatif": ui.t("perencanaan.kol_kumulatif")}),
                        key="rp_grafik_rinci", config={"displayModeBar": False})  # fmt: skip
        rinci_cols = {
            "nama": ui.t(f"perencanaan.tingkat_{child_level}"), "sasaran": ui.t("perencanaan.kol_sasaran"),
            "terlayani": ui.t("perencanaan.kol_terlayani"), "capaian_persen": ui.t("perencanaan.kol_capaian"),
            "belum": ui.t("perencanaan.kol_belum"), "porsi": ui.t("perencanaan.kol_porsi"),
            "porsi_kumulatif": ui.t("perencanaan.kol_kumulatif"), "kelengkapan_persen": ui.t("perencanaan.profil_kol_kelengkapan"),
            "banjir_teks": ui.t("perencanaan.kol_banjir_wilayah"),
        }  # fmt: skip
        ui.table(parts, rinci_cols, percent=["capaian_persen", "porsi", "porsi_kumulatif", "kelengkapan_persen"],
                 decimals={"belum": 0}, key="rp_tabel_rinci", download="masalah_prioritas_rincian",
                 title=ui.t("perencanaan.rinci_judul_tabel", indikator=names[indikator], wilayah=area.nama),
                 context=rw.context(area, per, [f"{ui.t('perencanaan.rinci_indikator')}: {names[indikator]}"]))  # fmt: skip
        st.caption(ui.t("perencanaan.rinci_catatan"))

st.page_link("perencanaan/anggaran.py", label=ui.t("perencanaan.ke_anggaran"), icon=":material/payments:")
