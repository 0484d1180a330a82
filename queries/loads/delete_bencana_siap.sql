-- delete_bencana_siap: removes the register entries that the staged events (`siap`) replace. No parameters.
delete from bencana b using siap s where b.kode_bencana = s.kode_bencana
