-- load_sample_fakta_capaian: inserts the generated sample facts registered as `sampel_fakta` (periode, kode_wilayah, kode_indikator, sasaran, terlayani). Params: $id_impor.
insert into fakta_capaian (periode, kode_wilayah, kode_indikator, sasaran, terlayani, capaian_dilaporkan, id_impor)
select periode::date, kode_wilayah::varchar, kode_indikator::varchar, sasaran, terlayani, null, $id_impor
from sampel_fakta
