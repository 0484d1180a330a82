-- buat_fakta_berubah: the temporary table of the fact keys (periode, kode_wilayah, kode_indikator) a write inserted or
-- replaced; when it exists at the end of warehouse.writer, the marts are rebuilt incrementally. No parameters.
create temp table if not exists fakta_berubah (periode date, kode_wilayah varchar, kode_indikator varchar)
