-- count_existing_biaya_satuan: one row, the number of staged unit-cost rows (`siap`) whose (tahun, service, area) already exists. No parameters.
select count(*) from siap s semi join biaya_satuan b using (tahun, kode_indikator, kode_wilayah)
