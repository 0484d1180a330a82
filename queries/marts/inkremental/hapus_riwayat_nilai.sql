-- hapus_riwayat_nilai: deletes the mart_riwayat_nilai rows of the 'seri' keys of lingkup_mart. No parameters.
delete from mart_riwayat_nilai m
using lingkup_mart l
where l.jenis = 'seri' and m.kode_wilayah = l.kode_wilayah and m.kode_indikator = l.kode_indikator
