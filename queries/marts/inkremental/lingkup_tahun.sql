-- lingkup_tahun: adds the 'tahun' keys (tahun, kode_indikator, kode_provinsi) of the 'capaian' keys: every quarter
-- and year row of mart_capaian_periode_agregat of that year (a quarter and a year-to-date row only read months of
-- their own year). No parameters.
insert into lingkup_mart (jenis, tahun, kode_indikator, kode_provinsi)
select distinct 'tahun', year(periode), kode_indikator, kode_provinsi
from lingkup_mart
where jenis = 'capaian'
