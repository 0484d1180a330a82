"""Conventions of published tables, read without a mapping, and the completeness of a validated file.

Applied to the raw cells of a file (:class:`~dashboard.impor.reader.RawTable`) before staging, so every row keeps
the number the user sees in the original file:

* the area: a 4-digit BPS kab/kota code (``6303``) is the warehouse's code (``63.03``); ``6300``, "Provinsi
  Kalimantan Selatan" or "KALIMANTAN SELATAN" is the province (``63``); a code in a name column is read as a code;
* rows that are not data: national rows (``0000``, "Indonesia"), total rows ("JUMLAH", "Total"), the province row of
  an indicator that is not provincial (the province figure is computed from the kab/kota), and combined areas that
  cannot be split ("Banjar dan Banjarbaru") are skipped, each with a :class:`Note` the user sees;
* ``-``, ``…`` and ``...`` in a value cell are no data (empty, never zero); a coverage row left without a value is
  skipped with a note.

A bare year in ``periode`` is read in the staging SQL (queries/staging/stg_capaian.sql), which knows the indicator's
periodicity. :func:`completeness` says, after a successful validation, which expected areas each period and
indicator of the file lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from dashboard import REFERENSI_DIR
from dashboard.core import fmt
from dashboard.core.i18n import t
from dashboard.core.warehouse import query_df
from dashboard.impor.kinds import Kind
from dashboard.impor.names import NameMatcher
from dashboard.impor.reader import RawTable

PROVINCE_CODE = "63"
NO_DATA = frozenset({"-", "–", "—", "…", "...", "..", "-.-"})
ROWS_SHOWN = 10  # row numbers listed in a note
COMPLETENESS_SHOWN = 40  # incomplete (period, indicator) lines listed in a report

# columns that identify a row (never "no data"): the rest of a kind's columns hold values
KEY_COLUMNS = frozenset({
    "periode", "kode_wilayah", "nama_wilayah", "kode_indikator", "kode_bencana", "nama", "jenis", "tanggal_mulai",
    "tanggal_selesai", "status", "keterangan", "tanggal", "tahun", "kode_bidang",
})  # fmt: skip

_PROVINCE_NAMES = frozenset({
    "kalimantanselatan", "provinsikalimantanselatan", "provkalimantanselatan", "kalsel", "provinsikalsel", "provkalsel",
    "pemerintahprovinsikalimantanselatan", "pemprovkalsel",
})  # fmt: skip
_NATIONAL_NAMES = frozenset({"indonesia", "nasional", "national"})
_TOTAL = re.compile(r"^(jumlah|total|grand\s*total|sub\s*total|subtotal)\b", re.IGNORECASE)
_COMBINED = re.compile(r"\s+(?:dan|&|\+)\s+|\s*[&+]\s*", re.IGNORECASE)
_CODE_SHAPED = re.compile(r"[\d.\s]+")


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


@dataclass
class Note:
    """Something the user should know about an accepted file that is not an error (rows skipped, cells read as no
    data, a bare year read as annual). ``code`` is an i18n key under ``impor.catatan.``."""

    code: str
    rows: list[int] = field(default_factory=list)
    info: dict = field(default_factory=dict)

    def message(self, file: str, lang: str = "id") -> str:
        shown = ", ".join(str(r) for r in self.rows[:ROWS_SHOWN])
        if len(self.rows) > ROWS_SHOWN:
            shown += f", … (+{len(self.rows) - ROWS_SHOWN})"
        text = t("impor.catatan." + self.code, lang, n=len(self.rows), baris=shown, **self.info)
        return t("impor.pesan_berkas", lang, file=file, reason=text)


@dataclass
class Combined:
    """A row naming several kab/kota at once ("Banjar dan Banjarbaru"): it cannot be split, so it is skipped."""

    row: int
    text: str
    codes: tuple[str, ...]


@dataclass
class Completeness:
    """Expected areas of one (period, indicator) of a validated file: the areas at the indicator's level."""

    periode: str  # YYYY-MM
    kode_indikator: str
    expected: int
    present: int
    unit: str  # 'kabkota' | 'desa'
    missing: list[str] = field(default_factory=list)  # kab/kota names (unit kabkota) or "name present/expected"
    absent_kabkota: list[str] = field(default_factory=list)  # unit desa: kab/kota with no desa in the file
    combined: list[tuple[str, int]] = field(default_factory=list)  # (text, row) of combined areas covering missing ones

    @property
    def complete(self) -> bool:
        return self.present >= self.expected

    def message(self, file: str, lang: str = "id") -> str:
        key = "impor.lengkap." + self.unit
        text = t(key, lang, periode=self.periode, indikator=self.kode_indikator, ada=fmt.angka(self.present, lang=lang),
                 dari=fmt.angka(self.expected, lang=lang))  # fmt: skip
        if self.unit == "kabkota" and self.missing:
            text += "; " + t("impor.lengkap.tidak_ada", lang, nama=", ".join(self.missing))
        if self.unit == "desa":
            if self.absent_kabkota:
                text += "; " + t("impor.lengkap.kabkota_tanpa_desa", lang, nama=", ".join(self.absent_kabkota))
            if self.missing:
                text += "; " + t("impor.lengkap.kurang_lengkap", lang, daftar=", ".join(self.missing))
        if self.combined:
            shown = "; ".join(
                f"'{text_}' ({t('impor.lengkap.baris', lang, baris=row)})" for text_, row in self.combined
            )
            text += "; " + t("impor.lengkap.gabungan", lang, gabungan=shown)
        return t("impor.pesan_berkas", lang, file=file, reason=text)


