"""District ranking: league table of the 13 kab/kota (overall, per field or per indicator) with fair-ranking aids
(95 % CI, plausible rank range, funnel plot, flags), a clickable tile map or choropleth, and a plain reading."""

import json

import pandas as pd
import streamlit as st

from dashboard.core import fmt, store, ui
from dashboard.core.settings import boundary_geojson
from dashboard.kualitas import data as kualitas_data
from dashboard.spm import catalog as spm_catalog
from dashboard.spm import charts as cp
from dashboard.spm import league, periods, scoring
from dashboard.spm import widgets as pw
from dashboard.spm.categories import category_scheme

lang = ui.lang()
filters = ui.sidebar_filters()
ui.banner()
st.title(ui.t("peringkat.judul"))

scheme = category_scheme()
cfg = scoring.pengaturan()
fields = spm_catalog.fields()
catalog = spm_catalog.catalog()
kab_codes = store.kabkota()["kode"].tolist()

c_fam, c_field, c_ind, c_grain = st.columns([1.05, 1.0, 1.5, 1.45])
pilihan = pw.choose_scope(catalog, fields, "pk", (c_fam, c_field, c_ind))
gran = pw.choose_grain(c_grain, periods.grains(pilihan.keluarga), "triwulan")
liga = league.league(pilihan, gran, filters.periode)
label = pw.metric_label(pilihan, catalog, fields)


def selected_rank(table, selected: str) -> None:
    """The selected kab/kota's own rank, score and plausible rank range above the fold (a partial value: no rank)."""
    mine = table[table["kode_wilayah"] == selected]
    if mine.empty:
        return
    r = mine.iloc[0]
    n_ranked = int(table["peringkat"].notna().sum())
    partial = bool(r.get("sebagian", False))
    ranked = not partial and pd.notna(r["peringkat"])
    rank_text = f"{int(r['peringkat'])} / {n_ranked}" if ranked else fmt.NA
    if ranked and bool(r.get("lebih_100", False)):
        rank_text += " " + ui.t("spm.flag_peringkat_lebih_100")
    change = r.get("perubahan")
    delta = int(change) if ranked and change is not None and pd.notna(change) and int(change) != 0 else None
    c_rank, c_score, c_range = st.columns(3)
    c_rank.metric(ui.t("peringkat.pilihan_peringkat", nama=r["nama_lengkap"]), rank_text, delta=delta,
                  help=ui.t("peringkat.pilihan_gerak_bantuan"), border=True)  # fmt: skip
    score_text = ui.persen(r["skor"]) + (" ◐" if partial and pd.notna(r["skor"]) else "")
    c_score.metric(ui.t("peringkat.kol_skor"), score_text, border=True)
    if not partial and isinstance(r.get("kategori"), str):
        c_score.markdown(ui.category_badge(r["kategori"]))
    spread = fmt.NA
    if ranked and pd.notna(r.get("rentang_dari")):
        a, b = int(r["rentang_dari"]), int(r["rentang_sampai"])
        spread = str(a) if a == b else f"{a}–{b}"
    c_range.metric(ui.t("peringkat.kol_rentang"), spread, border=True)
    if partial:
        st.caption(ui.t("spm.flag_sebagian", persen=fmt.persen(r.get("kelengkapan_unit"), 0, lang)))


