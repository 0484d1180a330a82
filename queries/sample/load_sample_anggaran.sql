-- load_sample_anggaran: inserts the sample budgets registered as `sampel_anggaran` (one row per tahun, kab/kota and bidang). Params: $id_impor.
insert into anggaran (tahun, kode_wilayah, kode_bidang, pagu, realisasi, id_impor)
select tahun, kode_wilayah, kode_bidang, pagu, realisasi, $id_impor
from sampel_anggaran
