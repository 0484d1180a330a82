-- staged_errors: one row per problem found in the staged rows (temp table `tahap`), in row order. Params: $batas.
select _baris, k.kolom, k.nilai, k.alasan
from (select _baris, unnest(kesalahan) as k from tahap where len(kesalahan) > 0)
order by _baris
limit $batas
