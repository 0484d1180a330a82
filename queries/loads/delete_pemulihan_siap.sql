-- delete_pemulihan_siap: removes the progress rows that the staged rows (`siap`) replace. No parameters.
delete from pemulihan p using siap s
where p.kode_bencana = s.kode_bencana and p.kode_wilayah = s.kode_wilayah and p.tanggal = s.tanggal
