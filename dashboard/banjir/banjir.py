"""Post-flood recovery: affected areas, recovery of flood-sensitive services, physical backlog, affected vs
unaffected desa, the lagging list and a plain-language summary, for one flood event (kept in the URL)."""

import pandas as pd
import streamlit as st

from dashboard.banjir import data as banjir_data
from dashboard.core import dates, fmt, markdown, store, ui
from dashboard.core.i18n import data_text
from dashboard.snapshot.widgets import share_flood

BULAN_SEBELUM = 6  # months before the onset shown in the heat map

lang = ui.lang()
en = lang == "en"
T = ui.t
filters = ui.sidebar_filters(period=False)  # the kab/kota follows the user here; the event is this page's period
kab = filters.kab
ui.banner()
st.title(T("banjir.judul"))
cfg = banjir_data.pengaturan()

events = banjir_data.kejadian()
if events.empty:
    st.info(T("banjir.tanpa_kejadian"), icon=":material/flood:")
    st.stop()

# --- event and focus area ------------------------------------------------------------------------------------------
codes = events["kode_bencana"].tolist()
names = {k: data_text(n, lang) for k, n in zip(events["kode_bencana"], events["nama"], strict=True)}  # sample: in English too
kab_events = banjir_data.kejadian_wilayah(kab, codes) if kab else []
ui.from_url("bencana", kab_events[0] if kab_events else codes[0], codes)  # with a kab/kota: its newest event
pick, focus_col = st.columns([3, 2])
pick.selectbox(T("banjir.pilih_kejadian"), codes, key="bencana", format_func=lambda k: f"{names[k]} ({k})")
kode = st.session_state["bencana"]
info = events[events["kode_bencana"] == kode].iloc[0].to_dict()
bulan_mulai = info["bulan_mulai"]

dampak = banjir_data.dampak(kode)
layanan = banjir_data.layanan_wilayah(kode, bulan_mulai, cfg)  # areas above desa level: what the page lists
selisih = banjir_data.selisih(kode, cfg)
fisik = banjir_data.fisik_terkini(kode)

area_names = dict(zip(dampak["kode_wilayah"], dampak["nama_lengkap"], strict=True))
levels = dict(zip(dampak["kode_wilayah"], dampak["tingkat"], strict=True))
prov_code = next((k for k, v in levels.items() if v == "provinsi"), "63")
kab_hit = kab is not None and kab in levels  # the selected kab/kota was hit by this event
urut_fokus = dampak[dampak["tingkat"].isin(["kabkota", "kecamatan"])].sort_values(
    ["kode_kabkota", "tingkat", "nama"], na_position="first"
)  # kab/kota, then its kecamatan by name
focus_options = list(dict.fromkeys([prov_code, *urut_fokus["kode_wilayah"]]))
if kab_hit:  # the selected kab/kota and its kecamatan only; "Semua kab/kota" in the sidebar opens the whole event
    focus_options = [k for k in focus_options if k == kab or k.startswith(kab + ".")]
kab_of = dict(zip(dampak["kode_wilayah"], dampak["nama_kabkota"], strict=True))


def focus_label(k: str) -> str:
    if k == prov_code:
        return T("banjir.semua_terdampak")
    if levels.get(k) == "kecamatan":
        return f"{area_names.get(k, k)} · {kab_of.get(k) or ''}"
    return area_names.get(k, k)


ui.from_url("wilayah", kab if kab_hit else prov_code, focus_options)
focus_col.selectbox(T("banjir.fokus_wilayah"), focus_options, key="wilayah", format_func=focus_label)
fokus = st.session_state["wilayah"]
fokus_tingkat = "provinsi" if fokus == prov_code else levels.get(fokus, "kabkota")

