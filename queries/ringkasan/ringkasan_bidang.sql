-- ringkasan_bidang: one row per SPM field (and the Posyandu transformation panel) for area $kode_wilayah:
-- the field index of the official kab/kota SPM services (mean of capped coverage, NA skipped) at the latest
-- quarter-end report on or before $periode, and the mean Posyandu operational coverage (higher-is-better
-- indicators) in the month $periode. Params: $kode_wilayah, $periode (DATE, first of month).
with
spm_periode as (
    select max(periode) as periode
    from mart_capaian
    where kode_wilayah = $kode_wilayah and keluarga = 'spm_resmi'
      and periode <= $periode and year(periode) = year($periode::date)
),
layanan as (
    select m.bidang, m.kode_indikator, least(m.capaian_persen, 100) as capaian, m.capaian_persen > 100 as lebih_100,
           m.periode
    from mart_capaian m
    join indikator i using (kode_indikator)
    join spm_periode p on m.periode = p.periode
    where m.kode_wilayah = $kode_wilayah and i.level = 'kab_kota'
),
posyandu as (
    select m.bidang, least(m.capaian_persen, 100) as capaian
    from mart_capaian m
    join indikator i using (kode_indikator)
    where m.kode_wilayah = $kode_wilayah and m.periode = $periode and i.level = 'posyandu_desa'
      and i.lebih_tinggi_lebih_baik
),
per_bidang as (
    select b.kode_bidang, b.urutan, b.nama_id, b.nama_en, b.termasuk_indeks,
           (select avg(capaian) from layanan l where l.bidang = b.kode_bidang)                        as indeks,
           (select count(*) from layanan l where l.bidang = b.kode_bidang and l.capaian is not null)  as layanan_ada,
           (select count(*) from indikator i where i.kode_bidang = b.kode_bidang and i.level = 'kab_kota') as layanan_total,
           (select count(*) from layanan l where l.bidang = b.kode_bidang and l.lebih_100)            as layanan_lebih_100,
           (select avg(capaian) from posyandu p where p.bidang = b.kode_bidang)                       as posyandu_rata,
           (select periode from spm_periode)                                                           as periode_spm
    from bidang b
)
select * from per_bidang order by urutan
