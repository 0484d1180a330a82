-- stg_pemulihan (creates temp table `tahap`): one row per data row of an imported recovery-progress file (`mentah`; names in `peta_nama`):
-- cumulative counts restored by `tanggal`, typed, with its problems; rows above the recorded damage are flagged. No parameters.
create temp table tahap as
with
teks as (
    select m.*, upper(bersih(m.kode_bencana)) as bencana_teks, bersih(m.kode_wilayah) as kode_teks, bersih(m.nama_wilayah) as nama_teks,
           bersih(m.tanggal) as tanggal_teks, parse_tanggal(m.tanggal) as tgl,
           coalesce(kode_bertitik(m.kode_wilayah), case when bersih(m.kode_wilayah) is null then pn.kode end) as kode,
           pn.status as status_nama
    from mentah m
    left join peta_nama pn on pn.nama_wilayah = bersih(m.nama_wilayah)
),
ketik as (
    select t.*, w.tingkat, b.kode_bencana is not null as bencana_ada, d.rumah_rusak_berat as rb, d.rumah_rusak_sedang as rs,
           d.rumah_rusak_ringan as rr, d.sekolah_terdampak as sek, d.sarana_air_rusak as air, d.sarana_sanitasi_rusak as san, d.kk_terdampak as kk,
           min(_baris) over (partition by t.bencana_teks, t.kode, t.tgl) as baris_pertama,
           count(*) over (partition by t.bencana_teks, t.kode, t.tgl) as n
    from teks t
    left join wilayah w on w.kode = t.kode
    left join bencana b on b.kode_bencana = t.bencana_teks
    left join dampak_bencana d on d.kode_bencana = t.bencana_teks and d.kode_wilayah = t.kode
),
final as (
    select _baris, bencana_teks as kode_bencana, kode as kode_wilayah, tgl as tanggal,
        parse_bulat(rumah_rusak_berat_diperbaiki) as rumah_rusak_berat_diperbaiki,
        parse_bulat(rumah_rusak_sedang_diperbaiki) as rumah_rusak_sedang_diperbaiki,
        parse_bulat(rumah_rusak_ringan_diperbaiki) as rumah_rusak_ringan_diperbaiki,
        parse_bulat(sekolah_pulih) as sekolah_pulih,
        parse_bulat(sarana_air_pulih) as sarana_air_pulih,
        parse_bulat(sarana_sanitasi_pulih) as sarana_sanitasi_pulih,
        parse_bulat(kk_menerima_bantuan) as kk_menerima_bantuan,
        coalesce(parse_bulat(rumah_rusak_berat_diperbaiki) > rb, false) or coalesce(parse_bulat(rumah_rusak_sedang_diperbaiki) > rs, false)
            or coalesce(parse_bulat(rumah_rusak_ringan_diperbaiki) > rr, false) or coalesce(parse_bulat(sekolah_pulih) > sek, false)
            or coalesce(parse_bulat(sarana_air_pulih) > air, false) or coalesce(parse_bulat(sarana_sanitasi_pulih) > san, false)
            or coalesce(parse_bulat(kk_menerima_bantuan) > kk, false) as ditandai,
        list_filter([
            kesalahan_bencana(bencana_teks, bencana_ada),
            kesalahan_wilayah(kode_teks, nama_teks, kode_bertitik(kode_teks), tingkat, status_nama),
            case when tanggal_teks is null then kesalahan('tanggal', null, 'wajib_diisi')
                 when tgl is null then kesalahan('tanggal', tanggal_teks, 'tanggal_tidak_valid')
                 when n > 1 and _baris > baris_pertama then kesalahan('tanggal', tanggal_teks, 'duplikat_kunci:' || baris_pertama) end,
            kesalahan_bulat('rumah_rusak_berat_diperbaiki', rumah_rusak_berat_diperbaiki),
            kesalahan_bulat('rumah_rusak_sedang_diperbaiki', rumah_rusak_sedang_diperbaiki),
            kesalahan_bulat('rumah_rusak_ringan_diperbaiki', rumah_rusak_ringan_diperbaiki),
            kesalahan_bulat('sekolah_pulih', sekolah_pulih),
            kesalahan_bulat('sarana_air_pulih', sarana_air_pulih),
            kesalahan_bulat('sarana_sanitasi_pulih', sarana_sanitasi_pulih),
            kesalahan_bulat('kk_menerima_bantuan', kk_menerima_bantuan)
        ], lambda x: x is not null) as kesalahan
    from ketik
)
select * from final order by _baris
