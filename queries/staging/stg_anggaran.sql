-- stg_anggaran (creates temp table `tahap`): one row per data row of an imported budget file (`mentah`; names in `peta_nama`): allocation and
-- realisation in rupiah per (tahun, kab/kota, bidang), typed, with its problems; realisation above allocation is flagged. No parameters.
create temp table tahap as
with
teks as (
    select m.*, bersih(m.tahun) as tahun_teks, bersih(m.kode_wilayah) as kode_teks, bersih(m.nama_wilayah) as nama_teks,
           bersih(m.kode_bidang) as bidang_teks,
           coalesce(kode_bertitik(m.kode_wilayah), case when bersih(m.kode_wilayah) is null then pn.kode end) as kode,
           pn.status as status_nama,
           case when regexp_full_match(bersih(m.tahun), '(20|21)\d{2}(\.0+)?') then split_part(bersih(m.tahun), '.', 1)::integer end as thn
    from mentah m
    left join peta_nama pn on pn.nama_wilayah = bersih(m.nama_wilayah)
),
ketik as (
    select t.*, w.tingkat,
           coalesce(b1.kode_bidang, b2.kode_bidang) as bidang
    from teks t
    left join wilayah w on w.kode = t.kode
    left join bidang b1 on b1.kode_bidang = regexp_replace(lower(t.bidang_teks), '[^a-z]+', '_', 'g') and b1.termasuk_indeks
    left join bidang b2 on regexp_replace(lower(b2.nama_id), '[^a-z]+', '_', 'g') = regexp_replace(lower(t.bidang_teks), '[^a-z]+', '_', 'g') and b2.termasuk_indeks
),
duplikat as (
    select *, min(_baris) over (partition by thn, kode, bidang) as baris_pertama, count(*) over (partition by thn, kode, bidang) as n
    from ketik
),
final as (
    select _baris, thn as tahun, kode as kode_wilayah, bidang as kode_bidang,
        parse_bulat(pagu) as pagu, parse_bulat(realisasi) as realisasi,
        coalesce(parse_bulat(realisasi) > parse_bulat(pagu), false) as ditandai,
        list_filter([
            case when tahun_teks is null then kesalahan('tahun', null, 'wajib_diisi')
                 when thn is null then kesalahan('tahun', tahun_teks, 'tahun_tidak_valid') end,
            coalesce(kesalahan_wilayah(kode_teks, nama_teks, kode_bertitik(kode_teks), tingkat, status_nama),
                     case when tingkat not in ('kabkota', 'provinsi') then kesalahan('kode_wilayah', coalesce(kode_teks, nama_teks), 'bukan_kabkota') end),
            case when bidang_teks is null then kesalahan('kode_bidang', null, 'wajib_diisi')
                 when bidang is null then kesalahan('kode_bidang', bidang_teks, 'bidang_tidak_dikenal')
                 when n > 1 and _baris > baris_pertama then kesalahan('kode_bidang', bidang_teks, 'duplikat_kunci:' || baris_pertama) end,
            case when bersih(pagu) is null and bersih(realisasi) is null then kesalahan('pagu', null, 'wajib_diisi')
                 when alasan_bulat(pagu) is not null then kesalahan('pagu', pagu, alasan_bulat(pagu)) end,
            kesalahan_bulat('realisasi', realisasi)
        ], lambda x: x is not null) as kesalahan
    from duplikat
)
select * from final order by _baris
