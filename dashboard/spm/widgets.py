"""Streamlit pieces shared by the field, ranking and trend pages: the indicator dictionary popover, the league
table with its highlighting, click-to-select callbacks and the family/field/indicator/grain pickers.

Everything that computes lives in scoring.py / league.py / bidang/data.py / series.py; this module only lays out.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from dashboard.core import fmt, store, ui
from dashboard.core.i18n import t
from dashboard.spm import charts as spm_charts
from dashboard.spm import coverage, league, palette, scoring
from dashboard.spm.scoring import SEMUA

SELECT_BG = palette.SELECT_BG
NEIGHBOUR_BG = palette.NEIGHBOUR_BG


# --- pickers -------------------------------------------------------------------------------------------


FAMILY_KEYS = {
    "spm_resmi": "spm.keluarga_spm_resmi",
    "posyandu": "spm.keluarga_posyandu",
    "transformasi": "spm.keluarga_transformasi",
}


def family_label(keluarga: str) -> str:
    return ui.t(FAMILY_KEYS[keluarga])


def grain_label(gran: str) -> str:
    return ui.t(f"spm.gran_{gran}")


def field_name(fields: pd.DataFrame, kode: str) -> str:
    if kode == SEMUA:
        return ui.t("spm.semua_bidang")
    row = fields[fields["kode_bidang"] == kode]
    if row.empty:
        return kode
    return str(row["nama_en" if ui.lang() == "en" else "nama_id"].iloc[0])


def indicator_name(catalog: pd.DataFrame, kode: str) -> str:
    row = catalog[catalog["kode_indikator"] == kode]
    if row.empty:
        return kode
    return str(row["nama_en" if ui.lang() == "en" else "nama_id"].iloc[0])


def scoreable(catalog: pd.DataFrame, keluarga: str) -> pd.DataFrame:
    """Indicators of a family that kab/kota report (official: kab/kota-level services)."""
    rows = catalog[catalog["keluarga"] == keluarga]
    return rows[rows["level"] != "provinsi"]


def codes_in_scope(catalog: pd.DataFrame, pilihan: scoring.Pilihan) -> list[str]:
    """The indicators a score of ``pilihan`` rests on (for the dictionary and the funnel picker)."""
    if pilihan.satu_indikator:
        return [pilihan.indikator]
    rows = scoreable(catalog, pilihan.keluarga)
    if pilihan.bidang != SEMUA:
        rows = rows[rows["kode_bidang"] == pilihan.bidang]
    return rows["kode_indikator"].tolist()


def choose_scope(catalog: pd.DataFrame, fields: pd.DataFrame, prefix: str, columns: Sequence,
                 family_label_key: str = "spm.keluarga") -> scoring.Pilihan:  # fmt: skip
    """Family, field and indicator selectboxes (URL-backed keys ``keluarga``, ``<prefix>_bidang``, ``<prefix>_ind``)."""
    c_fam, c_field, c_ind = columns
    ui.from_url("keluarga", "spm_resmi", scoring.KELUARGA)
    c_fam.selectbox(ui.t(family_label_key), scoring.KELUARGA, key="keluarga", format_func=family_label,
                    help=ui.t("spm.keluarga_bantuan"))  # fmt: skip
    keluarga = st.session_state["keluarga"]
    rows = scoreable(catalog, keluarga)
    field_codes = [f for f in fields["kode_bidang"] if f in set(rows["kode_bidang"])]
    field_options = field_codes if keluarga == "transformasi" else [SEMUA, *field_codes]
    ui.from_url(f"{prefix}_bidang", field_options[0], field_options)
    c_field.selectbox(ui.t("spm.bidang"), field_options, key=f"{prefix}_bidang",
                      format_func=lambda k: field_name(fields, k))  # fmt: skip
    bidang = st.session_state[f"{prefix}_bidang"]
    ind_codes = rows[rows["kode_bidang"] == bidang]["kode_indikator"].tolist() if bidang != SEMUA else []
    ind_options = [SEMUA, *ind_codes]
    ui.from_url(f"{prefix}_ind", SEMUA, ind_options)
    c_ind.selectbox(
        ui.t("spm.indikator"), ind_options, key=f"{prefix}_ind", disabled=bidang == SEMUA,
        format_func=lambda k: ui.t(f"spm.skor_gabungan_{keluarga}") if k == SEMUA else indicator_name(catalog, k),
    )  # fmt: skip
    return scoring.Pilihan(keluarga, bidang, st.session_state[f"{prefix}_ind"])


def choose_grain(column, options: Sequence[str], default: str, disabled: bool = False) -> str:
    """The time grain (URL key ``waktu``) as a segmented control (``disabled`` where the view fixes the grain)."""
    ui.from_url("waktu", default if default in options else options[0], list(options))
    column.segmented_control(
        ui.t("spm.waktu"), list(options), key="waktu", format_func=grain_label, required=True, disabled=disabled
    )
    return st.session_state["waktu"] or options[0]


def metric_label(pilihan: scoring.Pilihan, catalog: pd.DataFrame, fields: pd.DataFrame) -> str:
    """What the score is, in words: an indicator's coverage, a field index or the overall index of the family."""
    if pilihan.satu_indikator:
        return ui.t("spm.metrik_indikator", nama=indicator_name(catalog, pilihan.indikator))
    if pilihan.bidang != SEMUA:
        return ui.t(f"spm.metrik_bidang_{pilihan.keluarga}", bidang=field_name(fields, pilihan.bidang))
    return ui.t(f"spm.metrik_semua_{pilihan.keluarga}")


