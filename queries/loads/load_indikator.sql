-- load_indikator: replaces the indicator catalog with data/referensi/spm_indicators.csv. Params: $path.
with src as (
    select * from read_csv($path, header = true, all_varchar = true)
),
final as (
    select
        indicator_code                          as kode_indikator,
        field_code                              as kode_bidang,
        name_id                                 as nama_id,
        name_en                                 as nama_en,
        numerator_id                            as pembilang_id,
        denominator_id                          as penyebut_id,
        level,
        source                                  as sumber,
        lower(higher_is_better) = 'true'        as lebih_tinggi_lebih_baik,
        lower(flood_sensitive) = 'true'         as peka_banjir,
        periode_laporan,                        -- 'bulanan' | 'triwulanan_kumulatif' | 'tahunan' (schema checks it)
        case
            when field_code = 'transformasi_posyandu' then 'transformasi'
            when level = 'posyandu_desa' then 'posyandu'
            else 'spm_resmi'
        end                                     as keluarga,
        nullif(trim(regulasi_teknis), '')       as regulasi_teknis,
        lower(regulasi_terverifikasi) = 'ya'    as regulasi_terverifikasi,
        nullif(trim(sasaran_penduduk), '')      as sasaran_penduduk,
        lower(coalesce(unit_terdampak, '')) = 'ya' as unit_terdampak
    from src
)
insert or replace into indikator by name select * from final
