"""Upload page: check a file (every problem listed before anything is loaded), load it, import history and undo,
templates, and the administration panel. The work is done by dashboard.upload; this page only lays out."""

import streamlit as st

from dashboard.akses import auth, login, pertama_form
from dashboard.core import store, ui
from dashboard.core.i18n import data_text
from dashboard.data import summary
from dashboard.data import widgets as data_widgets
from dashboard.impor.kinds import KINDS
from dashboard.unggah import kelengkapan, peta, upload

lang = ui.lang()
ui.banner()
st.title(ui.t("unggah.judul_unggah"))
st.caption(ui.t("unggah.keterangan_unggah"))
db = store.db_path()
user = login.current_user()
OTOMATIS = "otomatis"


KIND_LABELS = {
    OTOMATIS: ui.t("unggah.jenis_otomatis"),
    **{key: kind.title_en if lang == "en" else kind.title_id for key, kind in KINDS.items()},
}


def kind_label(key: str) -> str:
    return KIND_LABELS.get(key, key)


def show_progress(text: str):
    bar = st.progress(0.0, text=text)
    return bar, lambda fraction, message: bar.progress(min(max(fraction, 0.0), 1.0), text=message)


pertama_form.notice()
done = st.session_state.pop("unggah_pesan", None)
if done:
    (st.success if done[0] == "ok" else st.error)(done[1], icon=":material/task_alt:" if done[0] == "ok" else None)

# --- upload ----------------------------------------------------------------------------------------------------------
st.subheader(ui.t("unggah.unggah_berkas"))
allowed, reason = auth.can_upload(user)
mix_sample = False  # real data go into a warehouse of their own, never silently into the synthetic sample
if user is not None and allowed and store.is_sample():
    st.warning(ui.t("unggah.sampel_ditolak"), icon=":material/science:")
    if auth.is_admin(user):
        mix_sample = st.checkbox(ui.t("unggah.campur_sampel"), key="unggah_campur_sampel",
                                 help=ui.t("unggah.campur_sampel_ket"))  # fmt: skip
if user is None:
    st.info(ui.t(reason), icon=":material/lock:")
    login.login_form("unggah")
    pertama_form.offer(db, login.secrets())  # a fresh install: create the first admin account
elif not allowed:
    st.error(ui.t(reason), icon=":material/block:")
elif store.is_sample() and not mix_sample:
    pass  # the warning above says how to start a real warehouse
