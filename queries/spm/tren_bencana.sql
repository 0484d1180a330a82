-- tren_bencana: one row per disaster event in the register that concerns area $kode_wilayah: an impact row in the
-- area, above it or below it, or no impact rows at all (scope unknown, so shown everywhere); the province sees
-- every event. Params: $kode_wilayah.
with
dampak as (
    select kode_bencana, kode_wilayah from dampak_bencana
),
relevan as (
    select b.kode_bencana
    from bencana b
    where $kode_wilayah not like '%.%'
       or not exists (select 1 from dampak d where d.kode_bencana = b.kode_bencana)
       or exists (
           select 1 from dampak d
           where d.kode_bencana = b.kode_bencana
             and (d.kode_wilayah = $kode_wilayah
                  or starts_with(d.kode_wilayah, $kode_wilayah || '.')
                  or starts_with($kode_wilayah, d.kode_wilayah || '.')
                  or d.kode_wilayah not like '%.%')
       )
),
final as (
    select b.kode_bencana, b.nama, b.jenis, b.tanggal_mulai, b.tanggal_selesai, b.status
    from bencana b
    join relevan r using (kode_bencana)
)
select * from final order by tanggal_mulai
