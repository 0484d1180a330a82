-- bench_fakta_jumlah: one row: the number of rows in the fact table (bench/run.py decides whether the pandas way can hold them). No parameters.
select count(*) as baris from fakta_capaian