else:
    if user.role == "operator":
        st.caption(
            ui.t("unggah.operator_batas", kabkota=store.wilayah_info(user.kabkota).get("nama_lengkap", user.kabkota))
        )
    kind_key = st.selectbox(ui.t("unggah.jenis"), [OTOMATIS, *KINDS], format_func=kind_label, key="unggah_jenis")
    round_no = st.session_state.setdefault("unggah_putaran", 0)
    file = st.file_uploader(
        ui.t("unggah.pilih_berkas"),
        type=list(upload.SUFFIXES),
        key=f"unggah_berkas_{round_no}",
        max_upload_size=upload.size_limit_mb(),
        help=ui.t("unggah.bantuan_berkas"),
    )
    st.caption(ui.t("unggah.batas_ukuran", mb=upload.size_limit_mb()))
    if file is not None:
        data = file.getvalue()
        requested = None if kind_key == OTOMATIS else kind_key
        signature = (upload.fingerprint(data), requested, user.login, lang)
        cached = st.session_state.get("unggah_hasil")
        if cached is None or cached[0] != signature:
            bar, progress = show_progress(ui.t("unggah.langkah_baca"))
            checked = upload.check_upload(data, file.name, requested, user, db, lang, progress=progress)
            bar.empty()
            st.session_state["unggah_hasil"] = (signature, checked)
        else:
            checked = cached[1]

        # the mapping step: a file in its own layout (header, columns, wide layout, recipes)
        mapping = None
        if checked.refusal is None or checked.report is not None:
            if upload.needs_mapping(checked):  # why the file as it is does not fit: the step below maps it
                st.warning(upload.md_escape(checked.report.messages(lang)[0]), icon=":material/table_edit:")
            mapping = peta.mapping_step(data, file.name, requested, expanded=upload.needs_mapping(checked))
        if mapping is not None and not mapping.is_empty():
            mapped_signature = (signature, repr(mapping))
            cached = st.session_state.get("unggah_hasil_peta")
            if cached is None or cached[0] != mapped_signature:
                bar, progress = show_progress(ui.t("unggah.langkah_baca"))
                checked = upload.check_upload(data, file.name, requested, user, db, lang, progress=progress,
                                              mapping=mapping)  # fmt: skip
                bar.empty()
                st.session_state["unggah_hasil_peta"] = (mapped_signature, checked)
            else:
                checked = cached[1]
            st.markdown("**" + ui.t("unggah.peta_hasil") + "**")
            note = peta.mapped_note(checked.report)
            if note:
                st.caption(upload.md_escape(note))

        report = checked.report
        if report is not None and report.unknown_columns:
            st.caption(
                upload.md_escape(
                    ui.t("impor.kolom_diabaikan", file=checked.name, kolom=", ".join(report.unknown_columns))
                )
            )
        for note in report.hidden_row_notes(lang) if report is not None else []:
            st.warning(upload.md_escape(note), icon=":material/visibility_off:")
        if checked.ok:
            st.success(upload.md_escape(checked.summary(lang)), icon=":material/check_circle:")
            if report.flagged:
                st.caption(ui.t("unggah.ditandai_ket", n=report.flagged))
            kelengkapan.show(report, lang)
        else:
            st.error(upload.md_escape(checked.summary(lang)), icon=":material/error:")
            problems = checked.problems(lang)
            if len(problems):
                st.markdown("**" + ui.t("unggah.daftar_kesalahan", n=len(problems)) + "**")
                st.dataframe(
                    problems,
                    hide_index=True,
                    key="unggah_kesalahan",
                    column_config={
                        "baris": st.column_config.NumberColumn(ui.t("unggah.kol_baris"), format="%d"),
                        "kolom": ui.t("unggah.kol_kolom"),
                        "nilai": ui.t("unggah.kol_nilai"),
                        "pesan": st.column_config.TextColumn(ui.t("unggah.kol_pesan"), width="large"),
                    },
                )
                st.download_button(
                    ui.t("unggah.unduh_kesalahan"),
                    data=upload.problems_csv(checked, lang),
                    file_name="kesalahan_" + checked.name.rsplit(".", 1)[0] + ".csv",
                    mime="text/csv",
                    key="unggah_unduh_kesalahan",
                    icon=":material/download:",
                )
            for hint in report.hints(lang) if report is not None else []:
                st.info(upload.md_escape(hint), icon=":material/lightbulb:")
            st.caption(ui.t("unggah.tidak_ada_yang_dimuat"))
            kelengkapan.show(report, lang)
        if len(checked.preview):
            with st.expander(ui.t("unggah.pratinjau", n=len(checked.preview), total=report.rows), expanded=checked.ok):
                st.dataframe(checked.preview, hide_index=True, key="unggah_pratinjau")
        if checked.ok and st.button(
            ui.t("unggah.muat", n=report.rows), type="primary", key="unggah_muat", icon=":material/upload:"
        ):
            bar, progress = show_progress(ui.t("unggah.langkah_muat"))
            loaded = upload.load_upload(data, checked, user, db, lang, progress=progress, mix_sample=mix_sample)
            store.clear_caches()
            if loaded.refusal:
                st.session_state["unggah_pesan"] = ("gagal", ui.t(loaded.refusal))
            else:
                text = (
                    upload.md_escape(loaded.report.summary(lang)) + " " + ui.t("unggah.id_impor", id=loaded.import_id)
                )
                st.session_state["unggah_pesan"] = ("ok", text)
            st.session_state.pop("unggah_hasil", None)
            st.session_state.pop("unggah_hasil_peta", None)
            st.session_state["unggah_putaran"] = round_no + 1  # a fresh, empty uploader
            st.rerun()
        if checked.ok and checked.mapping is not None:
            peta.save_recipe_form(checked.mapping, checked.kind)

# --- history and undo ------------------------------------------------------------------------------------------------
st.subheader(ui.t("unggah.riwayat"))
log = summary.import_log()
if log.empty:
    st.info(ui.t("unggah.riwayat_kosong"))
else:
    log = log.assign(
        waktu_teks=log["waktu"].dt.strftime("%Y-%m-%d %H:%M:%S"),
        sha256_pendek=log["sha256"].fillna("").str[:16],
        jenis_label=[kind_label(k) for k in log["jenis"]],
        nama_file=[data_text(v, ui.lang()) for v in log["nama_file"]],  # the sample's own entries in the UI language
        pengguna=[data_text(v, ui.lang()) for v in log["pengguna"]],
    )
    ui.table(
        log,
        {
            "id_impor": "ID",
            "waktu_teks": ui.t("unggah.kol_waktu"),
            "pengguna": ui.t("unggah.kol_pengguna"),
            "jenis_label": ui.t("unggah.kol_jenis"),
            "nama_file": ui.t("unggah.kol_berkas"),
            "sha256_pendek": "SHA-256",
            "baris_baru": ui.t("unggah.kol_baru"),
            "baris_diganti": ui.t("unggah.kol_diganti"),
            "baris_ditandai": ui.t("unggah.kol_ditandai"),
        },
        key="unggah_tabel_log",
    )
