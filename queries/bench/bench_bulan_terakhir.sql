-- bench_bulan_terakhir: the latest month with facts (bench/run.py). No parameters.
select max(periode) from fakta_capaian
