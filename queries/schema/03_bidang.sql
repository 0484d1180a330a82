-- bidang: one row per SPM field (plus the Posyandu transformation panel, which is outside every SPM index).
create table if not exists bidang (
    kode_bidang      varchar primary key,
    urutan           integer,
    nama_id          varchar,
    nama_en          varchar,
    opd_id           varchar,
    opd_en           varchar,
    termasuk_indeks  boolean
);
