"""Time series for the trend and field pages: an indicator's coverage or a field/overall score per area and period.

Series come from ``mart_capaian_periode`` (query ``tren_capaian_seri``); scores reuse :func:`scoring.scores`, so a
point on a trend line is the same number as the league table and the field page show for that period.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core import store
from dashboard.spm import catalog as spm_catalog
from dashboard.spm import periods, scoring
from dashboard.spm.scoring import Pilihan


def indicators_for(catalog: pd.DataFrame, pilihan: Pilihan) -> list[str]:
    """The indicator codes a score of ``pilihan`` is computed from (official scores: kab/kota- and province-level
    services; :func:`scoring.official_services` keeps the province-level ones for a province area only)."""
    if pilihan.satu_indikator:
        return [pilihan.indikator]
    rows = catalog[catalog["keluarga"] == pilihan.keluarga]
    if pilihan.keluarga == "spm_resmi":
        rows = rows[rows["level"].isin(["kab_kota", "provinsi"])]
    if pilihan.bidang != scoring.SEMUA:
        rows = rows[rows["kode_bidang"] == pilihan.bidang]
    elif pilihan.keluarga != "transformasi":
        rows = rows[rows["kode_bidang"] != "transformasi_posyandu"]
    return rows["kode_indikator"].tolist()


def score_series(rows: pd.DataFrame, pilihan: Pilihan, cfg: scoring.Pengaturan | None = None,
                 lingkup: pd.DataFrame | None = None) -> pd.DataFrame:  # fmt: skip
    """One row per (kode_wilayah, periode) with ``nilai`` (the score), ``ci_lo``/``ci_hi``, ``sasaran``, ``terlayani``
    and ``capaian_persen`` from rows of ``tren_capaian_seri`` of one grain."""
    if rows.empty:
        return pd.DataFrame(columns=["kode_wilayah", "periode", "nilai", "ci_lo", "ci_hi", "sasaran", "terlayani"])
    out = scoring.scores(rows, pilihan, ["kode_wilayah", "periode"], cfg, lingkup=lingkup)
    out = out.rename(columns={"skor": "nilai"})
    out["periode"] = pd.to_datetime(out["periode"])
    return out.sort_values(["kode_wilayah", "periode"]).reset_index(drop=True)


def series(areas: list[str], gran: str, pilihan: Pilihan, catalog: pd.DataFrame) -> pd.DataFrame:
    """Score series of ``pilihan`` for ``areas`` at grain ``gran`` (official families fall back to quarters);
    cached per warehouse version and settings (every caller gets its own copy)."""
    codes = indicators_for(catalog, pilihan)
    if not areas or not codes:
        return score_series(pd.DataFrame(), pilihan)
    grain = periods.data_grain(pilihan.keluarga, gran)
    return _series(tuple(areas), grain, pilihan, tuple(codes), scoring.pengaturan())


@store.cached()
def _series(areas: tuple[str, ...], grain: str, pilihan: Pilihan, codes: tuple[str, ...], cfg: scoring.Pengaturan,
            ) -> pd.DataFrame:  # fmt: skip
    rows = store.run("tren_capaian_seri", kode_wilayah=list(areas), kode_indikator=list(codes), granularitas=[grain])
    return score_series(rows, pilihan, cfg, lingkup=scope(spm_catalog.catalog(), codes))


def scope(catalog: pd.DataFrame, codes: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """The catalog rows of ``codes`` in the shape :func:`scoring.scores` takes as ``lingkup`` (so that a composite's
    completeness counts the services an area did not report)."""
    rows = catalog[catalog["kode_indikator"].isin(list(codes))]
    return pd.DataFrame({
        "kode_indikator": rows["kode_indikator"], "bidang": rows["kode_bidang"], "keluarga": rows["keluarga"],
        "level": rows["level"], "lebih_tinggi_lebih_baik": rows["lebih_tinggi_lebih_baik"],
    })  # fmt: skip


def floods(areas: list[str]) -> pd.DataFrame:
    """Flood events that concern any of ``areas`` (each event once)."""
    frames = [store.run("tren_bencana", kode_wilayah=a) for a in areas]
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=["kode_bencana", "nama", "jenis", "tanggal_mulai", "tanggal_selesai", "status"])
    return pd.concat(frames).drop_duplicates("kode_bencana").sort_values("tanggal_mulai").reset_index(drop=True)


def latest(series: pd.DataFrame, kode: str, until: object) -> tuple[pd.Series | None, pd.Series | None]:
    """The last point of ``kode`` with a value at or before ``until`` and the point with a value before it."""
    rows = series[(series["kode_wilayah"] == kode) & series["nilai"].notna()]
    rows = rows[pd.to_datetime(rows["periode"]) <= pd.Timestamp(until)].sort_values("periode")  # type: ignore[arg-type]
    if rows.empty:
        return None, None
    return rows.iloc[-1], rows.iloc[-2] if len(rows) > 1 else None


def reading(series: pd.DataFrame, kode: str, nama: str, prov: str, until: object, label_of, lang: str,
            fmt_value) -> str:  # fmt: skip
    """The headline of the trend page with a kab/kota selected: its latest value up to ``until`` and its movement
    from the point before, then the province's value of the same period. No value is said for a period without
    one; a partial point keeps its ◐. ``label_of`` names a period, ``fmt_value`` formats a value."""
    from dashboard.core import fmt
    from dashboard.core.i18n import t

    def shown(row: pd.Series) -> str:
        return fmt_value(row["nilai"]) + (" ◐" if bool(row.get("sebagian", False)) else "")

    now, before = latest(series, kode, until)
    if now is None:
        text = t("spm.tren_wilayah_kosong", lang, nama=nama, periode=label_of(until))
    else:
        text = t("spm.tren_wilayah", lang, nama=nama, nilai=shown(now), periode=label_of(now["periode"]))
        if before is not None:
            change = float(now["nilai"]) - float(before["nilai"])
            key = "spm.tren_naik" if change > 0.05 else "spm.tren_turun" if change < -0.05 else "spm.tren_tetap"
            text += t(key, lang, selisih=fmt.angka(abs(change), 1, lang), lalu=label_of(before["periode"]))
        text += "."
    if kode != prov:
        p_now = series[(series["kode_wilayah"] == prov) & series["nilai"].notna()]
        if now is not None:
            p_now = p_now[pd.to_datetime(p_now["periode"]) == pd.Timestamp(now["periode"])]
        else:
            p_now = p_now.iloc[0:0]
        if len(p_now):
            text += "  \n" + t(
                "spm.tren_provinsi", lang, nilai=shown(p_now.iloc[0]), periode=label_of(p_now.iloc[0]["periode"])
            )
    return text
