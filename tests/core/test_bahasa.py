"""Every visible string in the chosen language (issue 15): an AppTest scan of every page's element tree in English
for known Indonesian words, and in Indonesian for Plotly's SI tick suffixes ("150k", "1.5M"); the texts the app
itself writes into the data (the sample's flood names and notes, the import log's "sampel sintetis" and "sistem")
have their English."""

from __future__ import annotations

import json
import re
import shutil

import duckdb
import pandas as pd
import pytest

from dashboard.core.i18n import data_text
from dashboard.pages import PAGES
from tests import helpers

# words of the Indonesian interface that never belong to the data of the fixtures (names of places and of the fixture's
# own flood events are data, shown as they are)
LEAKS = ("Sedang memproses", "In progress", "sampel sintetis", "sistem", "Belum ada", "belum ada", "sebagai pembanding",
         "Peringkat", "peringkat", "Seluruh", "tidak tercatat", "Unduh", "Pilih", "Kelengkapan", "terdampak", "Provinsi,",
         "bulan lalu", "Sumber", "Tahun ")  # fmt: skip
SI_FORMAT = re.compile(r"[~.\d]*s$")  # d3 formats with an SI suffix: "~s", ".2s"


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def page_texts(at) -> list[str]:
    """Every string the page shows: element protos' text fields, table headers and text cells, chart specs' texts."""
    out = []
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        kind = getattr(node, "type", "")
        if kind in ("arrow_data_frame", "dataframe"):
            df = node.value
            if hasattr(df, "data"):  # a Styler
                df = df.data
            out += [str(c) for c in df.columns]
            out += [v for col in df.columns for v in df[col].tolist() if isinstance(v, str)]
        elif kind == "plotly_chart":
            spec = json.loads(proto.spec)
            out += [s for s in _strings(spec) if not s.startswith(("#", "rgb"))]
        else:
            out += list(_proto_strings(proto))
    return out


def _proto_strings(msg):
    for _, value in msg.ListFields():
        items = (
            value
            if hasattr(value, "__len__") and not isinstance(value, (str, bytes)) and not hasattr(value, "ListFields")
            else [value]
        )
        for item in items:
            if isinstance(item, str):
                yield item
            elif hasattr(item, "ListFields"):
                yield from _proto_strings(item)


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            if k not in ("customdata", "hovertemplate", "z", "x", "y", "ids", "locations", "geojson", "featureidkey",
                         "meta", "uid", "legendgroup", "template"):  # fmt: skip
                yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def charts(at) -> list[dict]:
    return [json.loads(n.proto.spec) for n in _walk(at._tree) if getattr(n, "type", "") == "plotly_chart"]


@pytest.mark.parametrize("spec", [p for p in PAGES if p.url_path != "unggah"], ids=lambda p: p.url_path)
def test_english_pages_have_no_indonesian_interface_words(spec, flood_env):
    at = helpers.open_ok(spec.file, lang="en", kab="63.05")
    texts = page_texts(at)
    assert texts, spec.url_path
    # the indicator dictionary quotes the regulation's numerator and denominator, saying that they are its Indonesian
    lines = [ln for s in texts for ln in s.split("\n") if "official wording, in Indonesian" not in ln]
    found = sorted({f"{w!r} in {s[:120]!r}" for s in lines for w in LEAKS if w in s})
    assert not found, "\n".join(found)


@pytest.mark.parametrize("spec", [p for p in PAGES if p.url_path in ("ringkasan", "bidang", "peringkat", "tren", "banjir",
                                                                      "profil", "prioritas", "anggaran", "kualitas")],
                         ids=lambda p: p.url_path)  # fmt: skip
