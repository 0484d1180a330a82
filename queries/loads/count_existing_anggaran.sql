-- count_existing_anggaran: one row, the number of staged budget rows (`siap`) whose (tahun, area, bidang) already exists. No parameters.
select count(*) from siap s semi join anggaran a using (tahun, kode_wilayah, kode_bidang)
