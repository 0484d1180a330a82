-- tren_capaian_seri: one row per (area, indicator, grain, period key) from mart_capaian_periode for the areas in
-- $kode_wilayah, the indicators in $kode_indikator and the grains in $granularitas (all three are lists), with
-- the value's coverage (unit_*).
-- Params: $kode_wilayah, $kode_indikator, $granularitas.
select m.granularitas, m.periode, m.periode_data, m.jumlah_bulan, m.kode_wilayah, m.tingkat, m.kode_indikator,
       m.bidang, m.keluarga, m.sasaran, m.terlayani, m.capaian_persen, m.jumlah_laporan,
       m.unit_ada, m.unit_hitung, m.unit_taksiran, m.unit_persen, i.lebih_tinggi_lebih_baik, i.level
from mart_capaian_periode m
join indikator i using (kode_indikator)
where list_contains($granularitas, m.granularitas)
  and list_contains($kode_indikator, m.kode_indikator)
  and list_contains($kode_wilayah, m.kode_wilayah)
order by m.kode_wilayah, m.kode_indikator, m.granularitas, m.periode
