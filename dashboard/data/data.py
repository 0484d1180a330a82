"""Data page: what is loaded, the import log, reference data and template downloads."""

import streamlit as st

from dashboard.core import ui
from dashboard.core.i18n import data_text, lang_column
from dashboard.data import summary
from dashboard.data import widgets as data_widgets
from dashboard.spm import catalog as spm_catalog

lang = ui.lang()
ui.banner()
st.title(ui.t("data.judul"))

st.subheader(ui.t("data.dimuat"))
loaded = summary.loaded()
loaded["jenis_label"] = [ui.t("data.jenis." + k) for k in loaded["jenis"]]
ui.table(
    loaded,
    {
        "jenis_label": ui.t("data.kol_jenis"),
        "baris": ui.t("data.kol_baris"),
        "awal": ui.t("data.kol_awal"),
        "akhir": ui.t("data.kol_akhir"),
        "wilayah": ui.t("data.kol_wilayah"),
    },
    key="tabel_dimuat",
)

st.subheader(ui.t("data.log"))
log = summary.import_log()
if log.empty:
    st.info(ui.t("data.log_kosong"))
else:
    log["sha256_pendek"] = log["sha256"].fillna("").str[:12]
    log["waktu_teks"] = log["waktu"].dt.strftime("%Y-%m-%d %H:%M")
    log["jenis_label"] = [ui.t("data.jenis." + k) if k in summary.kinds() + ["sampel"] else k for k in log["jenis"]]
    for col in ("nama_file", "pengguna"):  # the sample's own entries ("sampel sintetis", "sistem") in the UI language
        log[col] = [data_text(v, ui.lang()) for v in log[col]]
    ui.table(
        log,
        {
            "id_impor": "ID",
            "waktu_teks": ui.t("data.kol_waktu"),
            "jenis_label": ui.t("data.kol_jenis"),
            "nama_file": ui.t("data.kol_berkas"),
            "sha256_pendek": "SHA-256",
            "baris": ui.t("data.kol_baris"),
            "baris_baru": ui.t("data.kol_baru"),
            "baris_diganti": ui.t("data.kol_diganti"),
            "baris_ditandai": ui.t("data.kol_ditandai"),
            "pengguna": ui.t("data.kol_pengguna"),
        },
        key="tabel_log",
        download="riwayat_impor",
        title=ui.t("data.log"),
    )

st.subheader(ui.t("data.templat"))
st.caption(ui.t("data.templat_ket"))
data_widgets.template_buttons("unduh_templat")
st.caption(ui.t("data.cli"))

st.subheader(ui.t("data.referensi"))
tab_w, tab_i = st.tabs([ui.t("data.tab_wilayah"), ui.t("data.tab_indikator")])
with tab_w:
    ui.table(
        summary.wilayah_counts(),
        {
            "kode": ui.t("data.kol_kode"),
            "nama_lengkap": ui.t("ringkasan.kol_kabkota"),
            "kecamatan": "Kecamatan",
            "desa": "Desa",
            "kelurahan": "Kelurahan",
            "penduduk": ui.t("data.kol_penduduk"),
        },
        key="tabel_wilayah",
    )
    st.caption(ui.t("data.atribusi"))
with tab_i:
    cat = spm_catalog.catalog()
    name_col = lang_column("nama", lang)
    ui.table(
        cat,
        {
            "kode_indikator": ui.t("data.kol_kode"),
            lang_column("bidang", lang): ui.t("data.kol_bidang"),
            name_col: ui.t("data.kol_nama"),
            "level": ui.t("data.kol_tingkat"),
            "periode_laporan": ui.t("data.kol_periode_lapor"),
            "sumber": ui.t("data.kol_sumber"),
        },
        key="tabel_indikator",
        height=420,
    )
