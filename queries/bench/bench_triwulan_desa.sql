-- bench_triwulan_desa: one row per desa of kab/kota $kode_kabkota (every desa when NULL): used by bench/run.py to
-- generate a quarterly import file. Params: $kode_kabkota.
select kode from wilayah
where tingkat = 'desa' and ($kode_kabkota::varchar is null or kode_kabkota = $kode_kabkota)
order by kode
