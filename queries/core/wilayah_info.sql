-- wilayah_info: one row describing the unit $kode (names, level, parents, population). Params: $kode.
select w.*, k.nama as nama_kabkota, c.nama as nama_kecamatan
from wilayah w
left join wilayah k on k.kode = w.kode_kabkota
left join wilayah c on c.kode = w.kode_kecamatan
where w.kode = $kode
