"""The import contract: one spec per data kind (columns, aliases, requirements, SQL used to stage and load)."""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.impor.reader import normalise_name


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
    ("kode", "kode_kemendagri", "kode wilayah", "kode_daerah", "kode_desa", "kode_kabkota", "wilayah_id", "kode_bps",
     "kode_wilayah_bps", "id_wilayah"),
    example="63.03",
    help_id="Kode Kemendagri kab/kota (63.03), kecamatan (63.03.05) atau desa/kelurahan (63.03.05.2001); titik boleh dihilangkan (6303052001). Format sel sebagai Teks.",
    help_en="Kemendagri code of a kab/kota (63.03), kecamatan (63.03.05) or desa/kelurahan (63.03.05.2001); dots optional (6303052001). Format the cells as Text.",
)
_WILAYAH_NAMA = Column(
    "nama_wilayah",
    ("nama_kabkota", "kabupaten_kota", "kab_kota", "kabupaten", "wilayah", "nama_daerah", "kab", "kabkota",
     "nama_wilayah_bps"),
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
            ("bulan", "periode_laporan", "tanggal", "period", "tahun"),
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
        ("2026-03", "63.03.01.2001", "", "kes_skdn_d_per_s", "120", "98", ""),
        ("2026-03", "63.05", "", "pu_air_minum", "", "", "87,5"),
    ),
)


_BENCANA_KODE = Column(
    "kode_bencana",
    ("kode_kejadian", "id_bencana"),
    required=True,
    example="BJR-2025-12",
    help_id="Kode singkat kejadian yang Anda tetapkan sendiri, unik (mis. BJR-2025-12). Dipakai lagi di berkas dampak dan pemulihan.",
    help_en="A short, unique event code of your choice (e.g. BJR-2025-12). Used again in the impact and recovery files.",
)

BENCANA = Kind(
    key="bencana",
    table="bencana",
    stage_query="stg_bencana",
    load_queries=("delete_bencana_siap", "load_bencana"),
    count_existing_query="count_existing_bencana",
    title_id="Daftar kejadian bencana (banjir)",
    title_en="Disaster (flood) event register",
    who_id="BPBD kab/kota atau provinsi",
    who_en="District or provincial disaster management agency (BPBD)",
    columns=(
        _BENCANA_KODE,
        Column(
            "nama",
            ("nama_kejadian", "kejadian"),
            required=True,
            example="Banjir Kabupaten Banjar Desember 2025",
            help_id="Nama kejadian.",
            help_en="Event name.",
        ),
        Column(
            "jenis",
            ("jenis_bencana",),
            example="banjir",
            help_id="Jenis bencana (bawaan: banjir).",
            help_en="Hazard type (default: banjir = flood).",
        ),
        Column(
            "tanggal_mulai",
            ("mulai", "tanggal_kejadian", "awal"),
            required=True,
            example="2025-12-29",
            help_id="Tanggal awal kejadian: YYYY-MM-DD, DD/MM/YYYY, atau sel tanggal Excel.",
            help_en="Start date: YYYY-MM-DD, DD/MM/YYYY or an Excel date cell.",
        ),
        Column(
            "tanggal_selesai",
            ("selesai", "akhir"),
            example="2026-01-27",
            help_id="Tanggal air surut/status darurat berakhir (boleh kosong).",
            help_en="Date the water receded/emergency ended (may be empty).",
        ),
        Column(
            "status",
            ("status_penanganan",),
            example="pemulihan",
            help_id="tanggap_darurat, transisi_darurat (transisi darurat ke pemulihan), pemulihan, atau selesai.",
            help_en="tanggap_darurat (emergency response), transisi_darurat (transition to recovery), pemulihan (recovery) or selesai (closed).",
        ),
        Column(
            "keterangan",
            ("catatan", "sumber"),
            example="Pusdalops BPBD Kab. Banjar",
            help_id="Catatan/sumber data.",
            help_en="Notes/data source.",
        ),
    ),
    examples=(
        (
            "BJR-2025-12",
            "Banjir Kabupaten Banjar Desember 2025",
            "banjir",
            "2025-12-29",
            "2026-01-27",
            "pemulihan",
            "Pusdalops BPBD Kab. Banjar",
        ),
    ),
)