def show() -> None:
    period = periods.period_label(gran, liga.kunci, lang, pilihan.keluarga, league.data_until(liga.nilai))
    previous = (
        periods.period_label(gran, liga.kunci_lalu, lang, pilihan.keluarga)
        if liga.kunci_lalu
        else ui.t("peringkat.tidak_ada_lalu")
    )
    st.caption(ui.t(f"peringkat.keterangan_{pilihan.keluarga}", periode=period, lalu=previous, metrik=label))

    table = liga.tabel
    selected = filters.kab
    near = league.neighbours(table, selected)
    if selected:
        selected_rank(table, selected)
    headline = league.reading(table, liga.provinsi, period, lang, ui.persen)
    if selected:  # the selected district first (value, rank with its range and interval, movement), the province after
        mine = league.reading_area(table, selected, period, lang, ui.persen)
        if mine:
            context = headline.removeprefix(period + ": ")  # the period is said once, in the district's sentence
            headline = mine + "  \n" + ui.t("spm.baca_provinsi", teks=context)
    st.info(headline, icon=":material/record_voice_over:")
    prov_coverage = pw.province_coverage(liga.provinsi, pilihan, catalog, lang)
    if prov_coverage:
        st.caption(prov_coverage)

    codes_in_scope = pw.codes_in_scope(catalog, pilihan)

    head, kamus = st.columns([4, 1], vertical_alignment="bottom")
    head.subheader(ui.t("peringkat.tabel_liga"))
    with kamus:
        pw.dictionary(catalog, codes_in_scope, key="pk_kamus_tabel")
    headers = {
        "peringkat": ui.t("peringkat.kol_peringkat"), "gerak": ui.t("peringkat.kol_gerak"),
        "nama": ui.t("peringkat.kol_kabkota"), "skor": ui.t("peringkat.kol_skor"),
        "layan": ui.t("peringkat.kol_layan"), "kategori": ui.t("peringkat.kol_kategori"),
        "ik": ui.t("peringkat.kol_ik"), "rentang": ui.t("peringkat.kol_rentang"),
        "kelengkapan": ui.t("peringkat.kol_kelengkapan"), "kualitas": ui.t("peringkat.kol_kualitas"),
        "catatan": ui.t("peringkat.kol_catatan"),
    }  # fmt: skip
    display = pw.league_display(table, pilihan, cfg, lang)
    scores = kualitas_data.quality_scores(filters.periode_date)  # issue 3's data-quality score beside each rank
    display.insert(
        display.columns.get_loc("kelengkapan") + 1, "kualitas",
        table["kode_wilayah"].map(dict(zip(scores["kode"], scores["skor"], strict=True))).astype("Float64").to_numpy(),
    )  # fmt: skip
    headers = {k: v for k, v in headers.items() if k in display.columns}
    table_key = f"pk_tabel_{selected or 'semua'}"
    # names in full ("Kabupaten Hulu Sungai Selatan"), short headers with the full one as help; the name and the
    # score first, so a phone shows who and how much before the details
    widths = {"peringkat": 72 if table["lebih_100"].any() else 36, "nama": 215, "skor": 60, "gerak": 54, "layan": 120,
              "kategori": 112, "ik": 92, "rentang": 72, "kelengkapan": 96, "kualitas": 76, "catatan": 220}
    short = {"rentang": ui.t("peringkat.kol_rentang_pendek"), "kualitas": ui.t("peringkat.kol_kualitas_pendek"),
             "kelengkapan": ui.t("peringkat.kol_kelengkapan_pendek")}
    order = ["peringkat", "nama", "skor", "gerak", "layan", "kategori", "ik", "rentang", "kelengkapan", "kualitas",
             "catatan"]
    st.dataframe(
        pw.league_styler(display, table, headers, selected, near, lang),
        key=table_key, on_select=lambda: pw.on_table_select(table_key, table["kode_wilayah"].tolist(), kab_codes),
        selection_mode="single-row", hide_index=True, placeholder=fmt.NA, height=35 * (len(display) + 1) + 3,
        column_config={headers[c]: st.column_config.Column(label=short.get(c), help=headers[c] if c in short else None, width=w)
                       for c, w in widths.items() if c in headers},
        column_order=[headers[c] for c in order if c in headers],
    )  # fmt: skip
    st.caption(
        ui.t("peringkat.tabel_catatan", skema=scheme.name(lang), penyebut=ui.angka(cfg.peringkat.ambang_penyebut_kecil),
             kelengkapan=ui.angka(cfg.peringkat.ambang_kelengkapan_persen))
    )  # fmt: skip
    if table["tanpa_penyebut"].any():
        st.caption(ui.t("spm.rentang_tanpa_penyebut"))

    map_col, ci_col = st.columns(2)
    with map_col:
        head, kamus = st.columns([3, 2], vertical_alignment="bottom")
        head.subheader(ui.t("peringkat.peta"))
        with kamus:
            pw.dictionary(catalog, codes_in_scope, key="pk_kamus_peta")
        ui.from_url("pk_warna", "kategori", ["kategori", "nilai"])
        st.segmented_control(ui.t("peringkat.warna"), ["kategori", "nilai"], key="pk_warna", required=True,
                             format_func=lambda m: ui.t(f"peringkat.warna_{m}"))  # fmt: skip
        mode = st.session_state["pk_warna"] or "kategori"
        lower_better = league.nilai_lt(liga.nilai, pilihan)
        geo_path = boundary_geojson()
        map_key = f"pk_peta_{selected or 'semua'}"
        if geo_path is not None:
            geojson = json.loads(geo_path.read_text(encoding="utf-8"))
            fig = cp.choropleth(table, geojson, lang, scheme, mode=mode, selected=selected, metric_label=label,
                                reverse_scale=lower_better, na_label=ui.t("peringkat.tanpa_data"), scale_title=ui.t("peringkat.kol_skor"),
                                partial_label=ui.t("spm.tanda_sebagian"))  # fmt: skip
        else:
            fig = ui.figure(cp.tile_map, table, lang, scheme, mode=mode, selected=selected, neighbours=near, metric_label=label,
                            reverse_scale=lower_better, na_label=ui.t("peringkat.tanpa_data"), scale_title=ui.t("peringkat.kol_skor"),
                            partial_label=ui.t("spm.tanda_sebagian"))  # fmt: skip
        st.plotly_chart(
            fig, key=map_key, on_select=lambda: pw.on_map_click(map_key, kab_codes), selection_mode="points",
            config={"displayModeBar": False},
        )  # fmt: skip
        st.caption(ui.t("peringkat.peta_catatan_geojson" if geo_path else "peringkat.peta_catatan"))

    with ci_col:
        head, kamus = st.columns([3, 2], vertical_alignment="bottom")
        head.subheader(ui.t("peringkat.grafik_ik"))
        with kamus:
            pw.dictionary(catalog, codes_in_scope, key="pk_kamus_ik")
        prov_value = liga.provinsi["skor"] if liga.provinsi is not None else None
        st.plotly_chart(
            ui.figure(cp.ci_chart, table, lang, scheme, province_value=prov_value, province_label=ui.t("peringkat.provinsi"),
                      selected=selected, neighbours=near, metric_label=label),
            key="pk_grafik_ik", config={"displayModeBar": False},
        )  # fmt: skip
        st.caption(ui.t("peringkat.grafik_ik_catatan"))

    st.subheader(ui.t("peringkat.funnel"))
    with_data = liga.nilai[(liga.nilai["tingkat"] == "kabkota") & (liga.nilai["sasaran"] > 0)]
    funnel_options = [c for c in codes_in_scope if c in set(with_data["kode_indikator"])]
    if not funnel_options:
        st.info(ui.t("peringkat.funnel_kosong"))
    else:
        c_pick, kamus = st.columns([4, 1], vertical_alignment="bottom")
        if pilihan.satu_indikator:
            funnel_ind = pilihan.indikator
            c_pick.caption(pw.indicator_name(catalog, funnel_ind))
        else:
            ui.from_url("pk_funnel", funnel_options[0], funnel_options)
            c_pick.selectbox(ui.t("peringkat.funnel_indikator"), funnel_options, key="pk_funnel",
                             format_func=lambda k: pw.indicator_name(catalog, k))  # fmt: skip
            funnel_ind = st.session_state["pk_funnel"]
        with kamus:
            pw.dictionary(catalog, [funnel_ind], key="pk_kamus_funnel")
        LIMITS = ["binomial", "overdispersi"]
        ui.from_url("pk_batas", "binomial", LIMITS)
        st.segmented_control(ui.t("peringkat.funnel_batas"), LIMITS, key="pk_batas", required=True,
                             format_func=lambda v: ui.t(f"peringkat.funnel_batas_{v}"), help=ui.t("peringkat.funnel_batas_bantuan"))  # fmt: skip
        adjust = st.session_state["pk_batas"] == "overdispersi"
        points, p0, phi = league.funnel_points(liga.nilai, funnel_ind, overdispersi=adjust)
        lower = not bool(catalog.loc[catalog["kode_indikator"] == funnel_ind, "lebih_tinggi_lebih_baik"].iloc[0])
        labels = {k: ui.t(f"peringkat.funnel_{k}") for k in
                  ("provinsi", "batas_95", "batas_998", "atas_998", "atas_95", "dalam", "bawah_95", "bawah_998", "sumbu_x", "sumbu_y")}  # fmt: skip
        st.plotly_chart(
            ui.figure(cp.funnel_chart, points, p0, lang, labels=labels, selected=selected, lower_is_better=lower, phi=phi),
            key="pk_funnel_grafik", config={"displayModeBar": False},
        )  # fmt: skip
        note = ui.t("peringkat.funnel_catatan_lt" if lower else "peringkat.funnel_catatan")
        if adjust:
            note += " " + ui.t("peringkat.funnel_phi", phi=ui.angka(phi, 1))
        st.caption(note)

    with st.expander(ui.t("peringkat.metode"), icon=":material/functions:"):
        st.markdown(
            ui.t("peringkat.metode_isi", skema=scheme.name(lang), w_p=ui.angka(cfg.indeks.w_penerima, 1),
                 w_m=ui.angka(cfg.indeks.w_mutu, 1), n_sim=ui.angka(cfg.peringkat.jumlah_simulasi),
                 seed=cfg.peringkat.seed_simulasi, penyebut=ui.angka(cfg.peringkat.ambang_penyebut_kecil),
                 kelengkapan=ui.angka(cfg.peringkat.ambang_kelengkapan_persen))
        )  # fmt: skip


if liga.kunci is None:
    st.info(ui.t("peringkat.tidak_ada_data", keluarga=pw.family_label(pilihan.keluarga)))
else:
    show()
