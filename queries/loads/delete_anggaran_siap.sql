-- delete_anggaran_siap: removes the budget rows that the staged rows (`siap`) replace. No parameters.
delete from anggaran a using siap s
where a.tahun = s.tahun and a.kode_wilayah = s.kode_wilayah and a.kode_bidang = s.kode_bidang
