-- daftar_provinsi: one row per province in the warehouse (kode, nama), Kalimantan Selatan first. No parameters.
select kode, nama from wilayah where tingkat = 'provinsi' order by kode <> '63', kode
