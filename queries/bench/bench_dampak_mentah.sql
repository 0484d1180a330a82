-- bench_dampak_mentah: one row per (event, affected area) as reported (the raw impact table): used only by bench/run.py. No parameters.
select * exclude (id_impor) from dampak_bencana
