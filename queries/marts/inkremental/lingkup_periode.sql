-- lingkup_periode: adds the 'periode' keys (the months of the changed facts): every mart_kelengkapan row of that
-- month. No parameters.
insert into lingkup_mart (jenis, periode)
select distinct 'periode', periode
from fakta_berubah
