-- unggah_pratinjau: one row per staged row (temp table `tahap` of the file being checked), typed as it would be
-- loaded, with its number of problems; the first $batas rows. Params: $batas.
select * exclude (kesalahan), len(kesalahan) as jumlah_masalah
from tahap
order by _baris
limit $batas
