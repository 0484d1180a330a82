-- buat_lingkup_mart: the (empty) temporary table of the keys whose mart rows an incremental rebuild replaces; the mart
-- macros read it when called with semua = false (the full build creates it empty). One row per key: jenis 'capaian'
-- (periode, kode_indikator, kode_provinsi), 'tahun' (tahun, kode_indikator, kode_provinsi), 'periode' (periode),
-- 'seri' (kode_wilayah, kode_indikator), 'banjir' (kode_bencana, kode_indikator). No parameters.
create or replace temp table lingkup_mart (
    jenis varchar, periode date, tahun bigint, kode_indikator varchar, kode_provinsi varchar, kode_wilayah varchar,
    kode_bencana varchar
)
