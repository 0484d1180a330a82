-- banjir_bidang: one row per SPM field with its names and responsible office (OPD), for the lagging list. No parameters.
select kode_bidang, urutan, nama_id, nama_en, opd_id, opd_en from bidang order by urutan
