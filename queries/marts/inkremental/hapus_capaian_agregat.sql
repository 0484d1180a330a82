-- hapus_capaian_agregat: deletes the mart_capaian_agregat rows of the 'capaian' keys of lingkup_mart. No parameters.
delete from mart_capaian_agregat m
using lingkup_mart l
where l.jenis = 'capaian' and m.periode = l.periode and m.kode_indikator = l.kode_indikator
  and split_part(m.kode_wilayah, '.', 1) = l.kode_provinsi