# --- indicator dictionary --------------------------------------------------------------------------------


def dictionary_entries(catalog: pd.DataFrame, codes: Sequence[str], lang: str) -> list[str]:
    """Markdown of each indicator's dictionary entry: name, numerator, denominator, formula, level, period, regulation."""
    out = []
    rows = catalog.set_index("kode_indikator")
    for code in dict.fromkeys(codes):
        if code not in rows.index:
            continue
        r = rows.loc[code]
        name = r["nama_en"] if lang == "en" else r["nama_id"]
        formula = t("spm.kamus_rumus", lang, pembilang=t("spm.kamus_pembilang", lang), penyebut=t("spm.kamus_penyebut", lang)) if lang == "en" else t("spm.kamus_rumus", lang, pembilang=r["pembilang_id"], penyebut=r["penyebut_id"])
        if not bool(r["lebih_tinggi_lebih_baik"]):
            formula += " · " + t("spm.kamus_lebih_rendah", lang)
        level = t(f"spm.level_{r['level']}", lang)
        period = t(f"spm.periode_laporan_{r['periode_laporan']}", lang)
        # the numerator and denominator are the regulation's own Indonesian wording: in English they say so
        official = f" ({t('spm.kamus_resmi_id', lang)})" if lang == "en" else ""
        lines = [
            f"**{name}** (`{code}`)",
            f"- {t('spm.kamus_pembilang', lang)}{official}: {r['pembilang_id']}",
            f"- {t('spm.kamus_penyebut', lang)}{official}: {r['penyebut_id']}",
            f"- {t('spm.kamus_formula', lang)}: {formula}",
            f"- {t('spm.kamus_level', lang)}: {level}",
            f"- {t('spm.kamus_periode', lang)}: {period}",
            f"- {t('spm.kamus_regulasi', lang)}: {r['sumber']}",
            f"- {t('spm.kamus_standar_teknis', lang)}: {_technical_standard(r, lang)}",
            f"- {t('spm.kamus_keluarga', lang)}: {t(FAMILY_KEYS[str(r['keluarga'])], lang)}",
        ]
        out.append("\n".join(lines))
    return out


def _technical_standard(r: pd.Series, lang: str) -> str:
    """The technical-standard regulation and whether the citation is verified (catalog columns regulasi_*)."""
    reg = r.get("regulasi_teknis")
    if reg is None or pd.isna(reg) or not str(reg).strip():
        return t("spm.kamus_tanpa_standar", lang)
    ok = r.get("regulasi_terverifikasi")
    status = t("spm.kamus_terverifikasi" if ok is not None and not pd.isna(ok) and bool(ok) else
               "spm.kamus_belum_terverifikasi", lang)  # fmt: skip
    return f"{reg} ({status})"


