-- prioritas_banjir: one row per (area in $kode_wilayah, flood event) where the event's impact rows (dampak_bencana)
-- name the area itself ('langsung'), an area above it ('induk': the whole parent was reported) or an area below it
-- ('anak'), for events that overlap $mulai..$akhir (DATEs; an event without an end date is still going on).
-- Params: $kode_wilayah (list), $mulai, $akhir.
with
area as (
    select kode from wilayah where list_contains($kode_wilayah, kode)
),
kejadian as (
    select kode_bencana, nama, tanggal_mulai, tanggal_selesai
    from bencana
    where tanggal_mulai <= $akhir and coalesce(tanggal_selesai, $akhir) >= $mulai
),
dampak as (
    select kode_bencana, kode_wilayah, jiwa_terdampak from dampak_bencana
),
cocok as (
    select a.kode as kode_wilayah, d.kode_bencana,
           case
               when d.kode_wilayah = a.kode then 'langsung'
               when starts_with(a.kode, d.kode_wilayah || '.') then 'induk'
               else 'anak'
           end as hubungan,
           d.jiwa_terdampak
    from area a
    join dampak d
      on d.kode_wilayah = a.kode
      or starts_with(a.kode, d.kode_wilayah || '.')
      or starts_with(d.kode_wilayah, a.kode || '.')
),
final as (
    select c.kode_wilayah, k.kode_bencana, k.nama, k.tanggal_mulai, k.tanggal_selesai,
           -- the closest relation wins: the area itself, then areas below it, then a report for a whole parent
           arg_min(c.hubungan, case c.hubungan when 'langsung' then 1 when 'anak' then 2 else 3 end) as hubungan,
           count(*) as baris_dampak
    from cocok c
    join kejadian k using (kode_bencana)
    group by all
)
select * from final
order by kode_wilayah, tanggal_mulai
