-- ringkasan_layanan: one row per official kab/kota-level SPM service reported for area $kode_wilayah at its latest
-- quarter-end report on or before $periode in the same year (the rows the overview's field and SPM indices are
-- computed from, by dashboard.spm.scoring). Params: $kode_wilayah, $periode (DATE, first of month).
with
spm_periode as (
    select max(periode) as periode
    from mart_capaian
    where kode_wilayah = $kode_wilayah and keluarga = 'spm_resmi'
      and periode <= $periode and year(periode) = year($periode::date)
),
final as (
    select m.kode_wilayah, m.bidang, m.kode_indikator, i.keluarga, i.level, i.lebih_tinggi_lebih_baik,
           b.termasuk_indeks, m.sasaran, m.terlayani, m.capaian_persen, m.periode
    from mart_capaian m
    join indikator i using (kode_indikator)
    join bidang b on b.kode_bidang = m.bidang
    join spm_periode p on m.periode = p.periode
    where m.kode_wilayah = $kode_wilayah and i.level = 'kab_kota'
)
select * from final order by bidang, kode_indikator
