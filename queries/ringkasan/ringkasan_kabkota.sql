-- ringkasan_kabkota: one row per kab/kota of province $kode_provinsi: its SPM index (mean of the six field
-- indices; a field index is the mean capped coverage of the field's official services, NA skipped) at the
-- latest quarter-end report on or before $periode in the same year. Params: $kode_provinsi, $periode (DATE).
with
spm_periode as (
    select max(m.periode) as periode
    from mart_capaian m
    join wilayah w on w.kode = m.kode_wilayah
    where m.tingkat = 'kabkota' and w.kode_provinsi = $kode_provinsi and m.keluarga = 'spm_resmi'
      and m.periode <= $periode and year(m.periode) = year($periode::date)
),
layanan as (
    select m.kode_wilayah, m.bidang, least(m.capaian_persen, 100) as capaian
    from mart_capaian m
    join indikator i using (kode_indikator)
    join bidang b on b.kode_bidang = m.bidang
    join spm_periode p on m.periode = p.periode
    where m.tingkat = 'kabkota' and i.level = 'kab_kota' and b.termasuk_indeks
),
per_bidang as (
    select kode_wilayah, bidang, avg(capaian) as indeks_bidang
    from layanan
    group by all
),
final as (
    select w.kode, w.nama, w.nama_lengkap, w.singkatan,
           avg(pb.indeks_bidang) as indeks,
           count(pb.indeks_bidang) as bidang_ada,
           (select periode from spm_periode) as periode_spm
    from wilayah w
    left join per_bidang pb on pb.kode_wilayah = w.kode
    where w.tingkat = 'kabkota' and w.kode_provinsi = $kode_provinsi
    group by all
)
select * from final order by indeks desc nulls last, kode
