-- bench_triwulan_tampil: what the ranking page shows of a freshly imported quarter (bench/run.py): the kab/kota's
-- quarter value of one indicator from mart_capaian_periode. Params: $kode_wilayah, $kode_indikator, $periode (DATE).
select terlayani, sasaran from mart_capaian_periode
where granularitas = 'triwulan' and periode = $periode and kode_wilayah = $kode_wilayah
  and kode_indikator = $kode_indikator
