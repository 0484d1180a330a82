-- hapus_banjir_bulanan: deletes the mart_banjir_bulanan rows of the 'banjir' keys of lingkup_mart. No parameters.
delete from mart_banjir_bulanan m
using lingkup_mart l
where l.jenis = 'banjir' and m.kode_bencana = l.kode_bencana and m.kode_indikator = l.kode_indikator
