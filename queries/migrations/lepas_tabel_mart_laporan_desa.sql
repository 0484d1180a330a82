-- lepas_tabel_mart_laporan_desa: drops the table mart_laporan_desa an older version built (see mart_tabel_lama). No parameters.
drop table if exists mart_laporan_desa
