-- bencana: one row per disaster (flood) event in the register.
create table if not exists bencana (
    kode_bencana     varchar primary key,
    nama             varchar not null,
    jenis            varchar,
    tanggal_mulai    date not null,
    tanggal_selesai  date,
    status           varchar,   -- tanggap_darurat | transisi_darurat | pemulihan | selesai
    keterangan       varchar,
    id_impor         integer
);
