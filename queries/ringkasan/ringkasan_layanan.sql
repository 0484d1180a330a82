-- ringkasan_layanan: one row per (area of $kode_wilayah, official SPM service it reported: kab/kota-level, and for a
-- province its own province-level services; dashboard.spm.scoring.official_services picks them per area) at the
-- areas' latest quarter-end report on or before $periode in the same year (one area: its own latest report; the
-- kab/kota of a province: the province's latest). The overview's field and SPM indices and the district table are
-- computed from these rows by dashboard.spm.scoring. Params: $kode_wilayah (list of area codes), $periode (DATE).
with
wilayah_pilihan as (
    select unnest($kode_wilayah::varchar[]) as kode_wilayah
),
layanan as (
    select m.kode_wilayah, m.tingkat, m.bidang, m.kode_indikator, i.keluarga, i.level, i.lebih_tinggi_lebih_baik,
           b.termasuk_indeks, m.sasaran, m.terlayani, m.capaian_persen, m.periode
    from mart_capaian m
    semi join wilayah_pilihan w using (kode_wilayah)
    join indikator i using (kode_indikator)
    join bidang b on b.kode_bidang = m.bidang
    where i.level in ('kab_kota', 'provinsi') and m.periode <= $periode and year(m.periode) = year($periode::date)
),
final as (
    select * from layanan
    where periode = (select max(periode) from layanan)
)
select * from final order by kode_wilayah, bidang, kode_indikator
