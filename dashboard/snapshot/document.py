"""The snapshot as one self-contained HTML file: plotly.js inlined (no CDN, no request at all), inline CSS, readable on
a 390 px phone opened from the file manager; the chart stays interactive."""

from __future__ import annotations

from html import escape

from dashboard.core.i18n import t
from dashboard.snapshot import charts
from dashboard.snapshot.data import Snapshot
from dashboard.spm import palette

CSS = """
*{{box-sizing:border-box}}
body{{margin:0;font-family:"DejaVu Sans",Roboto,"Noto Sans",Arial,sans-serif;font-size:17px;line-height:1.45;color:{SNAP_TEXT};background:{SNAP_PAGE_BG}}}
main{{max-width:760px;margin:0 auto;background:{WHITE};min-height:100vh}}
header{{background:{SNAP_HEAD_BG};color:{WHITE};padding:18px 16px 16px}}
header .jenis{{margin:0;font-size:14px;font-weight:bold;letter-spacing:.06em;color:{SNAP_HEAD_SUB}}}
header h1{{margin:4px 0 6px;font-size:26px;line-height:1.2;overflow-wrap:anywhere}}
header .periode{{margin:0;font-size:15px;color:{SNAP_HEAD_SUB}}}
.sampel{{background:{SNAP_WARN_BG};color:{SNAP_WARN_FG};border-left:8px solid {SNAP_WARN_EDGE};padding:10px 14px;font-weight:bold;font-size:16px}}
section{{padding:14px 16px;border-bottom:1px solid {GRID}}}
h2{{font-size:19px;margin:0 0 8px}}
.utama{{display:flex;flex-wrap:wrap;gap:12px 24px;align-items:flex-start}}
.angka .label{{color:{SNAP_GREY};font-weight:bold;font-size:15px}}
.angka .nilai{{font-size:52px;font-weight:bold;line-height:1.1}}
.kategori{{display:inline-block;border-radius:20px;padding:3px 14px;font-weight:bold;font-size:17px;margin:4px 0}}
.catatan{{color:{SNAP_GREY};font-size:14px;margin:2px 0}}
.sorotan{{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px;flex:1;min-width:220px}}
.kartu{{border:1px solid {SNAP_BORDER};border-radius:8px;padding:8px 10px}}
.kartu .label{{color:{SNAP_GREY};font-size:14px}}
.kartu .nilai{{font-size:21px;font-weight:bold}}
.grafik{{width:100%}}
table{{width:100%;border-collapse:collapse;font-size:15px}}
th,td{{text-align:left;padding:6px 4px;border-bottom:1px solid {GRID};vertical-align:top}}
td.nilai{{white-space:nowrap;font-weight:bold;text-align:right}}
td .ket{{display:block;color:{SNAP_GREY};font-size:13px}}
ul{{margin:0;padding-left:20px}}
li{{margin:4px 0}}
footer{{padding:12px 16px 24px;color:{SNAP_GREY};font-size:13px}}
""".format(**{k: getattr(palette, k) for k in ('GRID', 'SNAP_BORDER', 'SNAP_GREY', 'SNAP_HEAD_BG', 'SNAP_HEAD_SUB', 'SNAP_PAGE_BG', 'SNAP_TEXT', 'SNAP_WARN_BG', 'SNAP_WARN_EDGE', 'SNAP_WARN_FG', 'WHITE')})


def _text_color(bg: str) -> str:
    r, g, b = (int(bg.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return palette.BLACK if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else palette.WHITE


def html(s: Snapshot) -> str:
    """The whole file as text (UTF-8)."""
    e = escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(s.lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(s.wilayah)} · {e(s.judul)}</title>",
        f"<style>{CSS}</style></head><body><main>",
        f'<header><p class="jenis">{e(s.judul)}</p><h1>{e(s.wilayah)}</h1><p class="periode">{e(s.periode)}</p></header>',
    ]
    if s.sampel:
        parts.append(f'<div class="sampel" role="note">{e(s.teks_sampel)}</div>')
    cat = ""
    if s.kategori and s.kategori_warna:
        cat = (f'<div class="kategori" style="background:{e(s.kategori_warna)};color:{_text_color(s.kategori_warna)}">'
               f"{e(s.kategori)}</div>")  # fmt: skip
    notes = "".join(f'<p class="catatan">{e(n)}</p>' for n in s.utama_catatan)
    cards = "".join(
        f'<div class="kartu"><div class="label">{e(label)}</div><div class="nilai">{e(value)}</div></div>'
        for label, value in s.sorotan
    )
    parts.append(
        f'<section class="utama"><div class="angka"><div class="label">{e(s.utama_label)}</div>'
        f'<div class="nilai" id="utama">{e(s.utama)}</div>{cat}{notes}</div>'
        f'<div class="sorotan">{cards}</div></section>'
    )
    if s.baris:
        fig = charts.bars(s)
        chart = fig.to_html(full_html=False, include_plotlyjs=True, config={"displayModeBar": False, "responsive": True},
                            default_width="100%")  # fmt: skip
        rows = "".join(
            f'<tr><td>{e(b.label)}<span class="ket">{e(b.catatan)}</span></td><td class="nilai">{e(b.teks)}</td></tr>'
            for b in s.baris
        )
        legend = f'<p class="catatan">{e(s.legenda)}</p>' if s.legenda else ""
        parts.append(
            f'<section><h2>{e(s.baris_judul)}</h2><div class="grafik">{chart}</div>{legend}'
            f'<table><thead><tr><th>{e(t("snapshot.tabel_bidang", s.lang))}</th>'
            f'<th style="text-align:right">{e(t("snapshot.tabel_nilai", s.lang))}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></section>"
        )
    items = "".join(f"<li>{e(x)}</li>" for x in s.daftar)
    parts.append(f"<section><h2>{e(s.daftar_judul)}</h2><ul>{items}</ul></section>")
    footer = [*s.catatan, s.sumber, s.tanggal, t("snapshot.html_catatan", s.lang)]
    if s.status == "campuran" or (s.status == "nyata" and s.status_teks):
        footer.insert(0, s.status_teks)
    parts.append("<footer>" + "".join(f"<p>{e(x)}</p>" for x in footer) + "</footer>")
    parts.append("</main></body></html>")
    return "\n".join(parts)


def html_bytes(s: Snapshot) -> bytes:
    return html(s).encode("utf-8")
