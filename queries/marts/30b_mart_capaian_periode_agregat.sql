-- mart_capaian_periode_agregat: see the table macro capaian_periode_agregat for what a row is; built here in full (the
-- incremental path after an import replaces only the rows of the affected keys: queries/marts/inkremental/). No
-- parameters.
create or replace table mart_capaian_periode_agregat as
from capaian_periode_agregat(true, 'lingkup_mart')
order by granularitas, tingkat, kode_indikator, kode_wilayah, periode
