-- hapus_kelengkapan: deletes the mart_kelengkapan rows of the 'periode' keys of lingkup_mart. No parameters.
delete from mart_kelengkapan
where periode in (select periode from lingkup_mart where jenis = 'periode')
