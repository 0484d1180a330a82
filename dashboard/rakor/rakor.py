"""Coordination-meeting (rakor) mode for a projector: no sidebar, large type, one message per screen, next/previous
navigation (screen number in the URL), the filters and period in a corner, and the one-click briefing deck (PPTX)
and brief (PDF) built from the current filters."""

import streamlit as st

from dashboard.core import fmt, store, ui
from dashboard.rakor import charts as rakor_charts
from dashboard.rakor import data as rakor_data
from dashboard.rakor.content import Tabel

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


if not store.periods():
    ui.banner()
    st.info(ui.t("rakor.tidak_ada_data"))
    st.stop()

args = (filters.periode, filters.kab, lang)
with st.spinner(ui.t("ui.sedang_memproses")):
    bahan = rakor_data.material(*args)
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


def show_table(tab: Tabel, key: str) -> None:
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
            rakor_charts.tile_figure(layar.ubin), config={"displayModeBar": False, "staticPlot": True}, key=f"rk_peta_{visual_key}"
        )
    elif layar.grafik is not None and layar.tabel is not None:
        show_table(layar.tabel, f"rk_tabel_{visual_key}")
if visual_col is not None:
    with visual_col:
        if layar.grafik is not None:
            st.plotly_chart(rakor_charts.bar_figure(layar.grafik, lang), config={"displayModeBar": False}, key=f"rk_grafik_{visual_key}")
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
    ui.t("rakor.unduh_pptx"), data=lambda: rakor_data.pptx_bytes(*args), file_name=bahan.nama_berkas("pptx"), key="rk_unduh_pptx",
    mime="application/vnd.openxmlformats-officedocument.presentationml.presentation", icon=":material/slideshow:",
    on_click="ignore",
)  # fmt: skip
nav.download_button(
    ui.t("rakor.unduh_pdf"), data=lambda: rakor_data.pdf_bytes(*args), file_name=bahan.nama_berkas("pdf"), key="rk_unduh_pdf",
    mime="application/pdf", icon=":material/picture_as_pdf:", on_click="ignore",
)  # fmt: skip
nav.page_link("ringkasan/ringkasan.py", label=ui.t("rakor.keluar"), icon=":material/close:")
