-- load_sample_biaya_satuan: inserts the sample's synthetic unit costs registered as `sampel_biaya_satuan` (one row per tahun, service and area). Params: $id_impor.
insert into biaya_satuan (tahun, kode_indikator, kode_wilayah, biaya_satuan, sumber, id_impor)
select tahun, kode_indikator, kode_wilayah, biaya_satuan, sumber, $id_impor
from sampel_biaya_satuan
