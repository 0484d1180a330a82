-- bench_pemulihan_mentah: one row per (event, area, date) of cumulative recovery progress (the raw table): used only by bench/run.py. No parameters.
select * exclude (id_impor) from pemulihan
