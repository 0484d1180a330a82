-- load_bencana: inserts the staged events (`siap`) into the register. Params: $id_impor.
insert into bencana (kode_bencana, nama, jenis, tanggal_mulai, tanggal_selesai, status, keterangan, id_impor)
select kode_bencana, nama, jenis, tanggal_mulai, tanggal_selesai, status, keterangan, $id_impor from siap
