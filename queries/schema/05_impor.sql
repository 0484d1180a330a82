-- impor: one row per import into the warehouse (the import log), including the sample build.
create table if not exists impor (
    id_impor       integer primary key,
    jenis          varchar not null,   -- capaian | bencana | dampak | pemulihan | anggaran | sampel
    nama_file      varchar,
    sha256         varchar,
    baris          integer,
    baris_baru     integer,
    baris_diganti  integer,
    baris_ditandai integer,
    waktu          timestamp,
    pengguna       varchar,
    sumber         varchar             -- 'sampel' | 'impor'
);
