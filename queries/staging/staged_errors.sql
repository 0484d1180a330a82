-- staged_errors: one row per problem found in the staged rows (temp table `tahap`), in row order and, within a row,
-- in the order the checks found them (stable whatever $batas is). Params: $batas.
select _baris, k.kolom, k.nilai, k.alasan
from (
    select _baris, unnest(kesalahan) as k, generate_subscripts(kesalahan, 1) as i
    from tahap
    where len(kesalahan) > 0
)
order by _baris, i
limit $batas
