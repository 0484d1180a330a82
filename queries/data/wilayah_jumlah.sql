-- wilayah_jumlah: one row per kab/kota with its number of kecamatan, desa and kelurahan. No parameters.
select k.kode, k.nama_lengkap,
       count(*) filter (where w.tingkat = 'kecamatan') as kecamatan,
       count(*) filter (where w.tingkat = 'desa' and w.jenis = 'desa') as desa,
       count(*) filter (where w.tingkat = 'desa' and w.jenis = 'kelurahan') as kelurahan,
       k.penduduk
from wilayah k
join wilayah w on w.kode_kabkota = k.kode and w.tingkat in ('kecamatan', 'desa')
where k.tingkat = 'kabkota'
group by all
order by k.kode
