-- peringkat_periode_tersedia: one row per period key (newest first) that has province-level data for the indicator
-- family $keluarga at grain $granularitas ('bulan' | 'triwulan' | 'tahun'). Params: $keluarga, $granularitas.
select distinct periode
from mart_capaian_periode
where tingkat = 'provinsi' and keluarga = $keluarga and granularitas = $granularitas
order by periode desc
