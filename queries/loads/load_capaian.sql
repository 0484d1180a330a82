-- load_capaian: inserts every staged row of `siap` into the facts. Params: $id_impor.
insert into fakta_capaian (periode, kode_wilayah, kode_indikator, sasaran, terlayani, capaian_dilaporkan, id_impor)
select periode, kode_wilayah, kode_indikator, sasaran, terlayani, capaian_dilaporkan, $id_impor
from siap
