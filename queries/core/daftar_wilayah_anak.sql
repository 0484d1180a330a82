-- daftar_wilayah_anak: one row per unit directly below $kode_induk (kecamatan of a kab/kota, desa of a kecamatan). Params: $kode_induk.
select kode, nama, nama_lengkap, tingkat, jenis
from wilayah
where kode_induk = $kode_induk
order by nama