undone = upload.undo_history(db)
if len(undone):
    with st.expander(ui.t("unggah.dibatalkan", n=len(undone))):
        st.dataframe(
            undone,
            hide_index=True,
            key="unggah_tabel_batal",
            column_config={
                "dibatalkan": ui.t("unggah.kol_dibatalkan"),
                "oleh": ui.t("unggah.kol_oleh"),
                "id_impor": "ID",
                "jenis": ui.t("unggah.kol_jenis"),
                "nama_file": ui.t("unggah.kol_berkas"),
                "sha256": "SHA-256",
                "waktu_impor": ui.t("unggah.kol_waktu"),
                "pengguna_impor": ui.t("unggah.kol_pengguna"),
            },
        )

plan = upload.undo_plan(db, user)
if plan.entry:
    st.markdown("**" + ui.t("unggah.batal_judul") + "**")
    st.caption(
        upload.md_escape(
            ui.t(
                "unggah.impor_terakhir", id=plan.info["id"], file=plan.info["file"] or "–",
                pengguna=plan.entry.get("pengguna") or "–", waktu=str(plan.entry.get("waktu"))[:19],
            )
        )
    )  # fmt: skip
    if plan.possible and user is not None:
        sure = st.checkbox(ui.t("unggah.batal_yakin", id=plan.info["id"]), key="unggah_batal_yakin")
        if st.button(ui.t("unggah.batal_tombol"), key="unggah_batal", disabled=not sure, icon=":material/undo:"):
            try:
                upload.undo(db, plan, user)
            except upload.UndoRefused as refused:
                st.session_state["unggah_pesan"] = ("gagal", upload.md_escape(ui.t(refused.reason, **refused.info)))
            else:
                st.session_state["unggah_pesan"] = ("ok", ui.t("unggah.batal_berhasil", id=plan.info["id"]))
            store.clear_caches()
            st.session_state.pop("unggah_batal_yakin", None)
            st.rerun()
    else:
        st.info(upload.md_escape(ui.t(plan.reason, **plan.info)), icon=":material/info:")

# --- templates -------------------------------------------------------------------------------------------------------
st.subheader(ui.t("unggah.templat"))
st.caption(ui.t("unggah.templat_ket"))
data_widgets.template_buttons("unggah_templat", per_row=3)

# --- administration --------------------------------------------------------------------------------------------------
if auth.is_admin(user):
    st.subheader(ui.t("unggah.admin"))
    accounts = auth.accounts_overview(login.secrets())
    st.markdown("**" + ui.t("unggah.admin_akun") + "**")
    if accounts.empty:
        st.caption(ui.t("akses.belum_ada_akun"))
    else:
        accounts["peran"] = [ui.t("akses.peran." + r) if r in auth.ROLES else r for r in accounts["peran"]]
        accounts["cara"] = [ui.t("unggah.cara." + c) for c in accounts["cara"]]
        st.dataframe(
            accounts,
            hide_index=True,
            key="unggah_tabel_akun",
            column_config={
                "akun": ui.t("unggah.kol_akun"),
                "cara": ui.t("unggah.kol_cara"),
                "peran": ui.t("unggah.kol_peran"),
                "kabkota": ui.t("unggah.kol_kabkota"),
                "nama": ui.t("unggah.kol_nama"),
            },
        )
    st.caption(ui.t("unggah.admin_akun_ket"))
    kept = upload.backup_overview(db)
    st.markdown("**" + ui.t("unggah.admin_cadangan") + "**")
    if kept.empty:
        st.caption(ui.t("unggah.admin_cadangan_kosong"))
    else:
        kept["ukuran_mb"] = kept["ukuran"] / 1024 / 1024
        ui.table(
            kept,
            {"berkas": ui.t("unggah.kol_berkas"), "waktu": ui.t("unggah.kol_dicadangkan"), "ukuran_mb": "MB"},
            decimals={"ukuran_mb": 1},
            key="unggah_tabel_cadangan",
        )
    st.caption(
        ui.t(
            "unggah.admin_pengaturan",
            wajib=ui.t("unggah.ya") if auth.login_required_to_view() else ui.t("unggah.tidak"),
            mb=upload.size_limit_mb(),
        )
    )
elif user is not None:
    st.caption(ui.t("akses.admin_saja"))
