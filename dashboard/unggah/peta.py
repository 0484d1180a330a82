"""The upload page's mapping step: widgets only (the mapping itself is dashboard/impor/pemetaan.py).

Shown when an uploaded file does not match the contract: the header row found (another can be chosen), each
column's first values and a proposed role, file-wide values, rows to keep and to skip, a wide layout, and a saved
recipe applied with one choice. Returns the mapping the widgets describe; the page checks the file with it.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from dashboard.core import store, ui
from dashboard.impor import pemetaan, resep
from dashboard.impor.kinds import KINDS
from dashboard.impor.names import NameMatcher
from dashboard.impor.reader import FileProblem
from dashboard.spm import catalog
from dashboard.unggah import upload

NONE = ""


def _grid(data: bytes, name: str, sheet: str | None = None) -> pemetaan.Grid:
    key = ("unggah_peta_grid", upload.fingerprint(data), sheet)
    cached = st.session_state.get("unggah_peta_grid")
    if cached is None or cached[0] != key:
        cached = (key, upload.grid_of(data, name, sheet))
        st.session_state["unggah_peta_grid"] = cached
    return cached[1]


def mapping_step(data: bytes, name: str, requested_kind: str | None, expanded: bool) -> pemetaan.Mapping | None:
    """Lay out the mapping step for the uploaded bytes; the mapping when the user turned it on, else None."""
    with st.expander(ui.t("unggah.peta_judul"), expanded=expanded, icon=":material/table_edit:"):
        st.caption(ui.t("unggah.peta_ket"))
        on = st.toggle(
            ui.t("unggah.peta_pakai"), value=expanded, key=f"unggah_peta_pakai_{upload.fingerprint(data)[:10]}"
        )
        if not on:
            return None
        saved = resep.names()
        choice = st.selectbox(ui.t("unggah.peta_resep"), [NONE, *saved], key="unggah_peta_resep",
                              format_func=lambda r: r or ui.t("unggah.peta_tanpa_resep"),
                              help=ui.t("unggah.peta_resep_ket"))  # fmt: skip
        base = None
        if choice:
            try:
                base = resep.load(choice)
            except resep.RecipeProblem as problem:
                st.error(ui.t("impor.resep." + problem.code, **problem.info))
        try:
            grid = _grid(data, name, base.lembar if base else None)  # a recipe may name the sheet it reads
        except FileProblem as problem:
            st.error(ui.t("impor.berkas." + problem.code, **problem.info))
            return None
        # widgets start again from the recipe's (or the proposal's) values when the file or the recipe changes
        version = hashlib.sha256(f"{upload.fingerprint(data)}|{choice}".encode()).hexdigest()[:10]

        kinds = list(KINDS)
        kind_default = (base.jenis if base and base.jenis in KINDS else None) or requested_kind or "capaian"
        left, mid, right = st.columns(3)
        kind_key = left.selectbox(ui.t("unggah.peta_jenis"), kinds, index=kinds.index(kind_default),
                                  key=f"unggah_peta_jenis_{version}",
                                  format_func=lambda k: KINDS[k].title_en if ui.lang() == "en" else KINDS[k].title_id)  # fmt: skip
        kind = KINDS[kind_key]
        found = (base.baris_judul if base and base.baris_judul
                 else pemetaan.guess_header_rows(grid, [*base.kolom, *base.lebar] if base else None))  # fmt: skip
        first_default = found[0]
        second_default = found[1] if len(found) > 1 else 0
        first = mid.number_input(ui.t("unggah.peta_baris_judul"), min_value=1, value=int(first_default), step=1,
                                 key=f"unggah_peta_judul_{version}", help=ui.t("unggah.peta_baris_judul_ket"))  # fmt: skip
        second = right.number_input(ui.t("unggah.peta_baris_judul2"), min_value=0, value=int(second_default), step=1,
                                    key=f"unggah_peta_judul2_{version}", help=ui.t("unggah.peta_baris_judul2_ket"))  # fmt: skip
        header_rows = [int(first)] + ([int(second)] if second else [])
        try:
            head = pemetaan.header(grid, header_rows)
        except FileProblem as problem:
            st.error(ui.t("impor.berkas." + problem.code, **problem.info))
            return None
        codes = set(catalog.catalog()["kode_indikator"])
        matcher = NameMatcher(store.run("kabkota_names"))
        default = base or pemetaan.propose(grid, kind, header_rows, codes, matcher)
        roles, meanings = pemetaan.roles_of(default, head)

        st.markdown("**" + ui.t("unggah.peta_kolom_judul", baris=", ".join(map(str, header_rows))) + "**")
        overview = pemetaan.column_overview(grid, head)
        st.dataframe(
            overview, hide_index=True, key="unggah_peta_ikhtisar",
            column_config={"huruf": ui.t("unggah.peta_huruf"), "judul": ui.t("unggah.peta_judul_kolom"),
                           "contoh": ui.t("unggah.peta_contoh"), "peran": None},
        )  # fmt: skip
        st.caption(ui.t("unggah.peta_peran_ket"))
        options = [NONE, *kind.column_names, pemetaan.WIDE]

        def role_label(option: str) -> str:
            if option == NONE:
                return ui.t("unggah.peta_tidak_dipakai")
            return ui.t("unggah.peta_lebar") if option == pemetaan.WIDE else option

        chosen, chosen_meaning = {}, {}
        labels = [(i, label) for i, label in enumerate(head.labels) if label]
        for start in range(0, len(labels), 3):
            cols = st.columns(3)
            for col, (i, label) in zip(cols, labels[start : start + 3], strict=False):
                role = roles.get(label, NONE)
                chosen[label] = col.selectbox(
                    f"{pemetaan.column_letter(i)}: {label}", options, index=options.index(role) if role in options else 0,
                    format_func=role_label, key=f"unggah_peta_peran_{version}_{i}",
                )  # fmt: skip
                if chosen[label] == pemetaan.WIDE:
                    chosen_meaning[label] = col.text_input(
                        ui.t("unggah.peta_arti"), value=meanings.get(label, ""), key=f"unggah_peta_arti_{version}_{i}",
                        help=ui.t("unggah.peta_arti_ket"), placeholder="kes_ibu_hamil/terlayani",
                    )  # fmt: skip

        st.markdown("**" + ui.t("unggah.peta_tetap") + "**")
        left, right = st.columns(2)
        tetap = {}
        fixed = dict(base.tetap) if base else {}
        if "periode" in kind.column_names:
            tetap["periode"] = left.text_input(ui.t("unggah.peta_periode"), value=fixed.get("periode", ""),
                                               key=f"unggah_peta_periode_{version}", placeholder="2026-06",
                                               help=ui.t("unggah.peta_periode_ket"))  # fmt: skip
        if "kode_indikator" in kind.column_names:
            cat = catalog.catalog()
            names = dict(zip(cat["kode_indikator"], cat["nama_en" if ui.lang() == "en" else "nama_id"], strict=True))
            choices = [NONE, *sorted(names)]
            current = fixed.get("kode_indikator", NONE)
            tetap["kode_indikator"] = right.selectbox(
                ui.t("unggah.peta_indikator"), choices, index=choices.index(current) if current in choices else 0,
                format_func=lambda c: f"{c} – {names[c]}" if c else ui.t("unggah.peta_indikator_dari_kolom"),
                key=f"unggah_peta_indikator_{version}",
            )  # fmt: skip

        st.markdown("**" + ui.t("unggah.peta_baris") + "**")
        column_choices = [NONE, *(label for _, label in labels)]
        saring = _rows_by_value(grid, head, column_choices, base.saring if base else {}, "saring", version)
        lewati = _rows_by_value(grid, head, column_choices, base.lewati if base else {}, "lewati", version)
        numbers_text = st.text_input(
            ui.t("unggah.peta_lewati_baris"), value=", ".join(map(str, base.lewati_baris)) if base else "",
            key=f"unggah_peta_lewati_baris_{version}", placeholder="5, 30-32",
        )  # fmt: skip
        numbers = pemetaan.row_numbers(numbers_text)
        if numbers is None:
            st.error(ui.t("unggah.peta_lewati_baris_salah", nilai=numbers_text))
            numbers = []
        mapping = pemetaan.from_choices(
            kind_key, header_rows, chosen, chosen_meaning, tetap, saring, lewati, numbers, base
        )
        _blocks_and_recodes(mapping, base, column_choices, version)
        return mapping


def _blocks_and_recodes(mapping: pemetaan.Mapping, base, column_choices: list[str], version: str) -> None:
    """Blocks of rows (a label row above each block gives its meaning) and recoded values, as lines of text."""
    st.markdown("**" + ui.t("unggah.peta_blok_judul") + "**")
    left, right = st.columns(2)
    default_column = base.blok_kolom if base and base.blok_kolom in column_choices else NONE
    column = left.selectbox(
        ui.t("unggah.peta_blok_kolom"), column_choices, index=column_choices.index(default_column),
        format_func=lambda c: c or ui.t("unggah.peta_blok_kolom_bawaan"), key=f"unggah_peta_blok_kolom_{version}",
    )  # fmt: skip
    blocks_text = left.text_area(
        ui.t("unggah.peta_blok"), value=pemetaan.block_lines(base) if base else "", key=f"unggah_peta_blok_{version}",
        placeholder="SD/MI=pend_dikdas_7_15\nSMP/MTs=abaikan", help=ui.t("unggah.peta_blok_ket"),
    )  # fmt: skip
    recode_text = right.text_area(
        ui.t("unggah.peta_ganti"), value=pemetaan.recode_lines(base) if base else "",
        key=f"unggah_peta_ganti_{version}", placeholder="Jenis Layanan:Ibu Hamil=kes_ibu_hamil",
        help=ui.t("unggah.peta_ganti_ket"),
    )  # fmt: skip
    blocks, bad_blocks = pemetaan.parse_lines(blocks_text)
    recodes, bad_recodes = pemetaan.parse_lines(recode_text, recode=True)
    for line in [*bad_blocks, *bad_recodes]:
        st.error(ui.t("unggah.peta_baris_teks_salah", baris=line))
    mapping.blok, mapping.blok_kolom, mapping.ganti = blocks, column or None, recodes


def _rows_by_value(grid, head, column_choices, default: dict[str, list[str]], what: str, version: str) -> dict:
    """One column and some of its values: rows to keep (``saring``) or to skip (``lewati``)."""
    default_column = next(iter(default), NONE)
    if default_column not in column_choices:
        default_column = NONE
    left, right = st.columns([1, 2])
    column = left.selectbox(
        ui.t(f"unggah.peta_{what}_kolom"), column_choices, index=column_choices.index(default_column),
        format_func=lambda c: c or ui.t("unggah.peta_tidak_ada"), key=f"unggah_peta_{what}_kolom_{version}",
    )  # fmt: skip
    if not column:
        return {}
    index = head.find(column)
    values = pemetaan.column_values(grid, head, index) if index is not None else []
    preset = [v for v in default.get(column, []) if v in values]
    picked = right.multiselect(ui.t(f"unggah.peta_{what}_nilai"), values, default=preset,
                               key=f"unggah_peta_{what}_nilai_{version}_{column}")  # fmt: skip
    return {column: picked} if picked else {}


def save_recipe_form(mapping: pemetaan.Mapping, kind: str | None) -> None:
    """Save the mapping that was just accepted as a named recipe."""
    left, right = st.columns([2, 1])
    name = left.text_input(ui.t("unggah.peta_simpan_nama"), value=mapping.nama or "", key="unggah_peta_simpan_nama",
                           help=ui.t("unggah.peta_simpan_ket"), placeholder="rekap_desa_banjar")  # fmt: skip
    if right.button(ui.t("unggah.peta_simpan"), key="unggah_peta_simpan", icon=":material/save:"):
        try:
            stored = pemetaan.Mapping(**{**mapping.__dict__, "jenis": mapping.jenis or kind})
            path = resep.save(name.strip(), stored)
        except resep.RecipeProblem as problem:
            st.error(ui.t("impor.resep." + problem.code, **problem.info))
        else:
            st.success(ui.t("impor.resep_disimpan", nama=name.strip(), path=path.name), icon=":material/save:")


def mapped_note(report) -> str | None:
    """What the mapping did with the file's rows (read, left out, empty wide cells, contract rows)."""
    m = getattr(report, "mapped", None)
    if m is None:
        return None
    return ui.t("impor.pemetaan_catatan", file=report.file, baca=m.read_rows, lewat=m.dropped_rows,
                kosong=m.empty_cells, panjang=len(m.rows))  # fmt: skip
