-- load_sample_bencana: inserts the sample flood events registered as `sampel_bencana` (one row per event). Params: $id_impor.
insert into bencana (kode_bencana, nama, jenis, tanggal_mulai, tanggal_selesai, status, keterangan, id_impor)
select kode_bencana, nama, jenis, tanggal_mulai::date, tanggal_selesai::date, status, keterangan, $id_impor
from sampel_bencana
