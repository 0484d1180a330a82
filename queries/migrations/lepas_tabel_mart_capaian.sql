-- lepas_tabel_mart_capaian: drops the table mart_capaian an older version built (see mart_tabel_lama). No parameters.
drop table if exists mart_capaian