status_text = T("banjir.status." + info["status"]) if info.get("status") in banjir_data.STATUS_KEJADIAN else fmt.NA
selesai = (
    dates.date_label(info["tanggal_selesai"], lang)
    if pd.notna(info["tanggal_selesai"])
    else T("banjir.belum_selesai")
)
st.caption(
    T("banjir.keterangan_kejadian", mulai=dates.date_label(info["tanggal_mulai"], lang), selesai=selesai,
      status=status_text, kode=markdown.escape(kode))
    + (f" · {markdown.escape(data_text(info['keterangan'], lang))}" if isinstance(info.get("keterangan"), str) and info["keterangan"] else "")
)  # fmt: skip

if kab and not kab_hit:  # said plainly, and no figure of the event passes for the district's
    kab_name = store.wilayah_info(kab).get("nama_lengkap", kab)
    note = T("banjir.kab_tidak_terdampak", nama=kab_name, kejadian=markdown.escape(names[kode]))
    note += " " + (T("banjir.kab_kejadian_lain", nama=kab_name, daftar=", ".join(markdown.escape(names[k]) for k in kab_events))
                   if kab_events else T("banjir.kab_tanpa_kejadian", nama=kab_name))  # fmt: skip
    st.warning(note, icon=":material/location_off:")
elif kab_hit:
    st.caption(T("banjir.kab_filter_ket", nama=area_names.get(kab, kab), semua=T("ui.semua_kabkota")))

# --- summary -------------------------------------------------------------------------------------------------------
st.subheader(T("banjir.ringkasan"))
sentences = banjir_data.ringkasan_kejadian(kode, cfg, lang)
if fokus_tingkat != "provinsi":  # the area in focus first, the whole event after it for context
    area_sentences = banjir_data.ringkasan_wilayah(fokus, focus_label(fokus), dampak, layanan, fisik, cfg, lang)
    sentences = [*area_sentences, T("banjir.sum.konteks"), *sentences] if area_sentences else sentences
st.info("\n".join(f"- {markdown.escape(s)}" for s in sentences), icon=":material/summarize:")  # names from the file: plain

# the key figures of the area in focus (the whole event when no kab/kota or kecamatan is in focus)
kpi_code = prov_code if fokus_tingkat == "provinsi" else fokus
prov_dampak = dampak[dampak["kode_wilayah"] == kpi_code]
ev_layanan = layanan[(layanan["kode_wilayah"] == kpi_code) & (layanan["status"] != "tanpa_baseline")]
ev_fisik = fisik[(fisik["kode_wilayah"] == kpi_code) & fisik["rusak"].notna() & (fisik["rusak"] > 0)]
rumah = ev_fisik[ev_fisik["komponen"].isin(banjir_data.KOMPONEN_RUMAH)]
k1, k2, k3, k4 = st.columns(4)
if fokus_tingkat == "provinsi":
    k1.metric(T("banjir.kpi_desa"), ui.angka(info["desa_terdampak"]),
              help=T("banjir.kpi_desa_ket", kecamatan=ui.angka(info["kecamatan_terdampak"]),
                     kabkota=ui.angka(info["kabkota_terdampak"])), border=True)  # fmt: skip
else:
    k1.metric(T("banjir.kpi_desa"), ui.angka(prov_dampak["desa_terdampak"].iloc[0]) if len(prov_dampak) else fmt.NA,
              help=T("banjir.kpi_desa_ket_wilayah", wilayah=focus_label(fokus)), border=True)  # fmt: skip
k2.metric(T("banjir.kpi_jiwa"), ui.angka(prov_dampak["jiwa_terdampak"].iloc[0]) if len(prov_dampak) else fmt.NA,
          border=True)  # fmt: skip
k3.metric(T("banjir.kpi_layanan"),
          f"{int(ev_layanan['status'].isin(['pulih', 'tidak_turun']).sum())} / {len(ev_layanan)}" if len(ev_layanan) else fmt.NA,
          help=T("banjir.kpi_layanan_ket", ambang=ui.persen(cfg.ambang_pulih * 100, 0)), border=True)  # fmt: skip
k4.metric(T("banjir.kpi_rumah"),
          ui.persen(100 * min(rumah["pulih"].sum(), rumah["rusak"].sum()) / rumah["rusak"].sum(), 0) if len(rumah) else fmt.NA,
          help=T("banjir.kpi_rumah_ket", pulih=ui.angka(rumah["pulih"].sum()), rusak=ui.angka(rumah["rusak"].sum())),
          border=True)  # fmt: skip

