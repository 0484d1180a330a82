-- banjir_bulanan (table macro; the rows of mart_banjir_bulanan): one row per (kode_bencana, kelompok, tingkat,
-- kode_wilayah, kode_indikator, periode) for the monthly flood-sensitive indicators, from 12 months before to 36 months
-- after the event's onset month. kelompok 'terdampak': the affected desa of the event, per desa and summed per
-- kecamatan, kab/kota and province (tingkat 'provinsi' = all affected desa of the event). kelompok 'pembanding':
-- comparable unaffected desa, per affected kab/kota (unaffected desa of the same kab/kota that report the indicator;
-- when there are none, every unaffected desa of the same province that reports it) and for the whole event per province
-- (the union of those desa). Sums take terlayani and sasaran over desa that have both, then divide (never average
-- percentages). bulan_ke counts months from the onset month (0 = onset month, -1 = the month before). Params: semua
-- (true: every row, the full build) or else only the rows of the keys listed in the table named lingkup (jenis =
-- 'banjir': kode_bencana, kode_indikator: every row of that event and indicator), the incremental rebuild after an
-- import (warehouse.build_marts_incremental).
create or replace macro banjir_bulanan(semua, lingkup) as table
with
kejadian as (  -- the events that hit at least one desa, with their onset month (from mart_banjir_desa)
    select distinct kode_bencana, bulan_mulai from mart_banjir_desa
),
indikator_bulanan as (
    select kode_indikator
    from indikator
    where peka_banjir and periode_laporan = 'bulanan'
),
provinsi_kejadian as (
    select distinct kode_bencana, kode_provinsi from mart_banjir_desa
),
fakta as (
    -- every desa report of a monthly flood-sensitive indicator inside each event's window, in the provinces it hit
    select k.kode_bencana, m.periode, datediff('month', k.bulan_mulai, m.periode) as bulan_ke,
           m.kode_wilayah as kode_desa, w.kode_kecamatan, w.kode_kabkota, w.kode_provinsi,
           m.kode_indikator, m.sasaran, m.terlayani, m.capaian_persen
    from mart_capaian m
    join indikator_bulanan using (kode_indikator)
    join wilayah w on w.kode = m.kode_wilayah
    join provinsi_kejadian pk on pk.kode_provinsi = w.kode_provinsi
    join kejadian k
        on k.kode_bencana = pk.kode_bencana
       and m.periode between (k.bulan_mulai - interval 12 month)::date and (k.bulan_mulai + interval 36 month)::date
    left join (from query_table(lingkup) where jenis = 'banjir') l  -- the keys to rebuild (when not semua)
        on l.kode_bencana = k.kode_bencana and l.kode_indikator = m.kode_indikator
    where m.tingkat = 'desa'
      and (semua or l.jenis is not null)
),
terdampak as (
    select f.*
    from fakta f
    semi join mart_banjir_desa d on d.kode_bencana = f.kode_bencana and d.kode_desa = f.kode_desa
),
kandidat as (
    select f.*
    from fakta f
    anti join mart_banjir_desa d on d.kode_bencana = f.kode_bencana and d.kode_desa = f.kode_desa
),
kabkota_terdampak as (
    select distinct kode_bencana, kode_kabkota, kode_provinsi from mart_banjir_desa
),
ada_sekabkota as (
    select distinct kode_bencana, kode_kabkota, kode_indikator from kandidat
),
tanpa_sekabkota as (
    -- (affected kab/kota, indicator) pairs with no unaffected desa of the same kab/kota reporting the indicator
    select k.kode_bencana, k.kode_kabkota, k.kode_provinsi, i.kode_indikator
    from kabkota_terdampak k
    cross join indikator_bulanan i
    anti join ada_sekabkota s using (kode_bencana, kode_kabkota, kode_indikator)
),
pembanding_kabkota as (
    -- same kab/kota when it has unaffected desa reporting the indicator, else the whole province
    select k.kode_bencana, k.kode_kabkota as kode_wilayah, c.kode_indikator, c.kode_desa, c.periode, c.bulan_ke,
           c.sasaran, c.terlayani
    from kabkota_terdampak k
    join kandidat c on c.kode_bencana = k.kode_bencana and c.kode_kabkota = k.kode_kabkota
    union all
    select t.kode_bencana, t.kode_kabkota as kode_wilayah, c.kode_indikator, c.kode_desa, c.periode, c.bulan_ke,
           c.sasaran, c.terlayani
    from tanpa_sekabkota t
    join kandidat c
        on c.kode_bencana = t.kode_bencana and c.kode_indikator = t.kode_indikator and c.kode_provinsi = t.kode_provinsi
),
pembanding_kejadian as (
    select distinct p.kode_bencana, w.kode_provinsi as kode_wilayah, p.kode_indikator, p.kode_desa, p.periode,
           p.bulan_ke, p.sasaran, p.terlayani
    from pembanding_kabkota p
    join wilayah w on w.kode = p.kode_desa
),
per_tingkat as (
    -- every desa row once for each level it is summed at: the affected desa at their kecamatan, kab/kota and
    -- province; the comparison desa at the affected kab/kota and at the province
    select 'terdampak' as kelompok, t.tingkat, f.kode_bencana, t.kode_wilayah, f.kode_indikator, f.periode,
           f.bulan_ke, f.sasaran, f.terlayani
    from terdampak f
    cross join lateral (
        values ('kecamatan', f.kode_kecamatan), ('kabkota', f.kode_kabkota), ('provinsi', f.kode_provinsi)
    ) t(tingkat, kode_wilayah)
    union all
    select 'pembanding', 'kabkota', kode_bencana, kode_wilayah, kode_indikator, periode, bulan_ke, sasaran, terlayani
    from pembanding_kabkota
    union all
    select 'pembanding', 'provinsi', kode_bencana, kode_wilayah, kode_indikator, periode, bulan_ke, sasaran, terlayani
    from pembanding_kejadian
),
deret as (
    select 'terdampak' as kelompok, 'desa' as tingkat, kode_bencana, kode_desa as kode_wilayah, kode_indikator,
           periode, bulan_ke, sasaran, terlayani, capaian_persen, 1::bigint as jumlah_desa
    from terdampak
    union all by name
    select kelompok, tingkat, kode_bencana, kode_wilayah, kode_indikator, periode, any_value(bulan_ke) as bulan_ke,
           sum(sasaran) filter (where sasaran is not null and terlayani is not null) as sasaran,
           sum(terlayani) filter (where sasaran is not null and terlayani is not null) as terlayani,
           null::double as capaian_persen, count(*) as jumlah_desa
    from per_tingkat
    group by kelompok, tingkat, kode_bencana, kode_wilayah, kode_indikator, periode
),
final as (
    select kode_bencana, kelompok, tingkat, kode_wilayah, kode_indikator, periode, bulan_ke,
           sasaran::bigint as sasaran, terlayani::bigint as terlayani,
           case
               when tingkat = 'desa' then capaian_persen
               when sasaran > 0 then 100.0 * terlayani / sasaran
           end as capaian_persen,
           jumlah_desa
    from deret
)
select * from final
