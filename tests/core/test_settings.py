"""The typed settings loader: data/pengaturan.toml (every key, its default) with $SPM_CONFIG merged over it; unknown
keys and wrong types are refused with one line naming the file, the section and the key."""

from __future__ import annotations

import tomllib
from dataclasses import fields, is_dataclass

import pytest

from dashboard.core.settings import (
    DEFAULT_CONFIG,
    Settings,
    SettingsError,
    Tabel,
    load_settings,
    settings,
)


def plain(obj):
    """A settings object as the TOML it was read from (tuples as lists, nested tables as dicts)."""
    if is_dataclass(obj):
        return {f.name: plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, Tabel):
        return {k: plain(v) for k, v in obj.items()}
    if isinstance(obj, tuple):
        return [plain(v) for v in obj]
    return obj


def override(tmp_path, text: str):
    path = tmp_path / "lokal.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_defaults_file_loads_into_typed_sections():
    cfg = load_settings()
    assert isinstance(cfg, Settings)
    assert cfg.peringkat.ambang_penyebut_kecil == 100.0 and isinstance(cfg.peringkat.ambang_penyebut_kecil, float)
    assert cfg.peringkat.jumlah_simulasi == 2000 and isinstance(cfg.peringkat.jumlah_simulasi, int)
    assert cfg.banjir.ambang_pulih == 0.95 and cfg.banjir.geojson_kecamatan == ""
    assert cfg.akses.wajib_login_lihat is False and cfg.unggah.batas_mb == 50
    assert cfg.kategori.aktif == "A" and cfg.kategori.skema["B"].batas == (100.0, 80.0, 60.0, 40.0, 20.0, 0.0)
    assert cfg.perencanaan.bobot.as_dict() == {"target": 3.0, "provinsi": 2.0, "belum": 3.0, "tren": 1.0, "banjir": 1.0}
    assert cfg.kualitas.bobot.kelengkapan == 0.4
    hash(cfg)  # frozen and hashable: sections are cache keys


def test_every_section_and_key_of_the_defaults_file_is_covered():
    with open(DEFAULT_CONFIG, "rb") as fh:
        raw = tomllib.load(fh)
    assert plain(load_settings()) == raw  # nothing dropped, nothing added, same values
    assert {f.name for f in fields(Settings)} == set(raw)


def test_settings_without_an_override_are_the_defaults(monkeypatch):
    monkeypatch.delenv("SPM_CONFIG", raising=False)
    settings.cache_clear()
    try:
        assert settings() == load_settings()
    finally:
        settings.cache_clear()


def test_override_merges_over_the_defaults(tmp_path, monkeypatch):
    path = override(
        tmp_path, '[banjir]\nambang_pulih = 1\n\n[kualitas.bobot]\npencilan = 0.5\n\n[kategori]\naktif = "B"\n'
    )
    monkeypatch.setenv("SPM_CONFIG", str(path))
    settings.cache_clear()
    try:
        cfg, base = settings(), load_settings()
    finally:
        settings.cache_clear()
    assert cfg.banjir.ambang_pulih == 1.0 and isinstance(cfg.banjir.ambang_pulih, float)  # an integer is a number
    assert cfg.banjir.bulan_baseline == base.banjir.bulan_baseline  # the rest of the section stays
    assert cfg.kualitas.bobot.pencilan == 0.5 and cfg.kualitas.bobot.kelengkapan == base.kualitas.bobot.kelengkapan
    assert cfg.kategori.aktif == "B" and cfg.kategori.skema == base.kategori.skema
    assert cfg.peringkat == base.peringkat


def test_a_new_scheme_needs_every_key(tmp_path):
    path = override(tmp_path, '[kategori.skema.C]\nnama = "C"\nnama_en = "C"\nbatas = [50, 0]\nlabel = ["a", "b"]\n')
    with pytest.raises(SettingsError, match=r"lokal\.toml: .*\[kategori\.skema\.C\] warna"):
        load_settings(override=path)
    path.write_text(path.read_text(encoding="utf-8") + 'warna = ["#000", "#fff"]\n', encoding="utf-8")
    assert load_settings(override=path).kategori.skema["C"].batas == (50.0, 0.0)


def test_unknown_key_names_the_key_the_section_and_the_file(tmp_path):
    path = override(tmp_path, "[banjir]\nambang_pulihh = 0.9\n")
    with pytest.raises(SettingsError) as err:
        load_settings(override=path)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert "[banjir] ambang_pulihh" in message
    assert "ambang_pulih," in message  # the allowed keys


def test_unknown_section_is_refused(tmp_path):
    path = override(tmp_path, "[bajir]\nambang_pulih = 0.9\n")
    with pytest.raises(SettingsError, match=r"lokal\.toml: .*\[bajir\].*banjir"):
        load_settings(override=path)
    path.write_text("[kualitas.bobott]\npencilan = 1\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"lokal\.toml: .*\[kualitas\] bobott"):
        load_settings(override=path)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[banjir]\nbulan_tren = 4.5\n", "[banjir] bulan_tren"),  # not an integer
        ('[banjir]\nambang_pulih = "0.9"\n', "[banjir] ambang_pulih"),  # text, not a number
        ("[akses]\nwajib_login_lihat = 1\n", "[akses] wajib_login_lihat"),  # not true/false
        ("[unggah]\nbatas_mb = true\n", "[unggah] batas_mb"),  # a boolean is no number
        ('[kategori.skema.A]\nbatas = [100, "x"]\n', "[kategori.skema.A] batas"),
        ("banjir = 3\n", "[banjir]"),  # a value where a section belongs
    ],
)
def test_wrong_type_is_refused(tmp_path, text, where):
    path = override(tmp_path, text)
    with pytest.raises(SettingsError) as err:
        load_settings(override=path)
    assert str(err.value).startswith(f"{path}: ") and where in str(err.value) and "\n" not in str(err.value)


def test_the_defaults_file_is_checked_too(tmp_path):
    broken = tmp_path / "pengaturan.toml"
    broken.write_text(DEFAULT_CONFIG.read_text(encoding="utf-8").replace("seed_simulasi", "seed"), encoding="utf-8")
    with pytest.raises(SettingsError, match=r"pengaturan\.toml: .*\[peringkat\] seed"):
        load_settings(broken)


def test_unreadable_files_and_unknown_schemes_are_one_line(tmp_path):
    with pytest.raises(SettingsError, match=r"tidak-ada\.toml"):
        load_settings(override=tmp_path / "tidak-ada.toml")
    with pytest.raises(SettingsError, match=r"lokal\.toml: .*TOML"):
        load_settings(override=override(tmp_path, "[banjir\n"))
    with pytest.raises(SettingsError, match=r"lokal\.toml: .*\[kategori\] aktif"):
        load_settings(override=override(tmp_path, '[kategori]\naktif = "Z"\n'))


def test_the_command_line_says_it_in_one_line_and_exits_2(tmp_path, monkeypatch):
    from tests.helpers import cli

    monkeypatch.setenv("SPM_CONFIG", str(override(tmp_path, "[banjir]\nambang_pulihh = 0.9\n")))
    settings.cache_clear()
    try:
        code, out = cli("template", "capaian", "-o", tmp_path / "templat.xlsx")
    finally:
        settings.cache_clear()
    assert code == 2
    assert out.strip().count("\n") == 0 and "lokal.toml" in out and "[banjir] ambang_pulihh" in out
    assert not (tmp_path / "templat.xlsx").exists()
