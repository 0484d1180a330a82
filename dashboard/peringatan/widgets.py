"""The early-warning section other pages show (the area profile): a few lines and a short table, no formulas."""

from __future__ import annotations

import streamlit as st

from dashboard.core import ui
from dashboard.core.i18n import lang_column
from dashboard.peringatan import data as peringatan_data

TOP = 5


def profile_section(kode_wilayah: str, tingkat: str, periode: str) -> None:
    """The December projection of a kab/kota or the province: how many services fall short, the largest by people
    unserved (with their OPD and the pace needed) and a link to the page; other levels get one line."""
    lang = ui.lang()
    st.subheader(ui.t("peringatan.profil_judul"))
    year = int(periode[:4])
    if tingkat not in ("kabkota", "provinsi"):
        st.caption(ui.t("peringatan.profil_bukan_kabkota"))
        return
    table = peringatan_data.projections(periode)
    if table.empty:
        st.caption(ui.t("peringatan.kosong"))
        return
    ranked, _ = peringatan_data.warning_list(table[table["kode_wilayah"] == kode_wilayah], kode_wilayah)
    if ranked.empty:
        st.success(ui.t("peringatan.profil_kosong", tahun=year), icon=":material/check_circle:")
    else:
        st.markdown(ui.t("peringatan.profil_keterangan", n=len(ranked), m=int((ranked["risiko"] == "tinggi").sum()),
                         tahun=year))  # fmt: skip
        top = ranked.head(TOP).copy()
        top["proyeksi_teks"] = [peringatan_data.range_text(r, lang) for r in top.to_dict("records")]
        name_col, opd_col = lang_column("nama", lang), lang_column("opd", lang)
        ui.table(top, {"peringkat": ui.t("peringatan.kol_peringkat"), name_col: ui.t("peringatan.kol_indikator"),
                       opd_col: ui.t("peringatan.kol_opd"), "capaian_persen": ui.t("peringatan.kol_capaian"),
                       "proyeksi_teks": ui.t("peringatan.kol_proyeksi"), "belum_desember": ui.t("peringatan.kol_belum"),
                       "laju_tambahan": ui.t("peringatan.kol_laju_tambahan")},
                 percent=["capaian_persen"], decimals={"belum_desember": 0, "laju_tambahan": 0}, key="pf_peringatan")  # fmt: skip
        if bool(ranked["banjir"].any()):
            st.caption(":material/flood: " + ui.t("peringatan.rinci_banjir"))
    st.page_link("peringatan/peringatan.py", label=ui.t("peringatan.ke_halaman"), icon=":material/notification_important:")
