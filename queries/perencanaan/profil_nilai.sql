-- profil_nilai: one row per (area, indicator, period key) from mart_capaian_periode for the areas in $kode_wilayah
-- (list): official SPM rows (quarterly year-to-date) at the quarter-end keys in $periode_resmi, monthly Posyandu and
-- transformation rows at the months in $periode_bulan (lists of DATEs), with the indicator's field, responsible OPD
-- and flags, and the value's coverage (unit_*). Params: $kode_wilayah, $periode_resmi, $periode_bulan.
with
nilai as (
    select m.periode, m.periode_data, m.kode_wilayah, m.tingkat, m.kode_indikator, m.sasaran, m.terlayani,
           m.capaian_persen, m.unit_ada, m.unit_hitung, m.unit_taksiran, m.unit_persen
    from mart_capaian_periode m
    where list_contains($kode_wilayah, m.kode_wilayah)
      and ((m.keluarga = 'spm_resmi' and m.granularitas = 'triwulan' and list_contains($periode_resmi, m.periode))
           or (m.keluarga <> 'spm_resmi' and m.granularitas = 'bulan' and list_contains($periode_bulan, m.periode)))
),
final as (
    select n.periode, n.periode_data, n.kode_wilayah, n.tingkat, n.kode_indikator,
           i.kode_bidang as bidang, i.keluarga, i.level, i.nama_id, i.nama_en, i.lebih_tinggi_lebih_baik,
           i.peka_banjir, b.urutan, b.termasuk_indeks, b.nama_id as bidang_id, b.nama_en as bidang_en,
           b.opd_id, b.opd_en, n.sasaran, n.terlayani, n.capaian_persen, n.unit_ada, n.unit_hitung,
           n.unit_taksiran, n.unit_persen
    from nilai n
    join indikator i using (kode_indikator)
    join bidang b on b.kode_bidang = i.kode_bidang
)
select * from final
order by kode_wilayah, urutan, kode_indikator, periode
