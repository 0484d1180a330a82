-- kabkota_names: one row per kab/kota (kode, nama, nama_lengkap), for matching names in imported files. No parameters.
select kode, nama, nama_lengkap from wilayah where tingkat = 'kabkota' order by kode