@dataclass
class Applied:
    """What :func:`apply` did to a file: the notes to show, and the combined areas it skipped."""

    notes: list[Note] = field(default_factory=list)
    combined: list[Combined] = field(default_factory=list)


def bps_codes() -> dict[str, str]:
    """4-digit BPS kab/kota code -> the warehouse's (Kemendagri) code, from the reference data."""
    ref = pd.read_csv(REFERENSI_DIR / "kalsel_wilayah_kabkota.csv", dtype=str)
    return dict(zip(ref["kode_bps"], ref["kode"], strict=True))


def _is_code(text: str | None) -> bool:
    return bool(text) and bool(_CODE_SHAPED.fullmatch(text)) and any(ch.isdigit() for ch in text)


def _digits(text: str) -> str:
    return re.sub(r"[.\s]", "", text)


def apply(con: duckdb.DuckDBPyConnection, kind: Kind, raw: RawTable) -> Applied:
    """Read the conventions of ``raw`` in place (see the module doc); returns the notes for the report."""
    out = Applied()
    frame = raw.frame
    if frame.empty:
        return out
    if "kode_wilayah" in kind.column_names:
        _areas(con, kind, raw, out)
    _no_data(kind, raw, out)
    if kind.key == "capaian" and "periode" in raw.frame:
        years = raw.frame["periode"].astype("string").str.fullmatch(r"(19|20|21)\d{2}").fillna(False).astype(bool)
        if years.any():
            shown = sorted(set(raw.frame.loc[years, "periode"]))
            out.notes.append(Note("tahun_saja", [int(b) for b in raw.frame.loc[years, "_baris"]],
                                  {"tahun": ", ".join(shown)}))  # fmt: skip
    return out


def _drop(raw: RawTable, mask: pd.Series) -> list[int]:
    rows = [int(b) for b in raw.frame.loc[mask, "_baris"]]
    raw.frame = raw.frame.loc[~mask].reset_index(drop=True)
    return rows


