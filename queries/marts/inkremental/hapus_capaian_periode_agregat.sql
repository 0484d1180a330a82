-- hapus_capaian_periode_agregat: deletes the mart_capaian_periode_agregat rows of the 'tahun' keys of lingkup_mart.
-- No parameters.
delete from mart_capaian_periode_agregat m
using lingkup_mart l
where l.jenis = 'tahun' and year(m.periode) = l.tahun and m.kode_indikator = l.kode_indikator
  and split_part(m.kode_wilayah, '.', 1) = l.kode_provinsi
