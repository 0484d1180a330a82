-- lepas_tabel_inkremental: drops the temporary tables of an incremental rebuild (fakta_berubah, taksiran_lama).
-- No parameters.
drop table if exists temp.fakta_berubah
