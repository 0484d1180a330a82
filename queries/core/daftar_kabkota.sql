-- daftar_kabkota: one row per kab/kota of province $kode_provinsi (kode, nama, nama_lengkap, jenis, singkatan, tile
-- position, penduduk). Params: $kode_provinsi.
select kode, nama, nama_lengkap, jenis, singkatan, tile_baris, tile_kolom, penduduk, kode_provinsi
from wilayah
where tingkat = 'kabkota' and kode_provinsi = $kode_provinsi
order by kode
