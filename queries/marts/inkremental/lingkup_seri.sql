-- lingkup_seri: adds the 'seri' keys (kode_wilayah, kode_indikator) of the changed facts: every mart_riwayat_nilai
-- row of that area and indicator (its medians and each row's previous period depend only on that series).
-- No parameters.
insert into lingkup_mart (jenis, kode_wilayah, kode_indikator)
select distinct 'seri', kode_wilayah, kode_indikator
from fakta_berubah
