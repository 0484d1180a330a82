-- log_import: appends one entry to the import log. Params: $id_impor, $jenis, $nama_file, $sha256, $baris, $baris_baru, $baris_diganti, $baris_ditandai, $pengguna, $sumber.
insert into impor (id_impor, jenis, nama_file, sha256, baris, baris_baru, baris_diganti, baris_ditandai, waktu, pengguna, sumber)
values ($id_impor, $jenis, $nama_file, $sha256, $baris, $baris_baru, $baris_diganti, $baris_ditandai, now()::timestamp, $pengguna, $sumber)
