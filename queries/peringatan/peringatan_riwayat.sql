-- peringatan_riwayat: one row per (kab/kota or province of $kode_provinsi, indicator, period) up to $akhir (DATE) for the year-end projection: official SPM services at their quarter-end year-to-date rows, Posyandu and transformation indicators per month; Params: $akhir, $kode_provinsi.
select p.kode_wilayah, p.tingkat, p.kode_indikator, p.keluarga, p.periode,
       year(p.periode)::int as tahun, month(p.periode)::int as bulan,
       p.sasaran, p.terlayani, p.capaian_persen,
       p.unit_ada, p.unit_hitung, p.unit_taksiran, p.unit_persen
from mart_capaian_periode p
where p.tingkat in ('kabkota', 'provinsi')
  and p.periode <= $akhir
  and (p.kode_wilayah = $kode_provinsi or starts_with(p.kode_wilayah, $kode_provinsi || '.'))
  and ((p.granularitas = 'triwulan' and p.keluarga = 'spm_resmi')
       or (p.granularitas = 'bulan' and p.keluarga <> 'spm_resmi'))
order by p.kode_wilayah, p.kode_indikator, p.periode