# --- share a snapshot (dashboard/snapshot: PNG for messaging apps, offline HTML) ---------------------------------------
share_flood(kode, fokus if fokus_tingkat == "kabkota" else None)

# --- the sections, one tab each: a phone shows the summary and the key figures, then one section at a time ----------
tab_wilayah, tab_layanan, tab_fisik, tab_pembanding, tab_tertinggal = st.tabs(
    [T("banjir.tab_wilayah"), T("banjir.tab_layanan"), T("banjir.tab_fisik"), T("banjir.tab_pembanding"),
     T("banjir.tab_tertinggal")]
)  # fmt: skip

# --- affected areas ------------------------------------------------------------------------------------------------
with tab_wilayah:
    st.subheader(T("banjir.wilayah_terdampak"))
    map_col, table_col = st.columns([2, 3])
    with map_col:
        hover = {"desa": T("banjir.peta_desa"), "jiwa": T("banjir.peta_jiwa")}
        fig = banjir_data.figur_peta(kode, bool(info["kecamatan_terdampak"]), cfg, lang, T("banjir.peta_metrik"), hover)
        st.plotly_chart(fig, config={"displayModeBar": False}, key="peta_banjir")
        st.caption(T("banjir.peta_ket"))
    with table_col:
        dampak_tabel = banjir_data.bagian_wilayah(dampak, kab) if kab_hit else dampak  # the selected kab/kota's part
        tingkat_ada = [t_ for t_ in ("kabkota", "kecamatan", "desa") if (dampak_tabel["tingkat"] == t_).any()]
        if tingkat_ada:
            default_t = "kecamatan" if "kecamatan" in tingkat_ada else tingkat_ada[0]
            if st.session_state.get("banjir_tingkat_dampak") not in tingkat_ada:
                st.session_state["banjir_tingkat_dampak"] = default_t
            st.segmented_control(T("banjir.tingkat"), tingkat_ada, key="banjir_tingkat_dampak",
                                 format_func=lambda v: T("banjir.tingkat." + v))  # fmt: skip
            tingkat_tabel = st.session_state.get("banjir_tingkat_dampak") or default_t
            tabel = dampak_tabel[dampak_tabel["tingkat"] == tingkat_tabel].sort_values(
                "jiwa_terdampak", ascending=False, na_position="last"
            )
            cols = {"nama": T("banjir.kol_wilayah")}
            if tingkat_tabel != "kabkota":
                cols["nama_kabkota"] = T("banjir.kol_kabkota")
            cols |= {
                "desa_terdampak": T("banjir.kol_desa"), "kk_terdampak": T("banjir.kol_kk"),
                "jiwa_terdampak": T("banjir.kol_jiwa"), "jiwa_mengungsi": T("banjir.kol_mengungsi"),
                "rumah_terendam": T("banjir.kol_terendam"), "rumah_rusak_berat": T("banjir.kol_rb"),
                "rumah_rusak_sedang": T("banjir.kol_rs"), "rumah_rusak_ringan": T("banjir.kol_rr"),
                "sekolah_terdampak": T("banjir.kol_sekolah"), "posyandu_terdampak": T("banjir.kol_posyandu"),
                "faskes_terdampak": T("banjir.kol_faskes"), "sarana_air_rusak": T("banjir.kol_air"),
                "sarana_sanitasi_rusak": T("banjir.kol_sanitasi"),
            }  # fmt: skip
            ui.table(tabel, cols, key="tabel_dampak", height=min(380, 40 + 35 * len(tabel)), widths={"nama": 150})
            st.caption(T("banjir.dampak_ket"))
        else:
            st.info(T("banjir.dampak_kosong"))