def test_indonesian_charts_have_no_si_suffixes(spec, request):
    request.getfixturevalue("perencanaan_env" if spec.url_path == "anggaran" else "flood_env")  # budget data there
    at = helpers.open_ok(spec.file, kab="63.03" if spec.url_path == "anggaran" else "63.05")
    figures = charts(at)
    assert figures, spec.url_path
    for fig in figures:
        layout = fig.get("layout", {})
        assert layout.get("separators") == ",.", layout.get("separators")  # decimal comma, thousands dot
        axes = {k: v for k, v in layout.items() if re.fullmatch(r"[xy]axis\d*", k)}
        for name, axis in axes.items():
            english_months = [t for t in axis.get("ticktext") or [] if re.match(r"(May|Aug|Oct|Dec) \d{4}", str(t))]
            assert not english_months, (spec.url_path, name, english_months)  # month names in Indonesian
            if axis.get("type") in ("category", "date") or "tickvals" in axis and "ticktext" in axis:
                continue
            assert axis.get("exponentformat") == "none" or axis.get("tickformat"), (spec.url_path, name, axis)
            assert not SI_FORMAT.search(str(axis.get("tickformat", ""))), (spec.url_path, name, axis)
        for trace in fig.get("data", []):
            if "colorbar" in trace:
                assert trace["colorbar"].get("exponentformat") == "none", (spec.url_path, trace.get("type"))


def test_the_scan_reads_the_page(flood_env):
    """The scanner sees the interface's words: the Indonesian page holds some of them."""
    texts = page_texts(helpers.open_ok("peringkat", kab="63.05"))
    assert any(w in s for s in texts for w in ("Unduh", "Peringkat", "Seluruh"))


def test_date_axes_name_months_in_the_language():
    import plotly.graph_objects as go

    from dashboard.spm.charts import base_layout

    months = pd.date_range("2025-09-01", "2026-10-01", freq="MS")
    fig = base_layout(go.Figure(go.Bar(x=months, y=list(range(len(months))))), "id")
    assert "Mei 2026" in fig.layout.xaxis.ticktext and not any("May" in t for t in fig.layout.xaxis.ticktext)
    fig = base_layout(go.Figure(go.Bar(x=months, y=list(range(len(months))))), "en")
    assert "May 2026" in fig.layout.xaxis.ticktext


def test_sample_texts_have_their_english():
    from dashboard.sampel.generator import PERISTIWA

    for ev in PERISTIWA:
        assert data_text(ev.nama, "en") != ev.nama and data_text(ev.keterangan, "en") != ev.keterangan
        assert data_text(ev.nama, "id") == ev.nama  # Indonesian stays as stored
    assert data_text("sampel sintetis (seed 20260301)", "en") == "synthetic sample (seed 20260301)"
    assert data_text("sistem", "en") == "system"
    assert data_text("Banjir Uji Tapin", "en") == "Banjir Uji Tapin"  # user data: never translated


def test_import_log_of_the_sample_in_english(fixture_db, tmp_path, monkeypatch):
    db = tmp_path / "spm.duckdb"
    shutil.copyfile(fixture_db, db)
    con = duckdb.connect(str(db))
    try:
        next_id = con.execute("select coalesce(max(id_impor), 0) + 1 from impor").fetchone()[0]
        con.execute("insert into impor (id_impor, jenis, nama_file, baris, baris_baru, baris_diganti, baris_ditandai, "
                    "waktu, pengguna, sumber) values (?, 'sampel', 'sampel sintetis (seed 7)', 1, 1, 0, 0, now()::timestamp, "
                    "'sistem', 'sampel')", [next_id])  # fmt: skip
    finally:
        con.close()
    monkeypatch.setenv("SPM_DB", str(db))
    from dashboard.core.settings import settings

    settings.cache_clear()
    at = helpers.open_ok("data/data.py", lang="en")
    log = next(d.value for d in at.dataframe if "File" in list(getattr(d.value, "data", d.value).columns))
    log = getattr(log, "data", log)
    row = log[log["ID"] == next_id].iloc[0]
    assert row["File"] == "synthetic sample (seed 7)" and row["User"] == "system"
    at.selectbox(key="lang").set_value("id").run()
    log = next(d.value for d in at.dataframe if "Berkas" in list(getattr(d.value, "data", d.value).columns))
    log = getattr(log, "data", log)
    assert log[log["ID"] == next_id].iloc[0]["Berkas"] == "sampel sintetis (seed 7)"
    assert isinstance(log, pd.DataFrame)
