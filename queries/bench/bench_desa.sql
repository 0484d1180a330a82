-- bench_desa: one row per desa/kelurahan code: used by bench/run.py to generate import files. No parameters.
select kode from wilayah where tingkat = 'desa' order by kode
