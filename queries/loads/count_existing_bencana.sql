-- count_existing_bencana: one row, the number of staged events (`siap`) already in the register. No parameters.
select count(*) from siap s semi join bencana b using (kode_bencana)
