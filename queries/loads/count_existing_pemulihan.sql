-- count_existing_pemulihan: one row, the number of staged progress rows (`siap`) whose (event, area, date) already exists. No parameters.
select count(*) from siap s semi join pemulihan p using (kode_bencana, kode_wilayah, tanggal)
