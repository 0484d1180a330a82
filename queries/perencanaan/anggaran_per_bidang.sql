-- anggaran_per_bidang: one row per (tahun, kab/kota of province $kode_provinsi, SPM field) in the budget table:
-- allocation (pagu) and realisation in rupiah, with the area and field names and the field's responsible OPD.
-- Params: $kode_provinsi.
with
anggaran_kab as (
    select a.tahun, a.kode_wilayah, a.kode_bidang, a.pagu, a.realisasi
    from anggaran a
),
final as (
    select a.tahun, a.kode_wilayah, w.nama, w.nama_lengkap, a.kode_bidang as bidang, b.urutan,
           b.nama_id as bidang_id, b.nama_en as bidang_en, b.opd_id, b.opd_en, a.pagu, a.realisasi
    from anggaran_kab a
    join wilayah w on w.kode = a.kode_wilayah
    join bidang b on b.kode_bidang = a.kode_bidang
    where w.kode_provinsi = $kode_provinsi and w.tingkat = 'kabkota'
)
select * from final
order by tahun, kode_wilayah, urutan
