-- ringkasan_layanan: one row per (area of $kode_wilayah, official SPM service: kab/kota-level, and province-level
-- ones, which dashboard.spm.scoring.official_services keeps for a province area only) with the value at the areas'
-- latest quarter-end report on or before $periode in the same year (one area: its own latest report; the kab/kota of
-- a province: the province's latest), NULL where the area did not report the service (so a field's completeness
-- counts it). Coverage columns (unit_*) from mart_capaian. The overview's field and SPM indices and the district
-- table are computed from these rows by dashboard.spm.scoring. Params: $kode_wilayah (list of area codes),
-- $periode (DATE).
with
wilayah_pilihan as (
    select kode as kode_wilayah, tingkat from wilayah where list_contains($kode_wilayah::varchar[], kode)
),
indikator_resmi as (
    select i.kode_indikator, i.kode_bidang as bidang, i.keluarga, i.level, i.lebih_tinggi_lebih_baik,
           b.termasuk_indeks
    from indikator i
    join bidang b on b.kode_bidang = i.kode_bidang
    where i.level in ('kab_kota', 'provinsi') and i.keluarga = 'spm_resmi'
),
layanan as (
    select m.kode_wilayah, m.kode_indikator, m.sasaran, m.terlayani, m.capaian_persen, m.periode,
           m.unit_ada, m.unit_hitung, m.unit_taksiran, m.unit_persen
    from mart_capaian m
    semi join wilayah_pilihan w using (kode_wilayah)
    semi join indikator_resmi i using (kode_indikator)
    where m.periode <= $periode and year(m.periode) = year($periode::date)
),
terakhir as (
    select * from layanan
    where periode = (select max(periode) from layanan)
),
final as (
    select w.kode_wilayah, w.tingkat, i.bidang, i.kode_indikator, i.keluarga, i.level, i.lebih_tinggi_lebih_baik,
           i.termasuk_indeks, t.sasaran, t.terlayani, t.capaian_persen, t.periode,
           t.unit_ada, t.unit_hitung, t.unit_taksiran, t.unit_persen
    from wilayah_pilihan w
    cross join indikator_resmi i
    left join terakhir t using (kode_wilayah, kode_indikator)
)
select * from final order by kode_wilayah, bidang, kode_indikator
