-- kualitas_kelengkapan: one row per (month, area directly below $induk at level $tingkat) for monthly indicator
-- $indikator ('*' = any monthly indicator): active desa, desa that reported, completeness in percent (the heat map).
-- Params: $tingkat ('kabkota' | 'kecamatan'), $induk (parent code: the province or a kab/kota), $indikator.
select k.periode, k.kode_wilayah, w.nama, w.nama_lengkap, k.desa_aktif, k.desa_melapor, k.kelengkapan_persen
from mart_kelengkapan k
join wilayah w on w.kode = k.kode_wilayah
where k.tingkat = $tingkat and w.kode_induk = $induk and k.kode_indikator = $indikator
order by w.kode, k.periode
