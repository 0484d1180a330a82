-- lingkup_capaian: adds the 'capaian' keys (periode, kode_indikator, kode_provinsi) of the changed facts and of every
-- percent-only row whose estimate changed (mart_taksiran against taksiran_lama, either way): each mart_capaian_agregat
-- row of that month and indicator in that province is recomputed. No parameters.
insert into lingkup_mart (jenis, periode, kode_indikator, kode_provinsi)
with
berubah as (
    select periode, kode_wilayah, kode_indikator from fakta_berubah
    union all
    select periode, kode_wilayah, kode_indikator from (from mart_taksiran except from taksiran_lama)
    union all
    select periode, kode_wilayah, kode_indikator from (from taksiran_lama except from mart_taksiran)
)
select distinct 'capaian', periode, kode_indikator, split_part(kode_wilayah, '.', 1)
from berubah