def _areas(con: duckdb.DuckDBPyConnection, kind: Kind, raw: RawTable, out: Applied) -> None:
    frame = raw.frame
    if "kode_wilayah" not in frame and "nama_wilayah" not in frame:
        return
    for col in ("kode_wilayah", "nama_wilayah"):
        if col not in frame:
            frame[col] = pd.Series([None] * len(frame), dtype="object")
    kode, nama = frame["kode_wilayah"].copy(), frame["nama_wilayah"].copy()
    # a code in the name column (a "Kabupaten/Kota" column holding 6303) is a code; a name in a code column stays an
    # error (the contract: a code column holds codes)
    swap_to_kode = nama.notna() & kode.isna()
    swap_to_kode[swap_to_kode] = nama[swap_to_kode].map(_is_code)
    kode[swap_to_kode], nama[swap_to_kode] = nama[swap_to_kode], None
    bps = bps_codes()

    # classify each distinct (code, name) pair once: a file of 100,000 desa rows has a few thousand pairs
    pairs = pd.DataFrame({"k": kode, "n": nama}, dtype="object")
    distinct = pairs.drop_duplicates().reset_index(drop=True)
    roles = [_classify(k, n, bps) for k, n in zip(distinct["k"], distinct["n"], strict=True)]
    distinct[["role", "kode", "nama"]] = pd.DataFrame(roles, columns=["role", "kode", "nama"], dtype="object")
    looked_up = pairs.merge(distinct, on=["k", "n"], how="left", sort=False)
    looked_up.index = frame.index
    role = looked_up["role"]
    frame["kode_wilayah"] = looked_up["kode"].astype("object").where(looked_up["kode"].notna(), None)
    frame["nama_wilayah"] = looked_up["nama"].astype("object").where(looked_up["nama"].notna(), None)
    national = list(frame.index[role == "nasional"])
    total = list(frame.index[role == "jumlah"])
    province = list(frame.index[role == "provinsi"])

    def area_text(i: int) -> str:
        return str(nama.iat[i] if isinstance(nama.iat[i], str) else kode.iat[i] or "")

    skip = pd.Series(False, index=frame.index)
    if national:
        mask = frame.index.isin(national)
        out.notes.append(Note("nasional", [int(b) for b in frame.loc[mask, "_baris"]]))
        skip |= mask
    if total:
        mask = frame.index.isin(total)
        out.notes.append(Note("jumlah", [int(b) for b in frame.loc[mask, "_baris"]],
                              {"teks": ", ".join(sorted({area_text(i) for i in total}))}))  # fmt: skip
        skip |= mask
    if province and kind.key == "capaian" and "kode_indikator" in frame:
        levels = dict(query_df(con, "indikator_tingkat")[["kode_indikator", "level"]].itertuples(index=False))
        not_provincial = [
            i for i in province
            if levels.get(str(frame["kode_indikator"].iat[i] or "").strip().lower(), "provinsi") != "provinsi"
        ]  # fmt: skip
        if not_provincial:
            mask = frame.index.isin(not_provincial)
            out.notes.append(Note("provinsi", [int(b) for b in frame.loc[mask, "_baris"]]))
            skip |= mask
    combined = _combined(con, frame, skip)
    if combined:
        mask = frame.index.isin([i for i, _ in combined])
        out.combined = [c for _, c in combined]
        for c in out.combined:
            out.notes.append(Note("gabungan", [c.row], {"teks": c.text}))
        skip |= mask
    if skip.any():
        _drop(raw, skip)


def _classify(k: object, n: object, bps: dict[str, str]) -> tuple[str, str | None, str | None]:
    """(role, code, name) of one area cell pair: role 'nasional', 'jumlah', 'provinsi' or 'data'."""
    k = k if isinstance(k, str) else None
    n = n if isinstance(n, str) else None
    digits = _digits(k) if isinstance(k, str) and _is_code(k) else None
    squashed = _squash(n) if isinstance(n, str) else ""
    label = n if isinstance(n, str) else (k if isinstance(k, str) else "")
    if digits in ("0000", "00") or squashed in _NATIONAL_NAMES:
        return "nasional", k, n
    if label and _TOTAL.match(label.strip()):
        return "jumlah", k, n
    if digits in ("6300", "63") or squashed in _PROVINCE_NAMES:
        return "provinsi", PROVINCE_CODE, None
    if digits is not None and len(digits) == 4 and digits in bps:
        return "data", bps[digits], n
    return "data", k, n


