"""The import contract: one spec per data kind (columns, aliases, requirements, SQL used to stage and load)."""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.importer.reader import normalise_name


@dataclass(frozen=True)
class Column:
    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    example: str = ""
    # help text for the template's instructions sheet
    help_id: str = ""
    help_en: str = ""


@dataclass(frozen=True)
class Kind:
    key: str
    table: str  # target table
    stage_query: str
    load_queries: tuple[str, ...]
    count_existing_query: str
    columns: tuple[Column, ...]
    title_id: str
    title_en: str
    who_id: str
    who_en: str
    # groups of columns of which at least one must be present, e.g. (kode_wilayah | nama_wilayah)
    one_of: tuple[tuple[str, ...], ...] = ()
    # column required only when another column is present: {"sasaran": "terlayani"}
    required_with: dict[str, str] = field(default_factory=dict)
    examples: tuple[tuple[str, ...], ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def aliases(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for col in self.columns:
            for name in (col.name, *col.aliases):
                out[normalise_name(name)] = col.name
        return out


_WILAYAH_KODE = Column(
    "kode_wilayah",
    ("kode", "kode_kemendagri", "kode wilayah", "kode_daerah", "kode_desa", "kode_kabkota"),
    example="63.03",
    help_id="Kode Kemendagri kab/kota (63.03), kecamatan (63.03.05) atau desa/kelurahan (63.03.05.2001); titik boleh dihilangkan (6303052001). Format sel sebagai Teks.",
    help_en="Kemendagri code of a kab/kota (63.03), kecamatan (63.03.05) or desa/kelurahan (63.03.05.2001); dots optional (6303052001). Format the cells as Text.",
)
_WILAYAH_NAMA = Column(
    "nama_wilayah",
    ("nama_kabkota", "kabupaten_kota", "kab_kota", "kabupaten", "wilayah", "nama_daerah"),
    example="Kabupaten Banjar",
    help_id="Boleh dipakai sebagai ganti kode_wilayah untuk baris kab/kota (mis. 'Kab. Banjar', 'Kota Banjarbaru').",
    help_en="May be used instead of kode_wilayah for kab/kota rows (e.g. 'Kab. Banjar', 'Kota Banjarbaru').",
)


def _count(name: str, aliases: tuple[str, ...], id_: str, en: str, example: str = "0") -> Column:
    return Column(name, aliases, example=example, help_id=id_, help_en=en)


CAPAIAN = Kind(
    key="capaian",
    table="fakta_capaian",
    stage_query="stg_capaian",
    load_queries=("delete_capaian_siap", "load_capaian"),
    count_existing_query="count_existing_capaian",
    title_id="Capaian indikator SPM dan Posyandu",
    title_en="SPM and Posyandu indicator coverage",
    who_id="Dinas/OPD pengampu bidang SPM, operator Posyandu (melalui kecamatan/DPMD)",
    who_en="Sector offices (OPD) of each SPM field, Posyandu operators (via kecamatan/DPMD)",
    columns=(
        Column(
            "periode",
            ("bulan", "periode_laporan", "tanggal", "period"),
            required=True,
            example="2026-03",
            help_id="Bulan laporan: YYYY-MM (2026-03), YYYY-MM-DD, atau sel tanggal Excel. Data SPM kab/kota: bulan akhir triwulan, angka kumulatif sejak Januari.",
            help_en="Reporting month: YYYY-MM (2026-03), YYYY-MM-DD or an Excel date cell. Kab/kota SPM data: the quarter's last month, cumulative since January.",
        ),
        _WILAYAH_KODE,
        _WILAYAH_NAMA,
        Column(
            "kode_indikator",
            ("indikator", "kode indikator", "indicator_code"),
            required=True,
            example="kes_ibu_hamil",
            help_id="Kode indikator dari katalog (lembar 'Indikator').",
            help_en="Indicator code from the catalog (sheet 'Indikator').",
        ),
        _count(
            "sasaran",
            ("jumlah_sasaran", "target", "penyebut"),
            "Jumlah sasaran (penyebut), bilangan bulat ≥ 0; '1.234' diterima. Boleh kosong bila hanya capaian_persen yang diisi.",
            "Target population (denominator), whole number ≥ 0; '1.234' accepted. May be empty when only capaian_persen is given.",
            "1250",
        ),
        _count(
            "terlayani",
            ("jumlah_terlayani", "realisasi", "capaian_jumlah", "pembilang", "dilayani"),
            "Jumlah yang terlayani sesuai standar (pembilang), bilangan bulat ≥ 0.",
            "Number served to standard (numerator), whole number ≥ 0.",
            "1190",
        ),
        Column(
            "capaian_persen",
            ("capaian", "persen", "persentase", "capaian_%", "capaian_pct"),
            example="",
            help_id="Hanya bila sumber memuat persentase saja: angka 0–100, koma desimal boleh (95,2).",
            help_en="Only when the source publishes a percentage only: 0–100, decimal comma accepted (95,2).",
        ),
    ),
    one_of=(("kode_wilayah", "nama_wilayah"), ("terlayani", "capaian_persen")),
    required_with={"sasaran": "terlayani"},
    examples=(
        ("2026-03", "63.03", "", "kes_ibu_hamil", "14.250", "3.410", ""),
        ("2026-03", "", "Kota Banjarbaru", "kes_ibu_hamil", "4.020", "1.105", ""),
        ("2026-03", "63.03.05.2001", "", "kes_skdn_d_per_s", "120", "98", ""),
        ("2026-03", "63.05", "", "pu_air_minum", "", "", "87,5"),
    ),
)


KINDS: dict[str, Kind] = {CAPAIAN.key: CAPAIAN}


def register(kind: Kind) -> Kind:
    """Add a data kind to the import contract (used by the modules that define the other kinds)."""
    KINDS[kind.key] = kind
    return kind
