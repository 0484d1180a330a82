-- count_existing_dampak: one row, the number of staged impact rows (`siap`) whose (event, area) already exists. No parameters.
select count(*) from siap s semi join dampak_bencana d using (kode_bencana, kode_wilayah)