# --- service recovery ----------------------------------------------------------------------------------------------
with tab_layanan:
    st.subheader(T("banjir.layanan"))
    st.caption(T("banjir.layanan_ket", n=cfg.bulan_baseline, ambang=ui.persen(cfg.ambang_pulih * 100, 0),
                 maks=banjir_data.BULAN_SETELAH_MAKS))  # fmt: skip
    focus_layanan = layanan[layanan["kode_wilayah"] == fokus]
    if focus_layanan.empty:
        st.info(T("banjir.layanan_kosong"))
    else:
        label_col = "indikator_en" if en else "indikator_id"
        st.markdown("**" + T("banjir.grafik_indeks", wilayah=focus_label(fokus)) + "**")
        fig = banjir_data.figur_indeks(kode, fokus, bulan_mulai, cfg, lang, {"mulai": T("banjir.mulai_banjir"),
                                    "skala": T("banjir.sumbu_indeks")}, BULAN_SEBELUM)  # fmt: skip
        if fig is not None:
            st.plotly_chart(fig, config={"displayModeBar": False}, key="grafik_indeks")
            st.caption(T("banjir.grafik_indeks_ket", ambang=ui.persen(cfg.ambang_pulih * 100, 0)))

        # one indicator in detail
        candidates = banjir_data.urut_status(focus_layanan)
        ind_codes = candidates["kode_indikator"].tolist()
        ind_names = dict(zip(focus_layanan["kode_indikator"], focus_layanan[label_col], strict=True))
        ui.from_url("indikator", ind_codes[0], ind_codes)
        st.selectbox(T("banjir.pilih_indikator"), ind_codes, key="indikator", format_func=lambda k: ind_names[k])
        row = focus_layanan[focus_layanan["kode_indikator"] == st.session_state["indikator"]].iloc[0].to_dict()
        c1, c2 = st.columns([3, 2])
        with c1:
            st.plotly_chart(
                banjir_data.figur_indikator(
                    kode, fokus, row["kode_indikator"], bulan_mulai, cfg, lang,
                    {"terdampak": T("banjir.desa_terdampak"), "pembanding": T("banjir.desa_pembanding"),
                     "baseline": T("banjir.baseline_label", n=cfg.bulan_baseline),
                     "ambang": T("banjir.ambang_label", ambang=ui.persen(cfg.ambang_pulih * 100, 0)),
                     "terburuk": T("banjir.titik_terburuk"), "proyeksi": T("banjir.proyeksi"),
                     "mulai": T("banjir.mulai_banjir"), "sumbu_y": T("banjir.sumbu_capaian")},
                ),
                config={"displayModeBar": False}, key="grafik_indikator",
            )  # fmt: skip
        with c2:
            st.markdown(f"**{row[label_col]}**")
            if not row["naik"]:
                st.caption(":material/south: " + T("banjir.lebih_rendah_lebih_baik"))
            st.markdown(banjir_data.uraian_indikator(row, cfg, lang))

        tabel = candidates.copy()  # in the page's order
        tabel["status_teks"] = [banjir_data.label_status(s, lang) for s in tabel["status"]]
        tabel["bulan_terburuk_teks"] = [dates.month_label(p, lang) for p in tabel["periode_terburuk"]]
        tabel["bulan_kini_teks"] = [dates.month_label(p, lang) for p in tabel["periode_kini"]]
        tabel["proyeksi_teks"] = [
            dates.month_label(p, lang) if pd.notna(p) else banjir_data.label_alasan(a, lang, pendek=True)
            for p, a in zip(tabel["periode_proyeksi"], tabel["alasan_proyeksi"], strict=True)
        ]
        kini_unik = tabel["bulan_kini_teks"].unique()
        kol_kini = {"kini": T("banjir.kol_kini_bulan", bulan=kini_unik[0])} if len(kini_unik) == 1 else {
            "kini": T("banjir.kol_kini"), "bulan_kini_teks": T("banjir.kol_bulan_kini")}  # fmt: skip
        ui.table(
            tabel,
            {
                label_col: T("banjir.kol_indikator"), "status_teks": T("banjir.kol_status"),
                "persen_pulih": T("banjir.kol_persen_pulih"), **kol_kini, "baseline": T("banjir.kol_baseline"),
                "terburuk": T("banjir.kol_terburuk"), "bulan_terburuk_teks": T("banjir.kol_bulan_terburuk"),
                "waktu_pulih": T("banjir.kol_waktu_pulih"), "proyeksi_teks": T("banjir.kol_proyeksi"),
            },  # the key columns first: a phone shows the name, the status and the percent recovered
            widths={label_col: 230},
            percent=["baseline", "terburuk", "kini", "persen_pulih"], key="tabel_layanan",
            download=f"pemulihan_layanan_{kode}", title=T("banjir.layanan") + " – " + focus_label(fokus),
        )  # fmt: skip

    # disaster services: absolute served and gap
    bencana_df = banjir_data.layanan_bencana(kode)
    if not bencana_df.empty:
        st.markdown("**" + T("banjir.layanan_bencana", wilayah=T("banjir.semua_terdampak")) + "**")
        st.caption(T("banjir.layanan_bencana_ket"))
        urut_level = {"posyandu_desa": 0, "kab_kota": 1, "provinsi": 2}
        lb_codes = list(dict.fromkeys(bencana_df.sort_values("level", key=lambda s: s.map(urut_level))["kode_indikator"]))
        lb_names = dict(
            zip(bencana_df["kode_indikator"], bencana_df["indikator_en" if en else "indikator_id"], strict=True)
        )
        if st.session_state.get("banjir_layanan_bencana") not in lb_codes:
            st.session_state["banjir_layanan_bencana"] = lb_codes[0]
        st.selectbox(
            T("banjir.pilih_layanan_bencana"), lb_codes, key="banjir_layanan_bencana", format_func=lambda k: lb_names[k]
        )
        st.plotly_chart(
            banjir_data.figur_layanan_bencana(
                kode, st.session_state["banjir_layanan_bencana"], bulan_mulai, lang,
                {"terlayani": T("banjir.terlayani"), "kesenjangan": T("banjir.kesenjangan"),
                 "mulai": T("banjir.mulai_banjir"), "sumbu_y": T("banjir.sumbu_jumlah")},
            ),
            config={"displayModeBar": False}, key="grafik_layanan_bencana",
        )  # fmt: skip

