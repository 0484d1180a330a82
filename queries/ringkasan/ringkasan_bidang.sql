-- ringkasan_bidang: one row per SPM field (and the Posyandu transformation panel) for area $kode_wilayah: how many
-- official services the field has (kab/kota-level; for a province area also its own province-level services,
-- layanan_provinsi) and the mean Posyandu operational coverage (higher-is-better indicators, capped at 100; NA
-- stays NA, never 100) in the month $periode, with its completeness (posyandu_kelengkapan: the mean share of the area's
-- desa in those values, percent). The field index itself is computed from ringkasan_layanan by
-- dashboard.spm.scoring. Params: $kode_wilayah, $periode (DATE, first of month).
with
posyandu as (
    select m.bidang, case when m.capaian_persen is null then null else least(m.capaian_persen, 100) end as capaian,
           -- the share of the area's desa in the value (a unit's own value: whole)
           case when m.capaian_persen is null then null
                when m.unit_ada <= 1 then 1.0
                else least((m.unit_hitung + m.unit_taksiran) / m.unit_ada, 1.0) end as bagian_unit
    from mart_capaian m
    join indikator i using (kode_indikator)
    where m.kode_wilayah = $kode_wilayah and m.periode = $periode and i.level = 'posyandu_desa'
      and i.lebih_tinggi_lebih_baik
),
layanan as (
    select i.kode_bidang,
           count(*) filter (where i.level = 'kab_kota')                              as layanan_kabkota,
           count(*) filter (where i.level = 'provinsi' and w.tingkat = 'provinsi')  as layanan_provinsi
    from indikator i
    left join (select tingkat from wilayah where kode = $kode_wilayah) w on true
    group by i.kode_bidang
),
per_bidang as (
    select b.kode_bidang, b.urutan, b.nama_id, b.nama_en, b.termasuk_indeks,
           coalesce(l.layanan_kabkota, 0)                                                             as layanan_kabkota,
           coalesce(l.layanan_provinsi, 0)                                                            as layanan_provinsi,
           coalesce(l.layanan_kabkota, 0) + coalesce(l.layanan_provinsi, 0)                          as layanan_total,
           (select avg(capaian) from posyandu p where p.bidang = b.kode_bidang)                       as posyandu_rata,
           (select 100 * avg(bagian_unit) from posyandu p where p.bidang = b.kode_bidang)             as posyandu_kelengkapan
    from bidang b
    left join layanan l using (kode_bidang)
)
select * from per_bidang order by urutan
