-- capaian (view, the stable analyst interface): one row per (periode, kode_wilayah, kode_indikator) at every
-- level, with coverage = terlayani / sasaran * 100 (NA when sasaran is missing or zero). No parameters.
create or replace view capaian as
select
    periode,
    kode_wilayah,
    tingkat,
    kode_indikator,
    bidang,
    sasaran,
    terlayani,
    capaian_persen
from mart_capaian
