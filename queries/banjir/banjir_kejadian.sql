-- banjir_kejadian: one row per disaster event in the register, newest first, with the number of affected desa and
-- kab/kota and the latest recovery-progress date. No parameters.
with
desa as (
    select kode_bencana, count(*) as desa_terdampak, count(distinct kode_kecamatan) as kecamatan_terdampak,
           count(distinct kode_kabkota) as kabkota_terdampak
    from mart_banjir_desa
    group by all
),
progres as (
    select kode_bencana, max(tanggal) as tanggal_progres from pemulihan group by all
),
final as (
    select b.kode_bencana, b.nama, b.jenis, b.tanggal_mulai, b.tanggal_selesai, b.status, b.keterangan,
           date_trunc('month', b.tanggal_mulai)::date as bulan_mulai,
           coalesce(d.desa_terdampak, 0) as desa_terdampak, coalesce(d.kecamatan_terdampak, 0) as kecamatan_terdampak,
           coalesce(d.kabkota_terdampak, 0) as kabkota_terdampak, p.tanggal_progres
    from bencana b
    left join desa d using (kode_bencana)
    left join progres p using (kode_bencana)
)
select * from final
order by tanggal_mulai desc, kode_bencana
