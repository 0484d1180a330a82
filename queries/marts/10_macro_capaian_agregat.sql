-- capaian_agregat (table macro; the rows of mart_capaian_agregat): one row per (periode, kode_wilayah, kode_indikator)
-- at the kecamatan, kab/kota and province levels (the desa rows are the facts themselves: see the mart_capaian view). A
-- row reported directly at a level wins over the aggregate from below; aggregates sum terlayani and sasaran over the
-- child rows that have both, then divide (never average percentages), one level at a time by the macro naik_tingkat. A
-- child reported as a percentage only enters the sums with its estimated counts (mart_taksiran) when the warehouse
-- knows a denominator, else it is left out and counted in unit_persen. jumlah_laporan = the desa (or lower-level) rows
-- behind an aggregate. Coverage: unit_ada units of the indicator's unit level exist in the area (kab/kota for a
-- kab/kota service at the province, desa for a Posyandu indicator), unit_hitung of them are in the value with counts,
-- unit_taksiran with estimated counts, unit_persen reported a percentage only and are not in the value. A directly
-- reported row counts as all its units. sasaran_taksiran/terlayani_taksiran: a percent-only row's own estimated counts.
-- Params: semua (true: every row, the full build) or else only the rows of the keys listed in the table named lingkup
-- (jenis = 'capaian': periode, kode_indikator, kode_provinsi: every level's row of those months and indicators in that
-- province), the incremental rebuild after an import (warehouse.build_marts_incremental).
create or replace macro capaian_agregat(semua, lingkup) as table
with
fakta as (  -- the few rows reported above the desa level, with their estimated counts when percent-only
    select f.periode, f.kode_wilayah, f.kode_indikator, f.sasaran, f.terlayani, f.capaian_dilaporkan, w.tingkat,
           t.sasaran_taksiran, t.terlayani_taksiran,
           case when f.sasaran is not null and f.terlayani is not null then 'hitung'
                when t.terlayani_taksiran is not null then 'taksiran'
                when f.capaian_dilaporkan is not null then 'persen' end as jenis,
           case when f.sasaran is not null and f.terlayani is not null then f.sasaran else t.sasaran_taksiran end
               as sasaran_dasar,
           case when f.sasaran is not null and f.terlayani is not null then f.terlayani else t.terlayani_taksiran end
               as terlayani_dasar
    from fakta_capaian f
    join wilayah w on w.kode = f.kode_wilayah
    left join mart_taksiran t using (periode, kode_wilayah, kode_indikator)
    left join (from query_table(lingkup) where jenis = 'capaian') l  -- the keys to rebuild (when not semua)
        on l.periode = f.periode and l.kode_indikator = f.kode_indikator
       and l.kode_provinsi = split_part(f.kode_wilayah, '.', 1)
    where w.tingkat <> 'desa' and (semua or l.jenis is not null)
),
tingkat_desa as (  -- the desa rows, read once
    select f.periode, f.kode_wilayah, f.kode_indikator,
           case when f.sasaran is not null and f.terlayani is not null then f.sasaran else t.sasaran_taksiran end
               as sasaran_dasar,
           case when f.sasaran is not null and f.terlayani is not null then f.terlayani else t.terlayani_taksiran end
               as terlayani_dasar,
           1::bigint as jumlah_laporan,
           1::bigint as unit_ada,
           (f.sasaran is not null and f.terlayani is not null)::int::bigint as unit_hitung,
           ((f.sasaran is null or f.terlayani is null) and t.terlayani_taksiran is not null)::int::bigint
               as unit_taksiran,
           ((f.sasaran is null or f.terlayani is null) and t.terlayani_taksiran is null
               and f.capaian_dilaporkan is not null)::int::bigint as unit_persen
    from fakta_capaian f
    semi join (select kode from wilayah where tingkat = 'desa') d on d.kode = f.kode_wilayah
    left join mart_taksiran t using (periode, kode_wilayah, kode_indikator)
    left join (from query_table(lingkup) where jenis = 'capaian') l  -- the keys to rebuild (when not semua)
        on l.periode = f.periode and l.kode_indikator = f.kode_indikator
       and l.kode_provinsi = split_part(f.kode_wilayah, '.', 1)
    where semua or l.jenis is not null
),
tingkat_kecamatan as (
    select * from naik_tingkat('tingkat_desa', 'fakta', 'kecamatan')
),
tingkat_kabkota as (
    select * from naik_tingkat('tingkat_kecamatan', 'fakta', 'kabkota')
),
tingkat_provinsi as (
    select * from naik_tingkat('tingkat_kabkota', 'fakta', 'provinsi')
),
semua as (
    select 'kecamatan' as tingkat, * from tingkat_kecamatan
    union all by name select 'kabkota' as tingkat, * from tingkat_kabkota
    union all by name select 'provinsi' as tingkat, * from tingkat_provinsi
),
final as (
    select
        s.periode,
        s.kode_wilayah,
        s.tingkat,
        s.kode_indikator,
        i.kode_bidang as bidang,
        i.keluarga,
        s.sasaran::bigint as sasaran,
        s.terlayani::bigint as terlayani,
        case
            when s.sasaran is not null and s.terlayani is not null
                then case when s.sasaran > 0 then 100.0 * s.terlayani / s.sasaran end
            else s.capaian_dilaporkan
        end as capaian_persen,
        s.jumlah_laporan,
        s.asal,
        s.sasaran_taksiran,
        s.terlayani_taksiran,
        s.unit_ada,
        s.unit_hitung,
        s.unit_taksiran,
        s.unit_persen
    from semua s
    join indikator i using (kode_indikator)
)
select * from final
