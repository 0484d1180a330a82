-- delete_biaya_satuan_siap: removes the unit-cost rows that the staged rows (`siap`) replace. No parameters.
delete from biaya_satuan b using siap s
where b.tahun = s.tahun and b.kode_indikator = s.kode_indikator and b.kode_wilayah = s.kode_wilayah
