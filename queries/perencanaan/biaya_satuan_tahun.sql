-- biaya_satuan_tahun: one row per stored unit cost of year $tahun in province $kode_provinsi (province-wide rows and
-- kab/kota overrides): service, area, rupiah per person served and source. Params: $tahun, $kode_provinsi.
select b.tahun, b.kode_indikator, b.kode_wilayah, w.tingkat, b.biaya_satuan, b.sumber
from biaya_satuan b
join wilayah w on w.kode = b.kode_wilayah
where b.tahun = $tahun
  and (w.kode = $kode_provinsi or (w.tingkat = 'kabkota' and w.kode_provinsi = $kode_provinsi))
order by b.kode_indikator, b.kode_wilayah
