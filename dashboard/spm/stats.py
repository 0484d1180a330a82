"""Fair-ranking statistics (pure numpy/pandas, no Streamlit): Wilson intervals, funnel limits, dense ranks and
plausible rank ranges.

Methods (documented here, shown in the page captions):

* **Confidence interval of a rate**: the Wilson score interval at 95 % (``z = 1.959963984540054``). A count above its
  denominator (coverage > 100 %, a data-quality problem) is clipped to the denominator here; the SPM engine
  (``scoring.service_index``) shows no interval at all for such a row, nor for a percentage-only row.
* **Composite scores** (field index = mean of the field's service indices; overall index = mean of the field
  indices): a normal approximation. Each service contributes the standard error implied by its Wilson interval,
  ``se_i = (hi_i - lo_i) / (2 z)``; a mean of ``n`` independent terms has ``var = sum(se_i^2) / n^2``.
* **Funnel plot**: control limits around the province value ``p0`` at 95 % and 99.8 %,
  ``p0 +/- z * sqrt(p0 (1 - p0) / n)`` (normal approximation to the binomial, Spiegelhalter 2005), clipped to 0-100.
  Optionally widened for overdispersion by ``sqrt(phi)``, ``phi`` = mean squared z-score of the districts (with
  very large denominators almost every district is "outside" the plain binomial limits).
* **Rank**: dense rank of the 0-100 "higher is better" index, best = 1, ties share a rank (SPM.md §10).
* **Plausible rank range**: simulation. Each district's score is drawn ``n`` times from a normal distribution with
  its standard error (fixed seed from configuration, so the result is reproducible); every draw is dense-ranked;
  the range is the 2.5th-97.5th percentile of the simulated ranks (``inverted_cdf``, so both ends are ranks that
  occurred), widened if needed to contain the observed rank.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

Z95 = 1.959963984540054  # standard normal 97.5th percentile
Z998 = 3.090232306167813  # standard normal 99.9th percentile (two-sided 99.8 %)


def wilson(x: object, n: object, z: float = Z95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of ``x`` successes out of ``n``, in percent (arrays; NA where ``n`` is missing or 0)."""
    x = np.asarray(pd.to_numeric(pd.Series(np.atleast_1d(x)), errors="coerce"), dtype=float)
    n = np.asarray(pd.to_numeric(pd.Series(np.atleast_1d(n)), errors="coerce"), dtype=float)
    valid = (n > 0) & ~np.isnan(x) & ~np.isnan(n)
    n_safe = np.where(valid, n, 1.0)
    x_safe = np.clip(np.where(valid, x, 0.0), 0.0, n_safe)
    p = x_safe / n_safe
    z2 = z * z
    denom = 1.0 + z2 / n_safe
    centre = (p + z2 / (2.0 * n_safe)) / denom
    half = z * np.sqrt(p * (1.0 - p) / n_safe + z2 / (4.0 * n_safe * n_safe)) / denom
    lo = np.clip(centre - half, 0.0, 1.0) * 100.0
    hi = np.clip(centre + half, 0.0, 1.0) * 100.0
    return np.where(valid, lo, np.nan), np.where(valid, hi, np.nan)


def se_from_interval(lo: object, hi: object, z: float = Z95) -> np.ndarray:
    """The standard error implied by a symmetric-equivalent interval: (hi - lo) / (2 z)."""
    return (np.asarray(hi, dtype=float) - np.asarray(lo, dtype=float)) / (2.0 * z)


def funnel_limits(p0: float, n: object, z: float, phi: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper funnel control limits (percent) around the province value ``p0`` (percent) for denominators
    ``n``; ``phi`` > 1 widens them for overdispersion (limits scale with sqrt(phi))."""
    n = np.asarray(n, dtype=float)
    p = p0 / 100.0
    half = z * np.sqrt(max(phi, 1.0) * p * (1.0 - p) / n)
    return np.clip(p - half, 0.0, 1.0) * 100.0, np.clip(p + half, 0.0, 1.0) * 100.0


def overdispersion(values: object, n: object, p0: float) -> float:
    """Multiplicative overdispersion factor (Spiegelhalter 2005): the mean squared z-score of the rates around
    ``p0`` (all percent), ``z_i = (y_i - p0) / sqrt(p0 (1 - p0) / n_i)``; at least 1 (1 = no adjustment)."""
    y = np.asarray(values, dtype=float) / 100.0
    n = np.asarray(n, dtype=float)
    p = p0 / 100.0
    ok = (n > 0) & ~np.isnan(y)
    if ok.sum() < 2 or p <= 0.0 or p >= 1.0:
        return 1.0
    z = (y[ok] - p) / np.sqrt(p * (1.0 - p) / n[ok])
    return max(1.0, float(np.mean(z * z)))


def funnel_position(value: float, n: float, p0: float, phi: float = 1.0) -> str | None:
    """Where a rate lies in the funnel: 'atas_998', 'atas_95', 'dalam', 'bawah_95', 'bawah_998' (None when NA)."""
    if value is None or n is None or pd.isna(value) or pd.isna(n) or n <= 0 or p0 is None or pd.isna(p0):
        return None
    lo95, hi95 = funnel_limits(p0, n, Z95, phi)
    lo998, hi998 = funnel_limits(p0, n, Z998, phi)
    if value > hi998:
        return "atas_998"
    if value > hi95:
        return "atas_95"
    if value < lo998:
        return "bawah_998"
    if value < lo95:
        return "bawah_95"
    return "dalam"


def dense_rank(values: pd.Series) -> pd.Series:
    """Dense rank, highest value = 1, ties share a rank, NA stays NA (values rounded to 9 decimals first)."""
    return values.astype(float).round(9).rank(method="dense", ascending=False).astype("Int64")


def _dense_rank_rows(draws: np.ndarray) -> np.ndarray:
    """Dense rank (highest = 1) within each row of a 2-D array."""
    greater = draws[:, None, :] > draws[:, :, None]  # [s, i, j]: draw j beats draw i
    equal = draws[:, :, None] == draws[:, None, :]
    first = ~np.tril(equal, -1).any(axis=2)  # [s, j]: j is the first of its value in the row
    return 1 + (greater & first[:, None, :]).sum(axis=2)


def plausible_rank_range(
    score: pd.Series, se: pd.Series, n_sim: int, seed: int, level: float = 0.95
) -> tuple[pd.Series, pd.Series]:
    """(lowest, highest) plausible rank per entry by simulation from N(score, se); NA scores get NA."""
    score = pd.Series(score, dtype=float)
    se = pd.Series(se, dtype=float).reindex(score.index).fillna(0.0).clip(lower=0.0)
    valid = score.notna()
    lo = pd.Series(pd.NA, index=score.index, dtype="Int64")
    hi = pd.Series(pd.NA, index=score.index, dtype="Int64")
    if not valid.any():
        return lo, hi
    rng = np.random.default_rng(seed)
    mean = score[valid].round(9).to_numpy()
    draws = rng.normal(mean, se[valid].to_numpy(), size=(n_sim, len(mean)))
    ranks = _dense_rank_rows(draws)
    tail = (1.0 - level) / 2.0
    q_lo = np.quantile(ranks, tail, axis=0, method="inverted_cdf").astype(int)
    q_hi = np.quantile(ranks, 1.0 - tail, axis=0, method="inverted_cdf").astype(int)
    observed = dense_rank(score[valid]).to_numpy(dtype=int)
    lo[valid] = np.minimum(q_lo, observed)
    hi[valid] = np.maximum(q_hi, observed)
    return lo, hi
