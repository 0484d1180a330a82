-- mart_banjir_bulanan: see the table macro banjir_bulanan for what a row is; built here in full (the incremental path
-- after an import replaces only the rows of the affected keys: queries/marts/inkremental/). No parameters.
create or replace table mart_banjir_bulanan as
from banjir_bulanan(true, 'lingkup_mart')
order by kode_bencana, kelompok, tingkat, kode_indikator, kode_wilayah, periode
