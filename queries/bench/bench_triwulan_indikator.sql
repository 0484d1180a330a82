-- bench_triwulan_indikator: one row per indicator of catalog level $level (bench/run.py). Params: $level.
select kode_indikator from indikator where level = $level order by kode_indikator
