-- mart_taksiran: one row per fact reported as a percentage only (no terlayani/sasaran pair) for which the
-- warehouse knows a denominator: the estimated counts that let the row enter the sums of the levels above it.
-- The denominator is, first, the same area's and indicator's sasaran in the nearest other period (the earlier one on
-- a tie; sumber_taksiran 'periode_lain', periode_sumber says which), else the area's population when the catalog
-- says the indicator's denominator is the population (indikator.sasaran_penduduk; sumber_taksiran 'penduduk').
-- terlayani_taksiran = round(capaian_dilaporkan / 100 * sasaran_taksiran). The row's own shown value stays its
-- published percentage. A percent-only row without a known denominator has no row here (it is left out of the sums,
-- and counted as such in the coverage columns). No parameters.
create or replace table mart_taksiran as
with
persen_saja as (
    select f.periode, f.kode_wilayah, f.kode_indikator, f.capaian_dilaporkan
    from fakta_capaian f
    where (f.sasaran is null or f.terlayani is null) and f.capaian_dilaporkan is not null
),
sasaran_lain as (  -- the same area and indicator, other periods with a usable denominator
    select f.kode_wilayah, f.kode_indikator, f.periode as periode_sumber, f.sasaran
    from fakta_capaian f
    semi join persen_saja p using (kode_wilayah, kode_indikator)
    where f.sasaran > 0 and f.terlayani is not null
),
terdekat as (
    select p.periode, p.kode_wilayah, p.kode_indikator, s.periode_sumber, s.sasaran
    from persen_saja p
    join sasaran_lain s using (kode_wilayah, kode_indikator)
    qualify row_number() over (
        partition by p.periode, p.kode_wilayah, p.kode_indikator
        order by abs(datediff('day', s.periode_sumber, p.periode)), s.periode_sumber
    ) = 1
),
dari_penduduk as (
    select p.periode, p.kode_wilayah, p.kode_indikator, null::date as periode_sumber, w.penduduk as sasaran
    from persen_saja p
    join indikator i using (kode_indikator)
    join wilayah w on w.kode = p.kode_wilayah
    where i.sasaran_penduduk = 'penduduk' and w.penduduk > 0
),
dipilih as (
    select *, 'periode_lain' as sumber_taksiran from terdekat
    union all by name
    select d.*, 'penduduk' as sumber_taksiran from dari_penduduk d
    anti join terdekat t using (periode, kode_wilayah, kode_indikator)
),
final as (
    select d.periode, d.kode_wilayah, d.kode_indikator,
           d.sasaran::bigint as sasaran_taksiran,
           round(p.capaian_dilaporkan / 100.0 * d.sasaran)::bigint as terlayani_taksiran,
           d.sumber_taksiran, d.periode_sumber
    from dipilih d
    join persen_saja p using (periode, kode_wilayah, kode_indikator)
)
select * from final
order by kode_indikator, kode_wilayah, periode
