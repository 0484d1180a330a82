-- indikator: one row per indicator of the catalog (data/referensi/spm_indicators.csv).
create table if not exists indikator (
    kode_indikator           varchar primary key,
    kode_bidang              varchar not null,
    nama_id                  varchar,
    nama_en                  varchar,
    pembilang_id             varchar,
    penyebut_id              varchar,
    level                    varchar,   -- 'kab_kota' | 'provinsi' | 'posyandu_desa'
    sumber                   varchar,
    lebih_tinggi_lebih_baik  boolean,
    peka_banjir              boolean,
    periode_laporan          varchar    -- 'bulanan' | 'triwulanan_kumulatif' | 'tahunan' (annual, e.g. a survey rate)
        check (periode_laporan in ('bulanan', 'triwulanan_kumulatif', 'tahunan')),
    keluarga                 varchar,   -- 'spm_resmi' | 'posyandu' | 'transformasi'
    regulasi_teknis          varchar,   -- the technical-standard regulation (e.g. 'Permendagri 121/2018'); NULL if none
    regulasi_terverifikasi   boolean,   -- the citation is verified in the domain notes ([V] in SPM.md)
    sasaran_penduduk         varchar,   -- the denominator is this population column of wilayah ('penduduk', total population):
                                        -- a percent-only row's counts may be estimated from it; NULL if not
    unit_terdampak           boolean    -- reported only by the units a flood hit (post-flood recovery): an aggregate's
                                        -- units are those that reported, not every desa
);

-- warehouses built before the catalog carried its regulations get the columns (filled by the catalog refresh)
alter table indikator add column if not exists regulasi_teknis varchar;
alter table indikator add column if not exists regulasi_terverifikasi boolean;
alter table indikator add column if not exists sasaran_penduduk varchar;
alter table indikator add column if not exists unit_terdampak boolean;
