-- catat_fakta_berubah: records the keys of the staged rows `siap` (just loaded into fakta_capaian, new or replacing)
-- as changed facts. No parameters.
insert into fakta_berubah
select periode, kode_wilayah, kode_indikator from siap
