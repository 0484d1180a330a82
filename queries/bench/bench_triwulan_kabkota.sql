-- bench_triwulan_kabkota: one row per kab/kota code: $kode_kabkota, or every kab/kota when NULL (bench/run.py).
-- Params: $kode_kabkota.
select kode from wilayah
where tingkat = 'kabkota' and ($kode_kabkota::varchar is null or kode = $kode_kabkota)
order by kode