# --- physical recovery ---------------------------------------------------------------------------------------------
with tab_fisik:
    st.subheader(T("banjir.fisik"))
    komponen_labels = {k: banjir_data.label_komponen(k, lang) for k in banjir_data.KOMPONEN}
    if fisik.empty:
        st.info(T("banjir.fisik_kosong"))
    else:
        tanggal = fisik["tanggal"].max()
        st.caption(T("banjir.fisik_ket", tanggal=dates.date_label(tanggal, lang)))
        st.markdown("**" + T("banjir.progres", wilayah=focus_label(fokus)) + "**")
        fig = banjir_data.figur_progres(kode, fokus, lang, {"pulih": T("banjir.sudah_pulih"), "sisa": T("banjir.sisa")})
        if fig is not None:
            st.plotly_chart(fig, config={"displayModeBar": False}, key="grafik_progres")
        else:
            st.info(T("banjir.fisik_wilayah_kosong"))
        fig = banjir_data.figur_burndown(kode, fokus, info["tanggal_mulai"], lang,
                                      {"mulai": T("banjir.mulai_banjir"), "sumbu_y": T("banjir.sumbu_sisa")})  # fmt: skip
        if fig is not None:
            st.markdown("**" + T("banjir.burndown", wilayah=focus_label(fokus)) + "**")
            st.plotly_chart(fig, config={"displayModeBar": False}, key="grafik_burndown")
            st.caption(T("banjir.burndown_ket"))
        per_area = banjir_data.fisik_per_wilayah_kejadian(kode, lang)
        if kab_hit:
            per_area = banjir_data.bagian_wilayah(per_area, kab)
        if not per_area.empty:
            st.markdown("**" + T("banjir.fisik_per_wilayah") + "**")
            per_area["tingkat_teks"] = [T("banjir.tingkat." + v) for v in per_area["tingkat"]]
            cols = {"wilayah": T("banjir.kol_wilayah"), "tingkat_teks": T("banjir.kol_tingkat"),
                    "kabkota": T("banjir.kol_kabkota")}  # fmt: skip
            cols |= {"sisa_rumah": T("banjir.kol_sisa_rumah")}
            cols |= {f"teks_{k}": komponen_labels[k] for k in banjir_data.KOMPONEN if f"teks_{k}" in per_area}
            ui.table(per_area, cols, key="tabel_fisik", height=min(360, 40 + 35 * len(per_area)), widths={"wilayah": 150},
                     download=f"pemulihan_fisik_{kode}", title=T("banjir.fisik_per_wilayah"))  # fmt: skip
            st.caption(T("banjir.fisik_per_wilayah_ket"))

