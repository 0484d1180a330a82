-- banjir_dampak_wilayah: one row per area at or above a reported impact row of event $kode_bencana (province,
-- kab/kota, kecamatan, desa) with its impact figures (the area's own report, else the sum of the reports below it),
-- whether it was reported directly, the number of affected desa under it, and map positions (tile grid of the
-- kab/kota). Params: $kode_bencana.
with
angka as (
    select kode_wilayah,
           max(nilai) filter (where ukuran = 'kk_terdampak')          as kk_terdampak,
           max(nilai) filter (where ukuran = 'jiwa_terdampak')        as jiwa_terdampak,
           max(nilai) filter (where ukuran = 'jiwa_mengungsi')        as jiwa_mengungsi,
           max(nilai) filter (where ukuran = 'rumah_terendam')        as rumah_terendam,
           max(nilai) filter (where ukuran = 'rumah_rusak_berat')     as rumah_rusak_berat,
           max(nilai) filter (where ukuran = 'rumah_rusak_sedang')    as rumah_rusak_sedang,
           max(nilai) filter (where ukuran = 'rumah_rusak_ringan')    as rumah_rusak_ringan,
           max(nilai) filter (where ukuran = 'sekolah_terdampak')     as sekolah_terdampak,
           max(nilai) filter (where ukuran = 'posyandu_terdampak')    as posyandu_terdampak,
           max(nilai) filter (where ukuran = 'faskes_terdampak')      as faskes_terdampak,
           max(nilai) filter (where ukuran = 'sarana_air_rusak')      as sarana_air_rusak,
           max(nilai) filter (where ukuran = 'sarana_sanitasi_rusak') as sarana_sanitasi_rusak,
           bool_or(asal = 'langsung') as dilaporkan_langsung
    from mart_banjir_dampak
    where kode_bencana = $kode_bencana
    group by all
),
dilaporkan as (
    select distinct kode_wilayah from dampak_bencana where kode_bencana = $kode_bencana
),
area as (
    select kode_wilayah from angka
    union
    select kode_wilayah from dilaporkan
),
desa as (
    select kode_wilayah, count(*) as desa_terdampak
    from (
        select unnest([kode_provinsi, kode_kabkota, kode_kecamatan, kode_desa]) as kode_wilayah
        from mart_banjir_desa
        where kode_bencana = $kode_bencana
    )
    group by all
),
final as (
    select w.kode as kode_wilayah, w.nama, w.nama_lengkap, w.tingkat, w.kode_kabkota, w.kode_kecamatan,
           k.nama as nama_kabkota, c.nama as nama_kecamatan, w.singkatan, w.tile_baris, w.tile_kolom,
           coalesce(a.dilaporkan_langsung, false) or w.kode in (select kode_wilayah from dilaporkan) as dilaporkan_langsung,
           coalesce(d.desa_terdampak, 0) as desa_terdampak,
           a.* exclude (kode_wilayah, dilaporkan_langsung)
    from area r
    join wilayah w on w.kode = r.kode_wilayah
    left join angka a on a.kode_wilayah = r.kode_wilayah
    left join desa d on d.kode_wilayah = r.kode_wilayah
    left join wilayah k on k.kode = w.kode_kabkota
    left join wilayah c on c.kode = w.kode_kecamatan
)
select * from final
order by kode_wilayah
