-- staged_summary: one row: staged rows, rows with problems, problems, rows flagged for data quality. No parameters.
select
    count(*)                                   as baris,
    count(*) filter (where len(kesalahan) > 0) as baris_salah,
    coalesce(sum(len(kesalahan)), 0)::bigint   as jumlah_kesalahan,
    count(*) filter (where ditandai)           as baris_ditandai
from tahap
