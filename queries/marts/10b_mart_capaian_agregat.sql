-- mart_capaian_agregat: see the table macro capaian_agregat for what a row is; built here in full (the incremental path
-- after an import replaces only the rows of the affected keys: queries/marts/inkremental/). No parameters.
create or replace table mart_capaian_agregat as
from capaian_agregat(true, 'lingkup_mart')
order by tingkat, kode_indikator, kode_wilayah, periode
