-- mart_banjir_desa: one row per (kode_bencana, kode_desa): every desa/kelurahan counted as affected by an event.
-- An impact row counts at the finest level recorded: a kab/kota (or kecamatan, or province) row covers all its desa
-- only when the event has no finer impact row below it. Also carries the event's onset month. No parameters.
create or replace table mart_banjir_desa as
with
kejadian as (
    select kode_bencana, date_trunc('month', tanggal_mulai)::date as bulan_mulai
    from bencana
),
dampak as (
    select distinct d.kode_bencana, d.kode_wilayah, w.tingkat
    from dampak_bencana d
    join wilayah w on w.kode = d.kode_wilayah
),
terhalus as (
    -- impact rows with no other row of the same event below them
    select a.*
    from dampak a
    where not exists (
        select 1
        from dampak b
        where b.kode_bencana = a.kode_bencana and starts_with(b.kode_wilayah, a.kode_wilayah || '.')
    )
),
desa_leluhur as (
    -- every desa with each of its ancestors (and itself), for an equi-join with the impact rows
    select kode as kode_desa, kode_kecamatan, kode_kabkota, kode_provinsi,
           unnest([kode_provinsi, kode_kabkota, kode_kecamatan, kode]) as kode_leluhur
    from wilayah
    where tingkat = 'desa'
),
final as (
    select distinct t.kode_bencana, d.kode_desa, d.kode_kecamatan, d.kode_kabkota, d.kode_provinsi,
           t.tingkat as tingkat_sumber, t.kode_wilayah as kode_sumber, k.bulan_mulai
    from terhalus t
    join desa_leluhur d on d.kode_leluhur = t.kode_wilayah
    join kejadian k using (kode_bencana)
)
select * from final
order by kode_bencana, kode_desa
