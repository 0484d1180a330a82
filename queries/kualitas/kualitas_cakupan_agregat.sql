-- kualitas_cakupan_agregat: one row per (aggregate area, indicator) of province $kode_provinsi (the province and its
-- kab/kota, kab/kota of $kabkota only when given) whose value stands on several units: its value and coverage
-- (units of the indicator's unit level that exist, that are in the value with counts or estimated counts, that
-- reported a percentage only and are left out). Official services at the quarter-end key $periode_triwulan, monthly
-- indicators at the month $periode_bulan. The quality page lists the partial ones. Params: $kode_provinsi,
-- $kabkota (VARCHAR or NULL), $periode_triwulan, $periode_bulan (DATEs).
with
wilayah_pilihan as (
    select kode as kode_wilayah, tingkat, nama_lengkap
    from wilayah
    where (kode = $kode_provinsi and $kabkota is null)
       or (tingkat = 'kabkota' and kode_provinsi = $kode_provinsi and ($kabkota is null or kode = $kabkota))
),
nilai as (
    select m.kode_wilayah, m.kode_indikator, m.periode, m.capaian_persen, m.unit_ada, m.unit_hitung,
           m.unit_taksiran, m.unit_persen
    from mart_capaian_periode m
    semi join wilayah_pilihan w using (kode_wilayah)
    where m.unit_ada > 1
      and ((m.granularitas = 'triwulan' and m.keluarga = 'spm_resmi' and m.periode = $periode_triwulan)
           or (m.granularitas = 'bulan' and m.keluarga <> 'spm_resmi' and m.periode = $periode_bulan))
),
final as (
    select w.kode_wilayah, w.tingkat, w.nama_lengkap, n.kode_indikator, i.nama_id, i.nama_en, i.level,
           i.keluarga, n.periode, n.capaian_persen, n.unit_ada, n.unit_hitung, n.unit_taksiran, n.unit_persen
    from nilai n
    join wilayah_pilihan w using (kode_wilayah)
    join indikator i using (kode_indikator)
)
select * from final
order by tingkat desc, kode_wilayah, kode_indikator
