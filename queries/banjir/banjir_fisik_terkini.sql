-- banjir_fisik_terkini: one row per (kode_wilayah, komponen) of event $kode_bencana at the latest progress date:
-- damage, cumulative repaired/restored, backlog and percent done (mart_banjir_fisik), with area names, the
-- kecamatan/kab/kota it lies in, and the responsible field and office (OPD). Params: $kode_bencana.
with
terakhir as (
    select max(tanggal) as tanggal from mart_banjir_fisik where kode_bencana = $kode_bencana
),
final as (
    select f.kode_wilayah, w.nama as nama_wilayah, w.nama_lengkap, f.tingkat, w.kode_kabkota, w.kode_kecamatan,
           k.nama as nama_kabkota, c.nama as nama_kecamatan, f.komponen, f.urutan, f.kode_bidang,
           b.nama_id as bidang_id, b.nama_en as bidang_en, b.opd_id, b.opd_en,
           f.tanggal, f.rusak, f.pulih, f.sisa, f.persen_pulih
    from mart_banjir_fisik f
    join terakhir t using (tanggal)
    join wilayah w on w.kode = f.kode_wilayah
    left join wilayah k on k.kode = w.kode_kabkota
    left join wilayah c on c.kode = w.kode_kecamatan
    left join bidang b using (kode_bidang)
    where f.kode_bencana = $kode_bencana
)
select * from final
order by kode_wilayah, urutan
