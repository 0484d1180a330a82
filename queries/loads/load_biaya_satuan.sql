-- load_biaya_satuan: inserts the staged unit-cost rows (`siap`). Params: $id_impor.
insert into biaya_satuan (tahun, kode_indikator, kode_wilayah, biaya_satuan, sumber, id_impor)
select tahun, kode_indikator, kode_wilayah, biaya_satuan, sumber, $id_impor from siap