# --- affected vs unaffected ----------------------------------------------------------------------------------------
with tab_pembanding:
    st.subheader(T("banjir.pembanding"))
    did_area = (
        fokus if fokus_tingkat in ("provinsi", "kabkota") else dampak.set_index("kode_wilayah").loc[fokus, "kode_kabkota"]
    )
    did = selisih[selisih["kode_wilayah"] == did_area]
    if did.empty:
        st.info(T("banjir.pembanding_kosong"))
    else:
        st.caption(T("banjir.pembanding_ket", n=cfg.bulan_baseline))
        if did_area != fokus:
            st.caption(T("banjir.pembanding_kabkota", wilayah=area_names.get(did_area, did_area)))
        did_names = dict(zip(did["kode_indikator"], did["indikator_en" if en else "indikator_id"], strict=True))
        did_codes = list(did_names)
        chosen = st.session_state.get("indikator")
        if st.session_state.get("banjir_did_indikator") not in did_codes:
            st.session_state["banjir_did_indikator"] = chosen if chosen in did_codes else did_codes[0]
        st.selectbox(T("banjir.pilih_indikator"), did_codes, key="banjir_did_indikator", format_func=lambda k: did_names[k])
        part = did[did["kode_indikator"] == st.session_state["banjir_did_indikator"]]
        c1, c2 = st.columns([3, 2])
        with c1:
            st.plotly_chart(
                banjir_data.figur_selisih(
                    kode, did_area, st.session_state["banjir_did_indikator"], cfg, lang,
                    {"terdampak": T("banjir.perubahan_terdampak"), "pembanding": T("banjir.perubahan_pembanding"),
                     "selisih": T("banjir.selisih"), "sumbu_y": T("banjir.sumbu_poin")},
                ),
                config={"displayModeBar": False}, key="grafik_selisih",
            )  # fmt: skip
        with c2:
            last = part.sort_values("periode").iloc[-1]
            st.markdown(T("banjir.pembanding_uraian", terdampak=ui.angka(last["desa_terdampak"]),
                          pembanding=ui.angka(last["desa_pembanding"])))  # fmt: skip
            if not bool(last["naik"]):
                st.caption(":material/south: " + T("banjir.lebih_rendah_lebih_baik_selisih"))
        ringkas = banjir_data.ringkas_selisih_wilayah(kode, did_area, cfg)
        ringkas["bulan_terburuk_teks"] = [dates.month_label(p, lang) for p in ringkas["periode_terburuk"]]
        ringkas["bulan_kini_teks"] = [dates.month_label(p, lang) for p in ringkas["periode_kini"]]
        ui.table(
            ringkas,
            {
                "indikator_en" if en else "indikator_id": T("banjir.kol_indikator"),
                "selisih_terburuk": T("banjir.kol_selisih_terburuk"), "bulan_terburuk_teks": T("banjir.kol_bulan_terburuk"),
                "perubahan_terdampak_terburuk": T("banjir.kol_perubahan_terdampak"),
                "perubahan_pembanding_terburuk": T("banjir.kol_perubahan_pembanding"),
                "selisih_kini": T("banjir.kol_selisih_kini"), "bulan_kini_teks": T("banjir.kol_bulan_kini"),
            },  # the differences first
            key="tabel_selisih", widths={"indikator_en" if en else "indikator_id": 230},
        )  # fmt: skip

