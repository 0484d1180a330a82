-- daftar_kabkota: one row per kab/kota (kode, nama, nama_lengkap, jenis, singkatan, tile position). No parameters.
select kode, nama, nama_lengkap, jenis, singkatan, tile_baris, tile_kolom, penduduk, kode_provinsi
from wilayah
where tingkat = 'kabkota'
order by kode
