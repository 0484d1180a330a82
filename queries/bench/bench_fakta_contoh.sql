-- bench_fakta_contoh: one row per reported fact, the first $batas of them: used only by bench/run.py to estimate the memory the "raw facts in pandas" way would need. Params: $batas.
select periode, kode_wilayah, kode_indikator, sasaran, terlayani from fakta_capaian limit $batas