# --- lagging list --------------------------------------------------------------------------------------------------
with tab_tertinggal:
    st.subheader(T("banjir.tertinggal"))
    st.caption(T("banjir.tertinggal_ket"))
    if st.session_state.get("banjir_tingkat_tertinggal") not in ("kecamatan", "desa"):
        st.session_state["banjir_tingkat_tertinggal"] = "kecamatan"
    st.segmented_control(T("banjir.tingkat"), ["kecamatan", "desa"], key="banjir_tingkat_tertinggal",
                         format_func=lambda v: T("banjir.tingkat." + v))  # fmt: skip
    tingkat_lag = st.session_state.get("banjir_tingkat_tertinggal") or "kecamatan"
    lag = banjir_data.tertinggal_kejadian(kode, str(bulan_mulai), cfg, lang, (tingkat_lag,)).copy()
    if fokus_tingkat != "provinsi" and not lag.empty:
        lag = lag[lag["kode_wilayah"].str.startswith(fokus + ".") | (lag["kode_wilayah"] == fokus)]
    if lag.empty:
        st.success(T("banjir.tertinggal_kosong"))
    else:
        kolom_kec = {"kecamatan": T("banjir.kol_kecamatan")} if tingkat_lag == "desa" else {}
        lag_layanan = lag[lag["jenis"] == "layanan"]
        lag_fisik = lag[lag["jenis"] == "fisik"].sort_values(["sisa", "persen"], ascending=[False, True])
        for part, judul, cols, pct, urut_key in (
            (lag_layanan, T("banjir.tertinggal_layanan"),  # key columns first: where, what, how far, who
             {"wilayah": T("banjir.kol_wilayah"), "butir": T("banjir.kol_indikator"),
              "persen": T("banjir.kol_persen_pulih"), "opd": T("banjir.kol_opd"), **kolom_kec,
              "kabkota": T("banjir.kol_kabkota"), "kini": T("banjir.kol_kini"), "baseline": T("banjir.kol_baseline"),
              "perkiraan": T("banjir.kol_proyeksi"), "bidang": T("banjir.kol_bidang")},
             ["persen", "kini", "baseline"], "layanan"),
            (lag_fisik, T("banjir.tertinggal_fisik"),
             {"wilayah": T("banjir.kol_wilayah"), "butir": T("banjir.kol_butir"), "sisa": T("banjir.kol_sisa"),
              "persen": T("banjir.kol_persen_selesai"), "opd": T("banjir.kol_opd"), **kolom_kec,
              "kabkota": T("banjir.kol_kabkota"), "rusak": T("banjir.kol_rusak"), "bidang": T("banjir.kol_bidang")},
             ["persen"], "fisik"),
        ):  # fmt: skip
            st.markdown(f"**{judul}** · " + T("banjir.tertinggal_jumlah", n=ui.angka(len(part))))
            if part.empty:
                st.caption(T("banjir.tertinggal_bagian_kosong"))
                continue
            ui.table(
                part, cols, percent=pct, decimals={"sisa": 0, "rusak": 0}, key=f"tabel_tertinggal_{urut_key}",
                widths={"wilayah": 110, "butir": 180},
                height=min(420, 40 + 35 * len(part)),
                download=f"tertinggal_{urut_key}_{kode}_{tingkat_lag}", title=judul + " – " + names[kode],
            )  # fmt: skip

with st.expander(T("banjir.cara_hitung")):
    st.markdown(T("banjir.cara_hitung_isi", n=cfg.bulan_baseline, ambang=ui.persen(cfg.ambang_pulih * 100, 0),
                  k=cfg.bulan_tren, r2=ui.angka(cfg.r2_min_tren, 2), batas=cfg.batas_proyeksi_bulan,
                  maks=banjir_data.BULAN_SETELAH_MAKS))  # fmt: skip