def _combined(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, skip: pd.Series) -> list[tuple[int, Combined]]:
    """Rows whose area name joins several known kab/kota ("Banjar dan Banjarbaru", "HSS & HST")."""
    names = frame["nama_wilayah"]
    has_joint = names.str.contains(_COMBINED, na=False) & ~skip
    candidates = [int(i) for i in has_joint.to_numpy().nonzero()[0]]
    if not candidates:
        return []
    matcher = NameMatcher(query_df(con, "kabkota_names"))
    found = []
    for i in candidates:
        text = frame["nama_wilayah"].iat[i].strip()
        parts = [p for p in _COMBINED.split(text) if p.strip()]
        matches = [matcher.match(p) for p in parts]
        if len(parts) > 1 and all(m.status == "ok" for m in matches):
            codes = tuple(dict.fromkeys(m.kode for m in matches if m.kode))
            if len(codes) > 1:
                found.append((i, Combined(int(frame["_baris"].iat[i]), text, codes)))
    return found


def _no_data(kind: Kind, raw: RawTable, out: Applied) -> None:
    frame = raw.frame
    value_columns = [c for c in kind.column_names if c not in KEY_COLUMNS and c in frame]
    if not value_columns:
        return
    marked = pd.DataFrame({c: frame[c].isin(NO_DATA) for c in value_columns})  # cells are stripped by the reader
    any_marked = marked.any(axis=1)
    if not any_marked.any():
        return
    cells = int(marked.to_numpy().sum())
    for c in value_columns:
        frame.loc[marked[c], c] = None
    out.notes.append(Note("tanpa_data", [int(b) for b in frame.loc[any_marked, "_baris"]], {"sel": cells}))
    if kind.key == "capaian":

        def filled(col: str) -> pd.Series:
            return frame[col].notna() if col in frame else pd.Series(False, index=frame.index)

        has_value = (filled("terlayani") & filled("sasaran")) | filled("capaian_persen")
        empty_row = any_marked & ~has_value
        if empty_row.any():
            out.notes.append(Note("baris_tanpa_data", _drop(raw, empty_row)))


def completeness(con: duckdb.DuckDBPyConnection, combined: list[Combined] | None = None) -> list[Completeness]:
    """For a staged coverage file (temp table `tahap`): each (period, indicator) and its expected areas."""
    out: list[Completeness] = []
    combined = combined or []
    names = dict(query_df(con, "kabkota_names")[["kode", "nama"]].itertuples(index=False))
    kab = query_df(con, "kelengkapan_kabkota")
    for periode, indikator, expected, present, missing in kab.itertuples(index=False):
        missing = list(missing)
        covering = [(c.text, c.row) for c in combined if any(names.get(code) in missing for code in c.codes)]
        out.append(Completeness(pd.Timestamp(periode).strftime("%Y-%m"), indikator, int(expected), int(present),
                                "kabkota", missing, combined=covering))  # fmt: skip
    desa = query_df(con, "kelengkapan_desa")
    for (periode, indikator), part in desa.groupby(["periode", "kode_indikator"], sort=True):
        absent = [str(n) for n, a in zip(part["kabkota"], part["ada"], strict=True) if a == 0]
        partial = [
            f"{n} {int(a)}/{int(e)}"
            for n, a, e in zip(part["kabkota"], part["ada"], part["diharapkan"], strict=True)
            if 0 < a < e
        ]  # fmt: skip
        out.append(Completeness(pd.Timestamp(periode).strftime("%Y-%m"), str(indikator), int(part["diharapkan"].sum()),
                                int(part["ada"].sum()), "desa", partial, absent))  # fmt: skip
    return out
