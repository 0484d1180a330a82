"""Coordination-meeting (rakor) mode for a projector: no sidebar, large type, one message per screen, next/previous
navigation (screen number in the URL), the filters and period in a corner, and the one-click briefing deck (PPTX)
and brief (PDF) built from the current filters."""

import plotly.graph_objects as go
import streamlit as st

from dashboard.core import fmt, store, ui
from dashboard.rakor import content as rakor_content
from dashboard.rakor import deck_pdf, deck_pptx

# CSS only (no user text): hide the sidebar and its toggle, larger type for a projector.
st.html(
    """<style>
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
    [data-testid="stHeader"] {display: none;}
    [data-testid="stMainBlockContainer"] {padding: 0.8rem 2rem 1rem 2rem; max-width: 100%;}
    [data-testid="stMain"] li, .st-key-rk_narasi p {font-size: clamp(1.05rem, 1.35vw, 1.7rem); line-height: 1.4;}
    [data-testid="stMain"] h1 {font-size: clamp(1.7rem, 2.6vw, 3.2rem); padding-top: 0.2rem;}
    .st-key-rk_sudut p {text-align: right; font-size: 1.05rem; color: #5f6b7a;}
    </style>"""
)

lang = ui.lang()
filters = ui.sidebar_filters()  # hidden, but keeps period and kab/kota in the URL


@st.cache_data(ttl=3600, max_entries=20, show_spinner=False)
def material(periode: str, kab: str | None, language: str, version: str) -> rakor_content.Bahan:
    return rakor_content.bahan(periode, kab, language)


@st.cache_data(ttl=3600, max_entries=10, show_spinner=False)
def pptx_bytes(periode: str, kab: str | None, language: str, version: str) -> bytes:
    return deck_pptx.build(material(periode, kab, language, version))


@st.cache_data(ttl=3600, max_entries=10, show_spinner=False)
def pdf_bytes(periode: str, kab: str | None, language: str, version: str) -> bytes:
    return deck_pdf.build(material(periode, kab, language, version))


if not store.periods():
    ui.banner()
    st.info(ui.t("rakor.tidak_ada_data"))
    st.stop()

version = store.version()
args = (filters.periode, filters.kab, lang, version)
with st.spinner():
    bahan = material(*args)
screens = bahan.semua
numbers = [str(i) for i in range(1, len(screens) + 1)]
ui.from_url("layar", "1", numbers)
current = int(st.session_state["layar"])
layar = screens[current - 1]


def go_to(n: int) -> None:
    st.session_state["layar"] = str(min(max(n, 1), len(screens)))


# --- corner: filters and period; the synthetic-data banner ---------------------------------------------------------
top_left, top_right = st.columns([3, 2], vertical_alignment="center")
top_left.caption(f"**{bahan.judul}** · {ui.t('rakor.layar_ke', i=current, n=len(screens))}")
with top_right.container(key="rk_sudut"):
    st.markdown(bahan.konteks)
ui.banner()

# --- the screen ----------------------------------------------------------------------------------------------------
st.caption(layar.judul.upper())
st.title(layar.pesan, anchor=False)


