"""AppTest for the post-flood recovery page on the flood fixture: both languages, event and focus kept in the URL,
hostile URL values ignored, every section present, lagging list exportable, and the empty state."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests import helpers
from tests.fixtures.banjir import BINUANG, TAPIN
from tests.helpers import APP

PAGE = "banjir/banjir.py"


def open_page(**query) -> AppTest:
    return helpers.open_page(PAGE, **query)


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def test_page_in_indonesian_with_every_section(flood_env):
    at = open_page(bencana="TST-2025-12")
    assert not at.exception
    assert at.title[0].value == "Pemantauan pemulihan pascabanjir"
    assert at.selectbox(key="bencana").value == "TST-2025-12"
    assert [s.value for s in at.subheader] == [
        "Ringkasan kejadian", "Wilayah terdampak", "Pemulihan layanan peka banjir", "Pemulihan fisik",
        "Desa terdampak dibanding desa tidak terdampak", "Wilayah tertinggal",
    ]  # fmt: skip
    summary = at.info[0].value
    assert "160 desa/kelurahan terdampak" in summary and "Agustus 2026" in summary
    assert [m.value for m in at.metric] == ["160", "1.500", "0 / 2", "57%"]
    charts = {c.proto.id.rsplit("-", 1)[-1] for c in at.get("plotly_chart")}
    assert charts == {"peta_banjir", "grafik_indeks", "grafik_indikator", "grafik_progres", "grafik_burndown",
                      "grafik_selisih", "grafik_layanan_bencana"}  # fmt: skip
    assert "pulih sekitar **Agustus 2026**" in texts(at)  # the event-level detail of the slowest service
    services, physical = at.dataframe[-2].value, at.dataframe[-1].value
    # the key columns first (a phone shows where, what and how far): area, service, percent recovered, office
    assert list(services.columns[:5]) == ["Wilayah", "Layanan", "Persen pulih", "OPD penanggung jawab", "Kab/kota"]
    assert services.iloc[0]["Perkiraan pulih"] == "belum dapat diproyeksikan (tren datar/memburuk)"
    assert services.iloc[0]["Wilayah"] == "Sungai Raya" and services.iloc[0]["OPD penanggung jawab"] == "Dinas Kesehatan"
    assert list(physical.columns[:5]) == ["Wilayah", "Butir", "Sisa", "Persen selesai", "OPD penanggung jawab"]
    assert physical.iloc[0]["Wilayah"] == "Binuang" and physical.iloc[0]["Butir"] == "KK menerima bantuan sosial"
    assert physical.iloc[0]["Sisa"] == 20  # 180 of 200 households assisted: the largest backlog
    labels = [b.proto.label for b in at.get("download_button")]
    # the snapshot to share (dashboard/snapshot), then services, physical per area, two lagging lists
    assert labels == ["Bagikan gambar (PNG)", "Bagikan berkas HTML (luring)"] + ["Unduh Excel", "Unduh CSV"] * 4


def test_default_event_is_the_newest_and_url_is_written(flood_env):
    at = open_page()
    assert not at.exception
    assert at.selectbox(key="bencana").value == "TST-2026-02"
    assert dict(at.query_params).get("bencana") in ("TST-2026-02", ["TST-2026-02"])
    assert "Belum ada laporan kemajuan pemulihan fisik" in at.info[0].value


def test_focus_on_a_kecamatan_and_switching_language(flood_env):
    at = open_page(bencana="TST-2025-12", wilayah=BINUANG)
    assert not at.exception
    assert at.selectbox(key="wilayah").value == BINUANG
    caption_text = texts(at)
    assert "Kabupaten Tapin" in caption_text  # the comparison is shown for Binuang's kab/kota
    assert at.selectbox(key="indikator").value in ("kes_posyandu_buka", "kes_skdn_2t")
    at.selectbox(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Post-flood recovery monitoring"
    assert [s.value for s in at.subheader][0] == "Event summary"
    assert "recorded as affected" in at.info[0].value
    at.selectbox(key="wilayah").set_value(TAPIN).run()
    assert not at.exception and at.selectbox(key="wilayah").value == TAPIN


def test_lagging_list_switches_level(flood_env):
    at = open_page(bencana="TST-2025-12")
    seg = at.get("button_group")
    assert seg, "segmented controls are present"
    lag = next(s for s in seg if s.key == "banjir_tingkat_tertinggal")
    lag.set_value("desa").run()
    assert not at.exception
    services, physical = at.dataframe[-2].value, at.dataframe[-1].value
    assert "Kecamatan" in services.columns and "Kecamatan" in physical.columns
    assert set(services["Wilayah"]) == {"A. Yani Pura", "Hamalau"} and set(physical["Wilayah"]) == {"Tatakan"}


def test_hostile_url_values_are_ignored(flood_env):
    at = open_page(bencana="x'; drop table bencana; --", wilayah="<script>", indikator="../../etc/passwd")
    assert not at.exception
    assert at.selectbox(key="bencana").value == "TST-2026-02"
    assert at.selectbox(key="wilayah").value == "63"


def test_empty_state_without_events(app_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    assert at.info[0].value.startswith("Belum ada kejadian banjir")
