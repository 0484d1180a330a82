-- lepas_tabel_mart_capaian_periode: drops the table mart_capaian_periode an older version built (see mart_tabel_lama). No parameters.
drop table if exists mart_capaian_periode
