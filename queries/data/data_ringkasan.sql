-- data_ringkasan: one row per stored data kind: rows, first and last period/date, areas covered. No parameters.
select 'capaian' as jenis, count(*) as baris, min(periode)::varchar as awal, max(periode)::varchar as akhir,
       count(distinct kode_wilayah) as wilayah
from fakta_capaian
union all
select 'bencana', count(*), min(tanggal_mulai)::varchar, max(tanggal_mulai)::varchar, null from bencana
union all
select 'dampak', count(*), null, null, count(distinct kode_wilayah) from dampak_bencana
union all
select 'pemulihan', count(*), min(tanggal)::varchar, max(tanggal)::varchar, count(distinct kode_wilayah) from pemulihan
union all
select 'anggaran', count(*), min(tahun)::varchar, max(tahun)::varchar, count(distinct kode_wilayah) from anggaran
union all
select 'biaya_satuan', count(*), min(tahun)::varchar, max(tahun)::varchar, count(distinct kode_wilayah) from biaya_satuan
