-- naik_tingkat (table macro): one row per (periode, kode_wilayah, kode_indikator) one level up from the rows of the
-- table or CTE named `bawah`: a row reported directly at that level (rows of `langsung` with tingkat = tingkat_atas)
-- wins; else the children's counts are summed over the rows that have both (never averaged): reported counts, or the
-- estimated counts of a percent-only row (mart_taksiran). Coverage columns: unit_ada (units of the indicator's unit
-- level the area holds, mart_jumlah_unit; 1 at or below the unit level; for an indicator only the units a flood hit
-- report (indikator.unit_terdampak), the units that reported), unit_hitung (units in the sum with counts),
-- unit_taksiran (units in the sum with estimated counts), unit_persen (units that reported a percentage only, with no
-- known denominator: left out of the sum). Rows of `bawah` and `langsung` carry periode, kode_wilayah,
-- kode_indikator, sasaran, terlayani, capaian_dilaporkan, sasaran_dasar, terlayani_dasar (the counts a sum uses),
-- jumlah_laporan and the unit_* columns (langsung: tingkat, sasaran_taksiran, terlayani_taksiran).
-- Used by mart_capaian_agregat for the kecamatan, kab/kota and province levels. Params: bawah, langsung (table or
-- CTE names), tingkat_atas.
create or replace macro naik_tingkat(bawah, langsung, tingkat_atas) as table
with
satuan as (  -- per indicator: is tingkat_atas above its unit level, and how many units each area holds
    select kode_indikator, tingkat_unit(level) as tingkat_unit,
           tingkat_urutan(tingkat_atas) > tingkat_urutan(tingkat_unit(level)) as di_atas_unit,
           coalesce(unit_terdampak, false) as unit_terdampak  -- only the units a flood hit report it
    from indikator
),
dilaporkan as (
    select l.periode, l.kode_wilayah, l.kode_indikator, l.sasaran, l.terlayani, l.capaian_dilaporkan,
           l.sasaran_taksiran, l.terlayani_taksiran, l.sasaran_dasar, l.terlayani_dasar,
           1::bigint as jumlah_laporan, 'langsung' as asal,
           case when s.di_atas_unit and not s.unit_terdampak then coalesce(j.jumlah_unit, 1) else 1 end::bigint as n,
           l.jenis
    from query_table(langsung) l
    join satuan s using (kode_indikator)
    left join mart_jumlah_unit j on j.kode_wilayah = l.kode_wilayah and j.tingkat_unit = s.tingkat_unit
    where l.tingkat = tingkat_atas
),
dilaporkan_final as (
    select periode, kode_wilayah, kode_indikator, sasaran, terlayani, capaian_dilaporkan, sasaran_taksiran,
           terlayani_taksiran, sasaran_dasar, terlayani_dasar, jumlah_laporan, asal,
           n as unit_ada,
           (n * (jenis = 'hitung')::int)::bigint as unit_hitung,
           (n * (jenis = 'taksiran')::int)::bigint as unit_taksiran,
           (n * (jenis = 'persen')::int)::bigint as unit_persen
    from dilaporkan
),
agregat as (
    select b.periode, w.kode_induk as kode_wilayah, b.kode_indikator,
           sum(b.sasaran_dasar) filter (where b.sasaran_dasar is not null and b.terlayani_dasar is not null)
               as sasaran,
           sum(b.terlayani_dasar) filter (where b.sasaran_dasar is not null and b.terlayani_dasar is not null)
               as terlayani,
           sum(b.jumlah_laporan)::bigint as jumlah_laporan,
           sum(b.unit_ada) as anak_ada, sum(b.unit_hitung) as anak_hitung, sum(b.unit_taksiran) as anak_taksiran,
           sum(b.unit_persen) as anak_persen
    from query_table(bawah) b
    join wilayah w on w.kode = b.kode_wilayah
    group by all
),
agregat_final as (
    select a.periode, a.kode_wilayah, a.kode_indikator, a.sasaran::bigint as sasaran,
           a.terlayani::bigint as terlayani, null::double as capaian_dilaporkan,
           null::bigint as sasaran_taksiran, null::bigint as terlayani_taksiran,
           a.sasaran::bigint as sasaran_dasar, a.terlayani::bigint as terlayani_dasar,
           a.jumlah_laporan, 'agregat' as asal,
           case when s.di_atas_unit and s.unit_terdampak then a.anak_ada  -- the units that reported
                when s.di_atas_unit then coalesce(j.jumlah_unit, a.anak_ada) else 1 end::bigint as unit_ada,
           case when s.di_atas_unit then a.anak_hitung
                else (a.sasaran is not null and a.anak_hitung > 0)::int end::bigint as unit_hitung,
           case when s.di_atas_unit then a.anak_taksiran
                else (a.sasaran is not null and a.anak_hitung = 0)::int end::bigint as unit_taksiran,
           case when s.di_atas_unit then a.anak_persen
                else (a.sasaran is null and a.anak_persen > 0)::int end::bigint as unit_persen
    from agregat a
    join satuan s using (kode_indikator)
    left join mart_jumlah_unit j on j.kode_wilayah = a.kode_wilayah and j.tingkat_unit = s.tingkat_unit
)
select * from dilaporkan_final
union all by name
select a.* from agregat_final a
anti join dilaporkan_final d using (periode, kode_wilayah, kode_indikator)