def dictionary(catalog: pd.DataFrame, codes: Sequence[str], key: str) -> None:
    """A 'Kamus indikator' popover with the entries of ``codes`` (placed next to a figure)."""
    with st.popover(ui.t("spm.kamus"), icon=":material/menu_book:", key=key):
        entries = _dictionary_entries(catalog, tuple(codes), ui.lang())
        if not entries:
            st.caption(ui.t("spm.kamus_kosong"))
        for entry in entries:
            st.markdown(entry)


@store.cached()
def _dictionary_entries(catalog: pd.DataFrame, codes: tuple[str, ...], lang: str) -> list[str]:
    return dictionary_entries(catalog, codes, lang)  # keyed by the catalog's content, the codes and the language


# --- selection callbacks ---------------------------------------------------------------------------------


def select_district(kode: str | None, valid: Sequence[str]) -> None:
    """Make ``kode`` the selected kab/kota (the sidebar filter ``kab``); ignored unless it is a valid code."""
    if kode and kode in set(valid):
        st.session_state["kab"] = kode


def on_map_click(key: str, valid: Sequence[str]) -> None:
    select_district(spm_charts.selected_area(st.session_state.get(key)), valid)


def on_table_select(key: str, codes: Sequence[str], valid: Sequence[str]) -> None:
    state = st.session_state.get(key)
    try:
        rows = state["selection"]["rows"]  # type: ignore[index]
    except (KeyError, TypeError):
        return
    if rows and 0 <= rows[0] < len(codes):
        select_district(codes[rows[0]], valid)


# --- league table ----------------------------------------------------------------------------------------


def province_coverage(prov: pd.Series | None, pilihan: scoring.Pilihan, catalog: pd.DataFrame, lang: str) -> str:
    """"Provinsi (gabungan): 12 dari 13 kab/kota dalam nilai; …" for one indicator, or the completeness of a
    composite, with the partial sentence when the province value is partial; "" without a province value."""
    if prov is None or pd.isna(prov.get("skor")):
        return ""
    if pilihan.satu_indikator:
        level = catalog.loc[catalog["kode_indikator"] == pilihan.indikator, "level"]
        text = coverage.describe_units(prov, level.iloc[0] if len(level) else None, lang)
    else:
        text = coverage.describe_completeness(prov.get("kelengkapan_unit"), lang)
    if not text:
        return ""
    text = ui.t("spm.provinsi_cakupan", teks=text)
    if bool(prov.get("sebagian")):
        text += " " + coverage.explain_partial(prov["kelengkapan_unit"], lang)
    return text


def league_display(table: pd.DataFrame, pilihan: scoring.Pilihan, cfg: scoring.Pengaturan, lang: str) -> pd.DataFrame:
    """The league table as shown: translated headers, arrows, CI and rank-range text, flags in words."""
    notes = []
    for r in table.itertuples(index=False):
        flags = []
        if getattr(r, "sebagian", False):
            flags.append(ui.t("spm.flag_sebagian", persen=fmt.persen(r.kelengkapan_unit, 0, lang)))
        if r.penyebut_kecil:
            flags.append(ui.t("spm.flag_penyebut_kecil", n=fmt.angka(cfg.peringkat.ambang_penyebut_kecil, 0, lang)))
        if r.kelengkapan_rendah:
            flags.append(ui.t("spm.flag_kelengkapan", n=fmt.angka(cfg.peringkat.ambang_kelengkapan_persen, 0, lang)))
        if r.lebih_100:
            flags.append(ui.t("spm.flag_lebih_100"))
        elif r.tanpa_penyebut:
            flags.append(ui.t("spm.flag_tanpa_penyebut"))
        notes.append(" · ".join(flags))
    out = pd.DataFrame(
        {
            "peringkat": table["peringkat"],
            "gerak": [league.arrow(c) for c in table["perubahan"]],
            "nama": table["nama_lengkap"],
            "skor": table["skor"],
            "kategori": table["kategori"],
            "ik": [fmt.NA if pd.isna(lo) else f"{fmt.angka(lo, 1, lang)}–{fmt.angka(hi, 1, lang)}"
                   for lo, hi in zip(table["ci_lo"], table["ci_hi"], strict=True)],
            "rentang": [fmt.NA if pd.isna(a) else (str(a) if a == b else f"{a}–{b}")
                        for a, b in zip(table["rentang_dari"], table["rentang_sampai"], strict=True)],
            "kelengkapan": table["kelengkapan_persen"],
            "catatan": notes,
        }
    )  # fmt: skip
    if pilihan.satu_indikator:
        out.insert(4, "layan", [fmt.NA if pd.isna(t) else f"{fmt.angka(t, 0, lang)} / {fmt.angka(s, 0, lang)}"
                               for t, s in zip(table["terlayani"], table["sasaran"], strict=True)])  # fmt: skip
    return out


