-- banjir_peta: one row per area of level $tingkat ('kabkota': every kab/kota of the province(s) hit; 'kecamatan': every
-- kecamatan of the kab/kota hit by event $kode_bencana) with its number of desa/kelurahan, how many of them are
-- affected and their share, and people affected (mart_banjir_dampak), for the map. Params: $kode_bencana, $tingkat.
with
terdampak as (
    select kode_wilayah, count(*) as desa_terdampak
    from (
        select case when $tingkat = 'kabkota' then kode_kabkota else kode_kecamatan end as kode_wilayah
        from mart_banjir_desa
        where kode_bencana = $kode_bencana
    )
    group by all
),
kabkota as (
    select distinct kode_kabkota, kode_provinsi from mart_banjir_desa where kode_bencana = $kode_bencana
),
area as (
    select w.kode, w.nama, w.nama_lengkap, w.singkatan, w.tile_baris, w.tile_kolom, w.kode_kabkota
    from wilayah w
    where w.tingkat = $tingkat
      and case
              when $tingkat = 'kabkota' then w.kode_provinsi in (select kode_provinsi from kabkota)
              else w.kode_kabkota in (select kode_kabkota from kabkota)
          end
),
jumlah_desa as (
    select case when $tingkat = 'kabkota' then kode_kabkota else kode_kecamatan end as kode_wilayah,
           count(*) as desa_total
    from wilayah
    where tingkat = 'desa'
    group by all
),
jiwa as (
    select kode_wilayah, nilai as jiwa_terdampak
    from mart_banjir_dampak
    where kode_bencana = $kode_bencana and ukuran = 'jiwa_terdampak'
),
final as (
    select a.kode as kode_wilayah, a.nama, a.nama_lengkap, a.singkatan, a.tile_baris, a.tile_kolom, a.kode_kabkota,
           coalesce(j.desa_total, 0) as desa_total, coalesce(t.desa_terdampak, 0) as desa_terdampak,
           case when j.desa_total > 0 then 100.0 * coalesce(t.desa_terdampak, 0) / j.desa_total end as persen_desa,
           p.jiwa_terdampak
    from area a
    left join jumlah_desa j on j.kode_wilayah = a.kode
    left join terdampak t on t.kode_wilayah = a.kode
    left join jiwa p on p.kode_wilayah = a.kode
)
select * from final
order by kode_wilayah
