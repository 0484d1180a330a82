-- mart_banjir_dampak: one row per (kode_bencana, kode_wilayah, ukuran) for every area at or above a reported impact
-- row (desa, kecamatan, kab/kota, province) and every impact figure (kk_terdampak, jiwa_terdampak, ...): the value
-- reported for the area itself wins ('langsung'); otherwise the sum of the highest reported rows below it ('agregat').
-- Empty cells (unknown) are skipped. No parameters.
create or replace table mart_banjir_dampak as
with
panjang as (
    select kode_bencana, kode_wilayah as kode, ukuran, nilai
    from dampak_bencana
    unpivot (nilai for ukuran in (
        kk_terdampak, jiwa_terdampak, jiwa_mengungsi, rumah_terendam, rumah_rusak_berat, rumah_rusak_sedang,
        rumah_rusak_ringan, sekolah_terdampak, posyandu_terdampak, faskes_terdampak, sarana_air_rusak,
        sarana_sanitasi_rusak
    ))
),
baris as (
    select p.*, length(p.kode) - length(replace(p.kode, '.', '')) as kedalaman,
           [w.kode_provinsi, w.kode_kabkota, w.kode_kecamatan, w.kode] as leluhur
    from panjang p
    join wilayah w on w.kode = p.kode
),
tertutup as (
    -- the depth of the deepest reported row above each row (same event and figure), if any
    select b.kode_bencana, b.kode, b.ukuran, max(a.kedalaman) as kedalaman_atas
    from baris b
    join baris a
        on a.kode_bencana = b.kode_bencana and a.ukuran = b.ukuran and starts_with(b.kode, a.kode || '.')
    group by all
),
sumbangan as (
    -- a row adds to each of its ancestors (and itself) below the nearest reported row above it
    select b.kode_bencana, b.ukuran, b.nilai, b.kode, unnest(list_distinct(list_filter(b.leluhur, lambda x: x is not null))) as area,
           t.kedalaman_atas
    from baris b
    left join tertutup t using (kode_bencana, kode, ukuran)
),
final as (
    select s.kode_bencana, s.area as kode_wilayah, w.tingkat, s.ukuran, sum(s.nilai)::bigint as nilai,
           case when bool_or(s.kode = s.area) then 'langsung' else 'agregat' end as asal
    from sumbangan s
    join wilayah w on w.kode = s.area
    where s.kedalaman_atas is null
       or length(s.area) - length(replace(s.area, '.', '')) > s.kedalaman_atas
    group by all
)
select * from final
order by kode_bencana, kode_wilayah, ukuran
