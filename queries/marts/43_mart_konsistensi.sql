-- mart_konsistensi: one row per consistency finding in the reported facts (fixed rules; the configurable jump in
-- sasaran is found at query time from mart_riwayat_nilai). aturan: 'terlayani_melebihi_sasaran' (terlayani > sasaran,
-- or a reported percentage above 100), 'skdn_d_berbeda' (D of D/S differs from D of N/D for the same area and month),
-- 'skdn_urutan' (N <= D <= S broken, with D from either indicator). SKDN findings carry nilai_s, nilai_d_ds,
-- nilai_d_nd, nilai_n and no single indicator. No parameters.
create or replace table mart_konsistensi as
with
fakta as (
    select f.periode, f.kode_wilayah, w.kode_kabkota, f.kode_indikator, f.sasaran, f.terlayani, f.capaian_dilaporkan
    from fakta_capaian f
    join wilayah w on w.kode = f.kode_wilayah
),
melebihi as (
    select periode, kode_wilayah, kode_kabkota, kode_indikator, 'terlayani_melebihi_sasaran' as aturan,
           sasaran, terlayani, capaian_dilaporkan
    from fakta
    where terlayani > sasaran or (terlayani is null and capaian_dilaporkan > 100)
),
skdn as (
    select ds.periode, ds.kode_wilayah, ds.kode_kabkota,
           ds.sasaran as nilai_s, ds.terlayani as nilai_d_ds, nd.sasaran as nilai_d_nd, nd.terlayani as nilai_n
    from fakta ds
    join fakta nd on nd.periode = ds.periode and nd.kode_wilayah = ds.kode_wilayah
    where ds.kode_indikator = 'kes_skdn_d_per_s' and nd.kode_indikator = 'kes_skdn_n_per_d'
),
skdn_temuan as (
    select *, 'skdn_d_berbeda' as aturan from skdn where nilai_d_ds <> nilai_d_nd
    union all
    select *, 'skdn_urutan' as aturan from skdn
    where coalesce(nilai_n > nilai_d_ds, false) or coalesce(nilai_n > nilai_d_nd, false)
       or coalesce(nilai_d_ds > nilai_s, false) or coalesce(nilai_d_nd > nilai_s, false)
),
final as (
    select periode, kode_wilayah, kode_kabkota, kode_indikator, aturan, sasaran, terlayani, capaian_dilaporkan,
           null::bigint as nilai_s, null::bigint as nilai_d_ds, null::bigint as nilai_d_nd, null::bigint as nilai_n
    from melebihi
    union all
    select periode, kode_wilayah, kode_kabkota, null::varchar, aturan, null::bigint, null::bigint, null::double,
           nilai_s, nilai_d_ds, nilai_d_nd, nilai_n
    from skdn_temuan
)
select * from final
order by periode, kode_wilayah, aturan, kode_indikator
