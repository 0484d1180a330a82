-- bench_bencana_mentah: one row per disaster event (the raw register): used only by bench/run.py to reproduce the "raw tables in pandas" way. No parameters.
select kode_bencana, nama, jenis, tanggal_mulai, tanggal_selesai, status from bencana
