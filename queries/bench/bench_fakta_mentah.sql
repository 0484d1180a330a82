-- bench_fakta_mentah: one row per reported fact (the whole fact table): used only by bench/run.py to reproduce the "raw facts in pandas" way. No parameters.
select periode, kode_wilayah, kode_indikator, sasaran, terlayani from fakta_capaian
