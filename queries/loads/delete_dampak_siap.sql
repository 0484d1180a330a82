-- delete_dampak_siap: removes the impact rows that the staged rows (`siap`) replace. No parameters.
delete from dampak_bencana d using siap s where d.kode_bencana = s.kode_bencana and d.kode_wilayah = s.kode_wilayah
