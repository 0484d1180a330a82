-- periode_tersedia: one row per month that has any coverage data, newest first ('YYYY-MM'). No parameters.
select distinct strftime(periode, '%Y-%m') as periode
from mart_capaian
where tingkat = 'provinsi'
order by periode desc
