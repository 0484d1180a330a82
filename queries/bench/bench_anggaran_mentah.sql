-- bench_anggaran_mentah: one row per (tahun, kab/kota, bidang) of the raw budget table: used only by bench/run.py. No parameters.
select tahun, kode_wilayah, kode_bidang, pagu, realisasi from anggaran