_DAMPAK_ANGKA = (
    ("kk_terdampak", ("kk",), "Jumlah KK terdampak", "Households affected"),
    ("jiwa_terdampak", ("jiwa", "penduduk_terdampak"), "Jumlah jiwa terdampak", "People affected"),
    ("jiwa_mengungsi", ("pengungsi", "mengungsi"), "Jumlah jiwa mengungsi", "People displaced"),
    ("rumah_terendam", ("rumah_tergenang",), "Rumah terendam", "Houses flooded"),
    ("rumah_rusak_berat", ("rusak_berat", "rb"), "Rumah rusak berat", "Houses heavily damaged"),
    ("rumah_rusak_sedang", ("rusak_sedang", "rs"), "Rumah rusak sedang", "Houses moderately damaged"),
    ("rumah_rusak_ringan", ("rusak_ringan", "rr"), "Rumah rusak ringan", "Houses lightly damaged"),
    ("sekolah_terdampak", ("sekolah",), "Sekolah terdampak", "Schools affected"),
    ("posyandu_terdampak", ("posyandu",), "Posyandu terdampak", "Posyandu affected"),
    (
        "faskes_terdampak",
        ("faskes", "fasilitas_kesehatan"),
        "Fasilitas kesehatan terdampak",
        "Health facilities affected",
    ),
    (
        "sarana_air_rusak",
        ("sarana_air_bersih_rusak", "sab_rusak"),
        "Sarana air bersih rusak",
        "Water facilities damaged",
    ),
    (
        "sarana_sanitasi_rusak",
        ("jamban_rusak", "sanitasi_rusak"),
        "Sarana sanitasi rusak",
        "Sanitation facilities damaged",
    ),
)

DAMPAK = Kind(
    key="dampak",
    table="dampak_bencana",
    stage_query="stg_dampak",
    load_queries=("delete_dampak_siap", "load_dampak"),
    count_existing_query="count_existing_dampak",
    title_id="Dampak bencana per wilayah",
    title_en="Disaster impact per area",
    who_id="BPBD (Pusdalops), dengan data sektor dari Dinas Pendidikan, Dinas Kesehatan, Dinas PUPR, Dinas Perkim, Dinas Sosial",
    who_en="BPBD (Pusdalops), with sector data from the education, health, public works, housing and social offices",
    columns=(
        _BENCANA_KODE,
        _WILAYAH_KODE,
        _WILAYAH_NAMA,
        *(
            _count(
                n,
                a,
                f"{i} (bilangan bulat ≥ 0; kosong = tidak diketahui).",
                f"{e} (whole number ≥ 0; empty = unknown).",
            )
            for n, a, i, e in _DAMPAK_ANGKA
        ),
    ),
    one_of=(("kode_wilayah", "nama_wilayah"),),
    examples=(
        ("BJR-2025-12", "63.03.05", "", "2.150", "6.980", "210", "1.900", "12", "85", "640", "9", "3", "1", "14", "22"),
    ),
)

_PULIH_ANGKA = (
    (
        "rumah_rusak_berat_diperbaiki",
        ("rb_diperbaiki",),
        "Rumah rusak berat yang sudah diperbaiki (kumulatif)",
        "Heavily damaged houses repaired (cumulative)",
    ),
    (
        "rumah_rusak_sedang_diperbaiki",
        ("rs_diperbaiki",),
        "Rumah rusak sedang yang sudah diperbaiki (kumulatif)",
        "Moderately damaged houses repaired (cumulative)",
    ),
    (
        "rumah_rusak_ringan_diperbaiki",
        ("rr_diperbaiki",),
        "Rumah rusak ringan yang sudah diperbaiki (kumulatif)",
        "Lightly damaged houses repaired (cumulative)",
    ),
    (
        "sekolah_pulih",
        ("sekolah_berfungsi",),
        "Sekolah yang sudah berfungsi kembali (kumulatif)",
        "Schools restored (cumulative)",
    ),
    (
        "sarana_air_pulih",
        ("sab_pulih",),
        "Sarana air bersih berfungsi kembali (kumulatif)",
        "Water facilities back in service (cumulative)",
    ),
    (
        "sarana_sanitasi_pulih",
        ("sanitasi_pulih",),
        "Sarana sanitasi berfungsi kembali (kumulatif)",
        "Sanitation facilities back in service (cumulative)",
    ),
    (
        "kk_menerima_bantuan",
        ("kk_bantuan",),
        "KK terdampak yang sudah menerima bantuan sosial (kumulatif)",
        "Affected households reached by social assistance (cumulative)",
    ),
)

