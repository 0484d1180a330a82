-- ringkasan_kabkota: one row per (kab/kota of province $kode_provinsi, official kab/kota-level SPM service it
-- reported) at the province's latest quarter-end report on or before $periode in the same year; a kab/kota that
-- reported none has one row with empty service columns. The SPM index per kab/kota is computed from these rows by
-- dashboard.spm.scoring. Params: $kode_provinsi, $periode (DATE).
with
spm_periode as (
    select max(m.periode) as periode
    from mart_capaian m
    join wilayah w on w.kode = m.kode_wilayah
    where m.tingkat = 'kabkota' and w.kode_provinsi = $kode_provinsi and m.keluarga = 'spm_resmi'
      and m.periode <= $periode and year(m.periode) = year($periode::date)
),
layanan as (
    select m.kode_wilayah, m.bidang, m.kode_indikator, i.keluarga, i.level, i.lebih_tinggi_lebih_baik,
           b.termasuk_indeks, m.sasaran, m.terlayani, m.capaian_persen, m.periode
    from mart_capaian m
    join indikator i using (kode_indikator)
    join bidang b on b.kode_bidang = m.bidang
    join spm_periode p on m.periode = p.periode
    where m.tingkat = 'kabkota' and i.level = 'kab_kota'
),
final as (
    select w.kode, w.nama, w.nama_lengkap, w.singkatan, l.*, (select periode from spm_periode) as periode_spm
    from wilayah w
    left join layanan l on l.kode_wilayah = w.kode
    where w.tingkat = 'kabkota' and w.kode_provinsi = $kode_provinsi
)
select * from final order by kode, bidang, kode_indikator
