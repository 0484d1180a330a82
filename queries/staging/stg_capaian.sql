-- stg_capaian (creates temp table `tahap`): one row per data row of an imported coverage file (registered as `mentah`, all text; names
-- resolved in `peta_nama`), typed, with the list of everything wrong with it. A bare year ('2024') is the annual value,
-- December of that year, for an indicator reported per year or cumulatively (tahunan, triwulanan_kumulatif) and refused
-- for a monthly one; a yearly (tahunan) indicator's value must be dated December. No parameters.
create temp table tahap as
with
mentah_bersih as (
    select
        _baris,
        bersih(periode)        as periode_teks,
        bersih(kode_wilayah)   as kode_teks,
        bersih(nama_wilayah)   as nama_teks,
        bersih(kode_indikator) as indikator_teks,
        bersih(sasaran)        as sasaran_teks,
        bersih(terlayani)      as terlayani_teks,
        bersih(capaian_persen) as persen_teks
    from mentah
),
ketik as (
    select
        m.*,
        parse_periode(periode_teks) as periode_bulan,
        regexp_full_match(coalesce(periode_teks, ''), '(19|20|21)\d{2}') as tahun_saja,
        kode_bertitik(kode_teks) as kode_dari_teks,
        pn.status as status_nama,
        pn.kode as kode_nama,
        lower(indikator_teks) as kode_indikator,
        parse_bulat(sasaran_teks) as sasaran,
        parse_bulat(terlayani_teks) as terlayani_angka,
        parse_persen(persen_teks) as persen
    from mentah_bersih m
    left join peta_nama pn on pn.nama_wilayah = m.nama_teks
),
rujukan as (
    select
        k.*,
        coalesce(k.kode_dari_teks, case when k.kode_teks is null then k.kode_nama end) as kode_wilayah,
        case when k.tahun_saja and i.periode_laporan in ('tahunan', 'triwulanan_kumulatif')
                  then make_date(try_cast(k.periode_teks as integer), 12, 1)
             else k.periode_bulan end as periode,
        i.periode_laporan,
        w.tingkat,
        i.level as level_indikator,
        i.kode_indikator is not null as indikator_dikenal
    from ketik k
    left join wilayah w on w.kode = coalesce(k.kode_dari_teks, case when k.kode_teks is null then k.kode_nama end)
    left join indikator i on i.kode_indikator = k.kode_indikator
),
duplikat as (
    select
        *,
        min(_baris) over (partition by periode, kode_wilayah, kode_indikator) as baris_pertama,
        count(*) over (partition by periode, kode_wilayah, kode_indikator) as jumlah_kunci
    from rujukan
),
final as (
    select
        _baris,
        periode,
        kode_wilayah,
        kode_indikator,
        sasaran,
        coalesce(terlayani_angka, case when persen is not null and sasaran is not null then round(persen * sasaran / 100)::bigint end) as terlayani,
        case when terlayani_angka is null then persen end as capaian_dilaporkan,
        coalesce(terlayani_angka > sasaran, false) or coalesce(terlayani_angka is null and persen > 100, false) as ditandai,
        list_filter([
            case when periode_teks is null then kesalahan('periode', null, 'wajib_diisi')
                 when tahun_saja and periode_laporan = 'bulanan' then kesalahan('periode', periode_teks, 'tahun_saja_bulanan')
                 when tahun_saja and periode is null then kesalahan('periode', periode_teks, 'tahun_saja')
                 when periode is null then kesalahan('periode', periode_teks, 'periode_tidak_valid')
                 when periode_laporan = 'tahunan' and month(periode) <> 12
                    then kesalahan('periode', periode_teks, 'tahunan_bukan_desember') end,
            kesalahan_wilayah(kode_teks, nama_teks, kode_dari_teks, tingkat, status_nama),
            case when indikator_teks is null then kesalahan('kode_indikator', null, 'wajib_diisi')
                 when not indikator_dikenal then kesalahan('kode_indikator', indikator_teks, 'indikator_tidak_dikenal')
                 when tingkat is not null and (
                        (level_indikator = 'provinsi' and tingkat <> 'provinsi')
                     or (level_indikator = 'kab_kota' and tingkat <> 'kabkota')
                     or (level_indikator = 'posyandu_desa' and tingkat = 'provinsi'))
                    then kesalahan('kode_indikator', indikator_teks, 'tingkat_tidak_sesuai:' || tingkat || ':' || level_indikator) end,
            case when alasan_bulat_nilai(sasaran_teks, sasaran) is not null
                    then kesalahan('sasaran', sasaran_teks, alasan_bulat_nilai(sasaran_teks, sasaran))
                 when sasaran_teks is null and terlayani_teks is not null then kesalahan('sasaran', null, 'wajib_diisi') end,
            case when alasan_bulat_nilai(terlayani_teks, terlayani_angka) is not null
                    then kesalahan('terlayani', terlayani_teks, alasan_bulat_nilai(terlayani_teks, terlayani_angka))
                 when terlayani_teks is null and persen_teks is null then kesalahan('terlayani', null, 'wajib_diisi_atau_persen') end,
            case when terlayani_teks is null and alasan_persen(persen_teks) is not null
                    then kesalahan('capaian_persen', persen_teks, alasan_persen(persen_teks)) end,
            case when jumlah_kunci > 1 and _baris > baris_pertama and periode is not null and kode_wilayah is not null and indikator_dikenal
                    then kesalahan('kode_indikator', indikator_teks, 'duplikat:' || baris_pertama) end
        ], lambda x: x is not null) as kesalahan
    from duplikat
)
select * from final
order by _baris