PEMULIHAN = Kind(
    key="pemulihan",
    table="pemulihan",
    stage_query="stg_pemulihan",
    load_queries=("delete_pemulihan_siap", "load_pemulihan"),
    count_existing_query="count_existing_pemulihan",
    title_id="Kemajuan pemulihan pascabencana",
    title_en="Post-disaster recovery progress",
    who_id="Dinas Perkim dan Dinas Sosial (rumah), Dinas Pendidikan (sekolah), Dinas PUPR (air dan sanitasi), Dinas Sosial (bantuan); dihimpun BPBD",
    who_en="Housing and social offices (houses), education office (schools), public works (water, sanitation), social office (assistance); compiled by BPBD",
    columns=(
        _BENCANA_KODE,
        _WILAYAH_KODE,
        _WILAYAH_NAMA,
        Column(
            "tanggal",
            ("tanggal_laporan", "per_tanggal"),
            required=True,
            example="2026-03-31",
            help_id="Tanggal posisi data (angka kumulatif sampai tanggal ini).",
            help_en="Date of the figures (cumulative up to this date).",
        ),
        *(_count(n, a, f"{i}; bilangan bulat ≥ 0.", f"{e}; whole number ≥ 0.") for n, a, i, e in _PULIH_ANGKA),
    ),
    one_of=(("kode_wilayah", "nama_wilayah"),),
    examples=(("BJR-2025-12", "63.03.05", "", "2026-03-31", "4", "30", "410", "7", "8", "12", "1.980"),),
)

ANGGARAN = Kind(
    key="anggaran",
    table="anggaran",
    stage_query="stg_anggaran",
    load_queries=("delete_anggaran_siap", "load_anggaran"),
    count_existing_query="count_existing_anggaran",
    title_id="Anggaran SPM per bidang (pagu dan realisasi)",
    title_en="SPM budget per field (allocation and realisation)",
    who_id="Bappeda/Bappedalitbang dengan BPKAD",
    who_en="Regional planning agency (Bappeda) with the finance agency (BPKAD)",
    columns=(
        Column(
            "tahun",
            ("tahun_anggaran", "ta"),
            required=True,
            example="2026",
            help_id="Tahun anggaran.",
            help_en="Budget year.",
        ),
        _WILAYAH_KODE,
        _WILAYAH_NAMA,
        Column(
            "kode_bidang",
            ("bidang", "bidang_spm", "urusan"),
            required=True,
            example="kesehatan",
            help_id="pendidikan, kesehatan, pekerjaan_umum, perumahan_rakyat, trantibumlinmas atau sosial (nama bidang juga diterima).",
            help_en="pendidikan, kesehatan, pekerjaan_umum, perumahan_rakyat, trantibumlinmas or sosial (field names accepted too).",
        ),
        _count(
            "pagu",
            ("anggaran", "alokasi", "pagu_anggaran"),
            "Pagu anggaran program SPM bidang ini, rupiah (1.250.000.000).",
            "Budget allocation for the field's SPM programmes, rupiah.",
            "12.500.000.000",
        ),
        _count(
            "realisasi",
            ("realisasi_anggaran", "serapan"),
            "Realisasi (belanja terserap), rupiah.",
            "Realised spending, rupiah.",
            "9.870.000.000",
        ),
    ),
    one_of=(("kode_wilayah", "nama_wilayah"),),
    examples=(
        ("2026", "63.03", "", "kesehatan", "12.500.000.000", "9.870.000.000"),
        ("2026", "", "Kota Banjarbaru", "pendidikan", "8.000.000.000", "6.100.000.000"),
    ),
)


