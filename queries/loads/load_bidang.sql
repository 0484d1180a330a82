-- load_bidang: replaces the SPM fields with those in data/referensi/bidang.csv. Params: $path.
insert or replace into bidang by name
select kode_bidang, urutan::integer as urutan, nama_id, nama_en, opd_id, opd_en, termasuk_indeks::boolean as termasuk_indeks
from read_csv($path, header = true, all_varchar = true)
