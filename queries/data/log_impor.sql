-- log_impor: one row per import, newest first (the import log). No parameters.
select id_impor, waktu, jenis, nama_file, sha256, baris, baris_baru, baris_diganti, baris_ditandai, pengguna, sumber
from impor
order by id_impor desc