def league_styler(display: pd.DataFrame, table: pd.DataFrame, headers: dict[str, str], selected: str | None,
                  near: Sequence[str], lang: str):  # fmt: skip
    """A Styler: category colour in the category cell, selected district and its rank neighbours shaded."""
    codes = table["kode_wilayah"].tolist()
    colors = table["warna"].tolist()
    view = display.rename(columns=headers)

    def row_style(row: pd.Series) -> list[str]:
        kode = codes[row.name]
        if kode == selected:
            return [f"background-color: {SELECT_BG}; font-weight: 700"] * len(row)
        if kode in near:
            return [f"background-color: {NEIGHBOUR_BG}"] * len(row)
        return [""] * len(row)

    def cat_style(col: pd.Series) -> list[str]:
        return [
            f"background-color: {colors[i]}; color: {spm_charts._text_color(colors[i])}"
            if isinstance(colors[i], str)
            else ""
            for i in col.index
        ]

    styler = view.style.apply(row_style, axis=1)
    styler = styler.apply(cat_style, subset=[headers["kategori"]], axis=0)
    styler = styler.format(lambda v: fmt.persen(v, 1, lang), subset=[headers["skor"], headers["kelengkapan"]])
    if "kualitas" in headers:
        styler = styler.format(lambda v: fmt.angka(v, 0, lang), subset=[headers["kualitas"]])
    styler = styler.format(lambda v: fmt.NA if pd.isna(v) else str(int(v)), subset=[headers["peringkat"]])
    flagged = [i for i, over in enumerate(table["lebih_100"].astype(bool)) if over]
    if flagged:  # never a confident rank on a capped >100 % value: the flag sits next to the rank
        flag = t("spm.flag_peringkat_lebih_100", lang)
        styler = styler.format(lambda v: fmt.NA if pd.isna(v) else f"{int(v)} {flag}",
                               subset=pd.IndexSlice[flagged, [headers["peringkat"]]])  # fmt: skip
    styler = styler.format(lambda v: v if isinstance(v, str) else fmt.NA, subset=[headers["kategori"]])
    return styler.hide(axis="index")


# --- field page table ------------------------------------------------------------------------------------


def indicator_styler(view: pd.DataFrame, headers: dict[str, str], lang: str):
    """The field page's indicator table: numbers in the language's format (sorting keeps raw values), deltas signed,
    category cell in its colour."""
    colors = view["warna"].tolist() if "warna" in view.columns else [None] * len(view)
    shown = view[list(headers)].rename(columns=headers)

    def cat_style(col: pd.Series) -> list[str]:
        return [
            f"background-color: {colors[i]}; color: {spm_charts._text_color(colors[i])}"
            if isinstance(colors[i], str)
            else ""
            for i in range(len(col))
        ]

    styler = shown.style
    if "kategori" in headers:
        styler = styler.apply(cat_style, subset=[headers["kategori"]], axis=0)
        styler = styler.format(lambda v: v if isinstance(v, str) else fmt.NA, subset=[headers["kategori"]])
    pct = [headers[c] for c in ("capaian_tampil",) if c in headers]
    counts = [headers[c] for c in ("terlayani", "sasaran", "gap") if c in headers]
    deltas = [headers[c] for c in ("delta_lalu", "delta_tahun_lalu") if c in headers]
    if pct:
        styler = styler.format(lambda v: fmt.persen(v, 1, lang), subset=pct)
    if counts:
        styler = styler.format(lambda v: fmt.angka(v, 0, lang), subset=counts)
    if deltas:
        styler = styler.format(lambda v: fmt.selisih(v, 1, lang, satuan=""), subset=deltas)
    return styler.hide(axis="index")
