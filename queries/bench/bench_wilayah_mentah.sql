-- bench_wilayah_mentah: one row per administrative unit (all columns): used only by bench/run.py. No parameters.
select * from wilayah
