-- peringatan_banjir_tahun: one row per (kab/kota, year) in which a flood event whose impact rows lie in the kab/kota (or name it, or a whole parent) was going on, so that year's shape is left out of the year-end projection; No parameters.
with
kejadian as (
    select kode_bencana, tanggal_mulai, coalesce(tanggal_selesai, current_date) as tanggal_selesai
    from bencana
    where jenis = 'banjir'
),
kab as (
    select kode from wilayah where tingkat = 'kabkota'
),
terdampak as (
    select distinct k.kode as kode_wilayah, e.kode_bencana, e.tanggal_mulai, e.tanggal_selesai
    from dampak_bencana d
    join kejadian e using (kode_bencana)
    join kab k
      on d.kode_wilayah = k.kode or starts_with(d.kode_wilayah, k.kode || '.') or starts_with(k.kode, d.kode_wilayah || '.')
)
select distinct t.kode_wilayah, y.tahun::int as tahun
from terdampak t,
     lateral (select unnest(generate_series(year(t.tanggal_mulai), year(t.tanggal_selesai))) as tahun) y
order by 1, 2
