"""Ready-to-fill .xlsx templates, one per data kind, with an instructions sheet in Bahasa Indonesia."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from dashboard import REFERENSI_DIR
from dashboard.impor.kinds import Kind

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TEXT_COLUMNS = {"kode_wilayah", "periode", "kode_indikator", "kode_bencana", "kode_bidang", "tanggal"}


def _reference_sheets(wb: Workbook, kind: Kind) -> None:
    names = set(kind.column_names)
    if "kode_indikator" in names:
        ws = wb.create_sheet("Indikator")
        cat = pd.read_csv(REFERENSI_DIR / "spm_indicators.csv", dtype=str)
        cols = ["indicator_code", "field_code", "name_id", "level", "numerator_id", "denominator_id"]
        ws.append(["kode_indikator", "bidang", "nama", "tingkat", "pembilang", "penyebut"])
        for row in cat[cols].itertuples(index=False):
            ws.append(list(row))
        _style_header(ws, 6)
    if "kode_wilayah" in names:
        ws = wb.create_sheet("Wilayah")
        ws.append(["kode_wilayah", "tingkat", "nama", "kab/kota", "kecamatan"])
        kab = pd.read_csv(REFERENSI_DIR / "kalsel_wilayah_kabkota.csv", dtype=str)
        kec = pd.read_csv(REFERENSI_DIR / "kalsel_wilayah_kecamatan.csv", dtype=str)
        desa = pd.read_csv(REFERENSI_DIR / "kalsel_wilayah_desa.csv", dtype=str)
        kab_name = dict(zip(kab["kode"], kab["nama_lengkap"], strict=True))
        kec_name = dict(zip(kec["kode"], kec["nama"], strict=True))
        for r in kab.itertuples(index=False):
            ws.append([r.kode, "kab/kota", r.nama_lengkap, r.nama_lengkap, ""])
        for r in kec.itertuples(index=False):
            ws.append([r.kode, "kecamatan", r.nama, kab_name[r.kode_kabkota], r.nama])
        for r in desa.itertuples(index=False):
            ws.append([r.kode, r.jenis, r.nama, kab_name[r.kode_kabkota], kec_name[r.kode_kecamatan]])
        _style_header(ws, 5)


def _style_header(ws, ncols: int) -> None:
    for col in range(1, ncols + 1):
        cell = ws.cell(row=1, column=col)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        ws.column_dimensions[get_column_letter(col)].width = 22
    ws.freeze_panes = "A2"


def write_template(kind: Kind, path: Path) -> Path:
    """Write the template: sheet 'Data' (header in row 1, examples), 'Petunjuk', and reference sheets."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(kind.column_names)
    _style_header(ws, len(kind.columns))
    for example in kind.examples:
        ws.append([v if v != "" else None for v in example])
    for j, col in enumerate(kind.columns, start=1):
        if col.name in TEXT_COLUMNS:
            for r in range(2, 2001):
                ws.cell(row=r, column=j).number_format = "@"
    if "kode_indikator" in kind.column_names:
        j = kind.column_names.index("kode_indikator") + 1
        letter = get_column_letter(j)
        dv = DataValidation(type="list", formula1="=Indikator!$A$2:$A$200", allow_blank=True)
        dv.error = "Kode indikator tidak ada di katalog (lembar Indikator)."
        dv.errorTitle = "Indikator tidak dikenal"
        ws.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}5000")

    info = wb.create_sheet("Petunjuk")
    info.append([f"Templat: {kind.title_id}"])
    info["A1"].font = Font(bold=True, size=14)
    info.append([f"Diisi oleh: {kind.who_id}"])
    info.append(["Isi lembar 'Data' (lembar pertama) mulai baris 2; baris 1 = judul kolom, jangan diubah. Hapus baris contoh."])
    info.append(["Satu baris per kunci; baris dengan kunci yang sudah ada di basis data akan mengganti nilai lama."])
    info.append(["Angka boleh memakai titik ribuan (1.234). Persentase boleh memakai koma desimal (87,5)."])
    info.append(["Bila ada satu saja kesalahan, seluruh berkas ditolak dan daftar kesalahan (baris, kolom, nilai, alasan) ditampilkan."])
    info.append([f"English: template for {kind.title_en}. Fill in sheet 'Data' from row 2; see the column notes below."])
    info.append([])
    info.append(["Kolom", "Wajib", "Keterangan", "Notes (English)", "Contoh"])
    header_row = info.max_row
    for col in kind.columns:
        required = "ya" if col.required else ""
        for group in kind.one_of:
            if col.name in group:
                required = "salah satu: " + " / ".join(group)
        info.append([col.name, required, col.help_id, col.help_en, col.example])
    for c in range(1, 6):
        info.cell(row=header_row, column=c).fill = HEADER_FILL
        info.cell(row=header_row, column=c).font = HEADER_FONT
    for letter, width in zip("ABCDE", (22, 24, 70, 60, 18), strict=True):
        info.column_dimensions[letter].width = width
    for row in info.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _reference_sheets(wb, kind)
    wb.active = wb.sheetnames.index("Data")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def template_bytes(kind: Kind) -> bytes:
    """The template as .xlsx bytes (for download buttons)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = write_template(kind, Path(tmp) / f"templat_{kind.key}.xlsx")
        return path.read_bytes()