def bar_figure(g: rakor_content.Grafik) -> go.Figure:
    fig = go.Figure()
    for i, (name, values) in enumerate(g.seri):
        colors = None
        if g.warna and len(g.seri) == 1:
            colors = [c or "#0b5cad" for c in g.warna]
        elif g.warna_seri and i < len(g.warna_seri):
            colors = g.warna_seri[i]
        fig.add_bar(
            y=g.kategori, x=values, name=name, orientation="h", marker_color=colors,
            text=None if g.tumpuk else [fmt.angka(v, 1, lang) if v is not None else fmt.NA for v in values],
            textposition="outside", textfont_size=16,
        )  # fmt: skip
    fig.update_layout(
        title=dict(text=g.judul, font_size=20), barmode="stack" if g.tumpuk else "group", height=max(320, 46 * len(g.kategori) + 140),
        margin=dict(l=10, r=40, t=50, b=10), separators=fmt.plotly_separators(lang), font_size=16,
        legend=dict(orientation="h", y=-0.12), showlegend=len(g.seri) > 1,
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed")
    if g.maks is not None:
        fig.update_xaxes(range=[0, g.maks * 1.08])
    return fig


def tile_figure(tiles: list[rakor_content.Ubin]) -> go.Figure:
    fig = go.Figure()
    for u in tiles:
        fig.add_shape(type="rect", x0=u.kolom, x1=u.kolom + 0.95, y0=-u.baris, y1=-u.baris - 0.95, fillcolor=u.warna,
                      line_width=0)  # fmt: skip
        fig.add_annotation(x=u.kolom + 0.475, y=-u.baris - 0.475, text=f"<b>{u.label}</b><br>{u.nilai}", showarrow=False,
                           font_size=12)  # fmt: skip
    rows = max(u.baris for u in tiles) + 1
    cols = max(u.kolom for u in tiles) + 1
    fig.update_xaxes(visible=False, range=[-0.05, cols])
    fig.update_yaxes(visible=False, range=[-rows - 0.05, 0.05], scaleanchor="x")
    fig.update_layout(height=300, margin=dict(l=0, r=0, t=10, b=0), plot_bgcolor="white")
    return fig


def show_table(tab: rakor_content.Tabel, key: str) -> None:
    import pandas as pd

    df = pd.DataFrame(tab.baris, columns=tab.kolom)
    styler = df.style.hide(axis="index")
    if tab.sorot:
        styler = styler.apply(
            lambda r: ["background-color: #fff3c4; font-weight: bold" if r.name in tab.sorot else "" for _ in r], axis=1
        )
    st.dataframe(styler, hide_index=True, key=key, height=min(38 * (len(df) + 1) + 4, 540), row_height=36)


visual_key = layar.kunci.replace(":", "_")
has_visual = layar.grafik is not None or layar.tabel is not None or bool(layar.ubin)
text_col, visual_col = st.columns([2, 3], gap="large") if has_visual else (st.container(), None)
with text_col.container(key="rk_narasi"):
    if layar.kalimat:
        st.markdown("\n".join(f"- {line}" for line in (s.replace("*", "\\*") for s in layar.kalimat)))
    if layar.ubin:
        st.plotly_chart(
            tile_figure(layar.ubin), config={"displayModeBar": False, "staticPlot": True}, key=f"rk_peta_{visual_key}"
        )
    elif layar.grafik is not None and layar.tabel is not None:
        show_table(layar.tabel, f"rk_tabel_{visual_key}")
if visual_col is not None:
    with visual_col:
        if layar.grafik is not None:
            st.plotly_chart(bar_figure(layar.grafik), config={"displayModeBar": False}, key=f"rk_grafik_{visual_key}")
        elif layar.tabel is not None:
            show_table(layar.tabel, f"rk_tabel_{visual_key}")

with st.expander(ui.t("rakor.catatan_pembicara"), icon=":material/speaker_notes:"):
    st.markdown("\n".join(f"- {line}" for line in (c.replace("*", "\\*") for c in layar.catatan)) or fmt.NA)

# --- navigation and downloads --------------------------------------------------------------------------------------
nav = st.container(horizontal=True, gap="small", vertical_alignment="center")
nav.button(ui.t("rakor.sebelumnya"), icon=":material/arrow_back:", key="rk_sebelumnya", disabled=current <= 1,
           on_click=go_to, args=(current - 1,))  # fmt: skip
nav.button(ui.t("rakor.berikutnya"), icon=":material/arrow_forward:", key="rk_berikutnya", type="primary",
           disabled=current >= len(screens), on_click=go_to, args=(current + 1,))  # fmt: skip
nav.download_button(
    ui.t("rakor.unduh_pptx"), data=lambda: pptx_bytes(*args), file_name=bahan.nama_berkas("pptx"), key="rk_unduh_pptx",
    mime="application/vnd.openxmlformats-officedocument.presentationml.presentation", icon=":material/slideshow:",
    on_click="ignore",
)  # fmt: skip
nav.download_button(
    ui.t("rakor.unduh_pdf"), data=lambda: pdf_bytes(*args), file_name=bahan.nama_berkas("pdf"), key="rk_unduh_pdf",
    mime="application/pdf", icon=":material/picture_as_pdf:", on_click="ignore",
)  # fmt: skip
nav.page_link("ringkasan/ringkasan.py", label=ui.t("rakor.keluar"), icon=":material/close:")
