-- stg_biaya_satuan (creates temp table `tahap`): one row per data row of an imported unit-cost file (`mentah`; names in
-- `peta_nama`): rupiah per person served per (tahun, service, area), typed, with its problems. An empty area is the
-- whole province; a kab/kota row overrides the province-wide cost there. No parameters.
create temp table tahap as
with
provinsi as (
    select min(kode) as kode from wilayah where tingkat = 'provinsi'
),
teks as (
    select m.*, bersih(m.tahun) as tahun_teks, bersih(m.kode_wilayah) as kode_teks, bersih(m.nama_wilayah) as nama_teks,
           bersih(m.kode_indikator) as indikator_teks, bersih(m.sumber) as sumber_teks,
           case when bersih(m.kode_wilayah) is null and bersih(m.nama_wilayah) is null then (select kode from provinsi)
                else coalesce(kode_bertitik(m.kode_wilayah), case when bersih(m.kode_wilayah) is null then pn.kode end)
           end as kode,
           pn.status as status_nama,
           case when regexp_full_match(bersih(m.tahun), '(20|21)\d{2}(\.0+)?') then split_part(bersih(m.tahun), '.', 1)::integer end as thn,
           parse_bulat(m.biaya_satuan) as biaya, m.biaya_satuan as biaya_sel
    from mentah m
    left join peta_nama pn on pn.nama_wilayah = bersih(m.nama_wilayah)
),
ketik as (
    select t.*, w.tingkat, i.kode_indikator as indikator, i.level as indikator_level, i.keluarga as indikator_keluarga
    from teks t
    left join wilayah w on w.kode = t.kode
    left join indikator i on i.kode_indikator = lower(t.indikator_teks)
),
duplikat as (
    select *, min(_baris) over (partition by thn, kode, indikator) as baris_pertama,
           count(*) over (partition by thn, kode, indikator) as n
    from ketik
),
final as (
    select _baris, thn as tahun, indikator as kode_indikator, kode as kode_wilayah, biaya as biaya_satuan,
        sumber_teks as sumber, false as ditandai,
        list_filter([
            case when tahun_teks is null then kesalahan('tahun', null, 'wajib_diisi')
                 when thn is null then kesalahan('tahun', tahun_teks, 'tahun_tidak_valid') end,
            case when indikator_teks is null then kesalahan('kode_indikator', null, 'wajib_diisi')
                 when indikator is null then kesalahan('kode_indikator', indikator_teks, 'indikator_tidak_dikenal')
                 when indikator_keluarga <> 'spm_resmi' or indikator_level <> 'kab_kota'
                     then kesalahan('kode_indikator', indikator_teks, 'bukan_layanan_kabkota') end,
            case when kode_teks is not null or nama_teks is not null then  -- empty: the whole province
                coalesce(kesalahan_wilayah(kode_teks, nama_teks, kode_bertitik(kode_teks), tingkat, status_nama),
                         case when tingkat not in ('kabkota', 'provinsi') then kesalahan('kode_wilayah', coalesce(kode_teks, nama_teks), 'bukan_kabkota') end)
            end,
            case when bersih(biaya_sel) is null then kesalahan('biaya_satuan', null, 'wajib_diisi')
                 when alasan_bulat_nilai(biaya_sel, biaya) is not null
                     then kesalahan('biaya_satuan', biaya_sel, alasan_bulat_nilai(biaya_sel, biaya))
                 when biaya = 0 then kesalahan('biaya_satuan', biaya_sel, 'harus_positif') end,
            case when sumber_teks is null then kesalahan('sumber', null, 'wajib_diisi') end,
            case when n > 1 and _baris > baris_pertama and thn is not null and kode is not null and indikator is not null
                 then kesalahan('kode_indikator', indikator_teks, 'duplikat_kunci:' || baris_pertama) end
        ], lambda x: x is not null) as kesalahan
    from duplikat
)
select * from final order by _baris
