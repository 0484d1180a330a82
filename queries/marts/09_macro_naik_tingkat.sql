-- naik_tingkat (table macro): one row per (periode, kode_wilayah, kode_indikator) one level up from the rows of the
-- table or CTE named `bawah` (periode, kode_wilayah, kode_indikator, sasaran, terlayani, jumlah_laporan): a row
-- reported directly at that level (rows of `langsung` with tingkat = tingkat_atas) wins; else the children's
-- terlayani and sasaran are summed over the rows that have both (never averaged). Used by mart_capaian_agregat for
-- the kab/kota and province levels. Params: bawah, langsung (table or CTE names), tingkat_atas.
create or replace macro naik_tingkat(bawah, langsung, tingkat_atas) as table
with
dilaporkan as (
    select periode, kode_wilayah, kode_indikator, sasaran, terlayani, capaian_dilaporkan,
           1::bigint as jumlah_laporan, 'langsung' as asal
    from query_table(langsung)
    where tingkat = tingkat_atas
),
agregat as (
    select b.periode, w.kode_induk as kode_wilayah, b.kode_indikator,
           sum(b.sasaran) filter (where b.sasaran is not null and b.terlayani is not null)   as sasaran,
           sum(b.terlayani) filter (where b.sasaran is not null and b.terlayani is not null) as terlayani,
           null::double as capaian_dilaporkan,
           sum(b.jumlah_laporan)::bigint as jumlah_laporan, 'agregat' as asal
    from query_table(bawah) b
    join wilayah w on w.kode = b.kode_wilayah
    group by all
)
select * from dilaporkan
union all
select a.* from agregat a
anti join dilaporkan d using (periode, kode_wilayah, kode_indikator)
