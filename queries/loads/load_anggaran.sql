-- load_anggaran: inserts the staged budget rows (`siap`). Params: $id_impor.
insert into anggaran (tahun, kode_wilayah, kode_bidang, pagu, realisasi, id_impor)
select tahun, kode_wilayah, kode_bidang, pagu, realisasi, $id_impor from siap