BIAYA_SATUAN = Kind(
    key="biaya_satuan",
    table="biaya_satuan",
    stage_query="stg_biaya_satuan",
    load_queries=("delete_biaya_satuan_siap", "load_biaya_satuan"),
    count_existing_query="count_existing_biaya_satuan",
    title_id="Biaya satuan layanan SPM (rupiah per orang terlayani)",
    title_en="SPM service unit costs (rupiah per person served)",
    who_id="Bappeda dengan OPD pengampu bidang (standar teknis) atau survei harga setempat",
    who_en="Bappeda with each field's sector office (technical standards) or a local price survey",
    columns=(
        Column(
            "tahun",
            ("tahun_anggaran", "ta"),
            required=True,
            example="2026",
            help_id="Tahun berlakunya biaya satuan.",
            help_en="Year the unit cost applies to.",
        ),
        Column(
            "kode_indikator",
            ("kode_layanan", "indikator", "kode indikator", "indicator_code"),
            required=True,
            example="kes_ibu_hamil",
            help_id="Kode layanan SPM kab/kota dari katalog (lembar 'Indikator', tingkat kab_kota).",
            help_en="Kab/kota SPM service code from the catalog (sheet 'Indikator', level kab_kota).",
        ),
        Column(
            "kode_wilayah",
            _WILAYAH_KODE.aliases,
            example="",
            help_id="Kosong (atau 63) = berlaku untuk seluruh provinsi. Isi kode kab/kota (63.03) bila harga kab/kota ini berbeda: nilainya menggantikan biaya provinsi untuk kab/kota itu.",
            help_en="Empty (or 63) = province-wide. A kab/kota code (63.03) when prices there differ: it overrides the province-wide cost for that kab/kota.",
        ),
        Column(
            "nama_wilayah",
            _WILAYAH_NAMA.aliases,
            example="",
            help_id="Boleh dipakai sebagai ganti kode_wilayah (mis. 'Kab. Kotabaru').",
            help_en="May be used instead of kode_wilayah (e.g. 'Kab. Kotabaru').",
        ),
        Column(
            "biaya_satuan",
            ("biaya_per_orang", "biaya_per_sasaran", "harga_satuan", "satuan_biaya", "unit_cost", "biaya_satuan_rp"),
            required=True,
            example="350.000",
            help_id="Biaya untuk melayani satu orang sasaran sesuai standar, rupiah, bilangan bulat > 0 (350.000).",
            help_en="Cost of serving one person to standard, rupiah, whole number > 0.",
        ),
        Column(
            "sumber",
            ("sumber_biaya", "sumber_harga", "dasar_perhitungan"),
            required=True,
            example="Permenkes 6/2024 (standar teknis SPM kesehatan)",
            help_id="Dasar angka: peraturan standar teknis (sebut nomornya) atau survei harga setempat (sebut tahun dan pelaksananya).",
            help_en="Basis of the figure: the technical-standard regulation (name it) or a local price survey (year, by whom).",
        ),
    ),
    examples=(
        ("2026", "kes_ibu_hamil", "", "", "350.000", "Contoh: ganti dengan peraturan standar teknis yang berlaku"),
        ("2026", "kes_ibu_hamil", "63.02", "", "420.000", "Contoh: ganti dengan survei harga kab/kota"),
    ),
)


KINDS: dict[str, Kind] = {k.key: k for k in (CAPAIAN, BENCANA, DAMPAK, PEMULIHAN, ANGGARAN, BIAYA_SATUAN)}


def register(kind: Kind) -> Kind:
    """Add a data kind to the import contract (used by the modules that define the other kinds)."""
    KINDS[kind.key] = kind
    return kind
