"""Coordination-meeting (rakor) mode for a projector: no sidebar, large type, one message per screen, next/previous
navigation (screen number in the URL), the filters and period in a corner, and the one-click briefing deck (PPTX)
and brief (PDF) built from the current filters."""

import json

import streamlit as st
import streamlit.components.v1 as components

from dashboard.core import fmt, store, ui
from dashboard.core.markdown import escape
from dashboard.rakor import charts as rakor_charts
from dashboard.rakor import data as rakor_data
from dashboard.rakor.content import Tabel

# CSS only (no user text): hide the sidebar and its toggle, larger type for a projector.
st.html(
    """<style>
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
    [data-testid="stHeader"] {display: none;}
    [data-testid="stMainBlockContainer"] {padding: 0.8rem 2rem 5.5rem 2rem; max-width: 100%;}
    [data-testid="stMain"] li, .st-key-rk_narasi p {font-size: clamp(1.5rem, 1.5vw, 1.9rem); line-height: 1.4;}
    [data-testid="stMain"] h1 {font-size: clamp(2rem, 2.8vw, 3.4rem); padding-top: 0.2rem; color: #111;}
    [data-testid="stMain"] [data-testid="stCaptionContainer"] p {font-size: 1.5rem; color: #333;}
    .st-key-rk_sudut p {text-align: right; font-size: 1.5rem; color: #333;}
    [data-testid="stMain"] [data-testid="stExpander"] summary p, [data-testid="stMain"] [data-testid="stAlert"] p
        {font-size: 1.5rem;}
    /* next/previous always in view: a bar fixed to the bottom of the window (the container's bottom padding keeps
       it off the content) */
    [class*="st-key-rk_tabel_"] th, [class*="st-key-rk_tabel_"] td, [class*="st-key-rk_tabel_"] p
        {font-size: 1.5rem; line-height: 1.25; color: #111; padding: 0.1rem 0.5rem;}
    .st-key-rk_nav {flex-wrap: nowrap; overflow-x: auto; position: fixed; left: 0; right: 0; bottom: 0; z-index: 999990; background: #ffffff;
        border-top: 1px solid #c8d0da; padding: 0.6rem 2rem; box-shadow: 0 -2px 8px rgba(0,0,0,0.08);}
    .st-key-rk_nav button p, .st-key-rk_nav a p {font-size: clamp(1.1rem, 1.25vw, 1.5rem); white-space: nowrap;}
    .st-key-rk_nav iframe, .st-key-rk_lompat {display: none;}
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


def step(d: int) -> None:
    """Next (+1) or previous (-1) from the screen shown when the press arrives: quick presses of a clicker that land
    while the page is still drawing each move one screen on (an argument bound at drawing time would repeat a move)."""
    go_to(int(st.session_state.get("layar", current)) + d)


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

    df = pd.DataFrame(tab.baris, columns=tab.kolom).iloc[:, : tab.kolom_layar]
    styler = df.style.hide(axis="index")
    if tab.sorot:
        styler = styler.apply(
            lambda r: ["background-color: #fff3c4; font-weight: bold" if r.name in tab.sorot else "" for _ in r], axis=1
        )
    with st.container(key=key):  # a static table: its text is sized for the room (a data grid draws 14 px)
        st.table(styler, border="horizontal")


visual_key = layar.kunci.replace(":", "_")
has_visual = layar.grafik is not None or layar.tabel is not None or bool(layar.ubin)
text_col, visual_col = st.columns([2, 3], gap="large") if has_visual else (st.container(), None)
with text_col.container(key="rk_narasi"):
    if layar.kalimat:
        st.markdown("\n".join(f"- {escape(line)}" for line in layar.kalimat))
    if layar.ubin:
        st.plotly_chart(
            rakor_charts.tile_figure(layar.ubin), config={"displayModeBar": False, "staticPlot": True}, key=f"rk_peta_{visual_key}"
        )
if visual_col is not None:
    with visual_col:
        if layar.grafik is not None:
            st.plotly_chart(rakor_charts.bar_figure(layar.grafik, lang), config={"displayModeBar": False}, key=f"rk_grafik_{visual_key}")
        elif layar.tabel is not None:
            show_table(layar.tabel, f"rk_tabel_{visual_key}")

with st.expander(ui.t("rakor.catatan_pembicara"), icon=":material/speaker_notes:"):
    st.markdown("\n".join(f"- {escape(line)}" for line in layar.catatan) or fmt.NA)
    # a screen with a chart keeps its table here, with the numbers behind it: one message on the screen itself
    if layar.grafik is not None and layar.tabel is not None:
        show_table(layar.tabel, f"rk_tabel_{visual_key}")

# --- navigation and downloads --------------------------------------------------------------------------------------
nav = st.container(horizontal=True, gap="small", vertical_alignment="center", key="rk_nav")
nav.button(ui.t("rakor.sebelumnya"), icon=":material/arrow_back:", key="rk_sebelumnya", disabled=current <= 1,
           on_click=step, args=(-1,))  # fmt: skip
nav.button(ui.t("rakor.berikutnya"), icon=":material/arrow_forward:", key="rk_berikutnya", type="primary",
           disabled=current >= len(screens), on_click=step, args=(1,))  # fmt: skip
nav.download_button(
    ui.t("rakor.unduh_pptx"), data=lambda: rakor_data.pptx_bytes(*args), file_name=bahan.nama_berkas("pptx"), key="rk_unduh_pptx",
    mime="application/vnd.openxmlformats-officedocument.presentationml.presentation", icon=":material/slideshow:",
    on_click="ignore",
)  # fmt: skip
nav.download_button(
    ui.t("rakor.unduh_pdf"), data=lambda: rakor_data.pdf_bytes(*args), file_name=bahan.nama_berkas("pdf"), key="rk_unduh_pdf",
    mime="application/pdf", icon=":material/picture_as_pdf:", on_click="ignore",
)  # fmt: skip
nav.button(ui.t("rakor.layar_penuh"), icon=":material/fullscreen:", key="rk_layar_penuh")
nav.page_link("ringkasan/ringkasan.py", label=ui.t("rakor.keluar"), icon=":material/close:")

# hidden: one button per screen, pressed by the Home/End and number keys below
with st.container(key="rk_lompat"):
    for i in range(1, len(screens) + 1):
        st.button(str(i), key=f"rk_ke_{i}", on_click=go_to, args=(i,))

# --- keyboard and presentation clicker -----------------------------------------------------------------------------
# Streamlit has no key events: a tiny inline script (no network) listens on the page and clicks the Next/Previous
# buttons; Home/End and the number keys press the hidden button of that screen (two digits for screen 10 and on: "1"
# then "2", or "1" and Enter for screen 1); F toggles full screen. Keys typed into
# an input, select or text area are left alone.
with nav:
    components.html(
        """<script>
(function () {
  const win = window.parent, doc = win.document, total = __TOTAL__;
  if (win.__rkKeys) {
    doc.removeEventListener("keydown", win.__rkKeys, true);
    doc.removeEventListener("keyup", win.__rkKeyUp, true);
    doc.removeEventListener("click", win.__rkClick, true);
  }
  function typing(t) {
    return t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName)
      || (t.closest && t.closest('[role="listbox"],[role="combobox"]')));
  }
  function click(key) {
    const b = doc.querySelector(".st-key-" + key + " button");
    if (b && !b.disabled) b.click();
  }
  function fullscreen() {
    if (doc.fullscreenElement) doc.exitFullscreen(); else doc.documentElement.requestFullscreen().catch(() => {});
  }
  function jump(n) { if (n >= 1 && n <= total) click("rk_ke_" + n); }
  // number keys: "3" jumps at once; with 10 or more screens "1" waits a moment for a second digit ("12"), or Enter
  function digit(d) {
    clearTimeout(win.__rkTimer);
    const typed = (win.__rkDigits || "") + d;
    if (Number(typed) * 10 > total || typed.length >= String(total).length) {
      win.__rkDigits = ""; jump(Number(typed));
    } else {
      win.__rkDigits = typed;
      win.__rkTimer = setTimeout(() => { const n = Number(win.__rkDigits); win.__rkDigits = ""; jump(n); }, 900);
    }
  }
  win.__rkKeys = function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    if (typing(e.target)) return;
    let done = true;
    switch (e.key) {
      case "ArrowRight": case "PageDown": case " ": case "Spacebar": click("rk_berikutnya"); break;
      case "ArrowLeft": case "PageUp": click("rk_sebelumnya"); break;
      case "Home": jump(1); break;
      case "End": jump(total); break;
      case "f": case "F": fullscreen(); break;
      case "Enter": if (win.__rkDigits) { clearTimeout(win.__rkTimer); jump(Number(win.__rkDigits)); win.__rkDigits = ""; }
                    else done = false; break;
      default:
        if (/^[0-9]$/.test(e.key)) digit(e.key); else done = false;
    }
    if (done) { e.preventDefault(); e.stopPropagation(); }
  };
  // a focused button would also "click" itself on the Space key's release: only the listener above moves on
  win.__rkKeyUp = function (e) { if (e.key === " " && !typing(e.target)) e.preventDefault(); };
  win.__rkClick = function (e) {
    if (e.target.closest && e.target.closest(".st-key-rk_layar_penuh button")) fullscreen();
  };
  doc.addEventListener("keydown", win.__rkKeys, true);
  doc.addEventListener("keyup", win.__rkKeyUp, true);
  doc.addEventListener("click", win.__rkClick, true);
})();
</script>""".replace("__TOTAL__", json.dumps(len(screens))),
        height=0,
    )
