-- stg_dampak (creates temp table `tahap`): one row per data row of an imported flood-impact file (`mentah`; names resolved in `peta_nama`),
-- typed, with its problems. The event must already be in the register. No parameters.
create temp table tahap as
with
teks as (
    select m.*, upper(bersih(m.kode_bencana)) as bencana_teks, bersih(m.kode_wilayah) as kode_teks, bersih(m.nama_wilayah) as nama_teks,
           coalesce(kode_bertitik(m.kode_wilayah), case when bersih(m.kode_wilayah) is null then pn.kode end) as kode,
           pn.status as status_nama
    from mentah m
    left join peta_nama pn on pn.nama_wilayah = bersih(m.nama_wilayah)
),
ketik as (
    select t.*, w.tingkat, b.kode_bencana is not null as bencana_ada,
           min(_baris) over (partition by t.bencana_teks, t.kode) as baris_pertama,
           count(*) over (partition by t.bencana_teks, t.kode) as n
    from teks t
    left join wilayah w on w.kode = t.kode
    left join bencana b on b.kode_bencana = t.bencana_teks
),
final as (
    select _baris, bencana_teks as kode_bencana, kode as kode_wilayah,
        parse_bulat(kk_terdampak) as kk_terdampak, parse_bulat(jiwa_terdampak) as jiwa_terdampak,
        parse_bulat(jiwa_mengungsi) as jiwa_mengungsi, parse_bulat(rumah_terendam) as rumah_terendam,
        parse_bulat(rumah_rusak_berat) as rumah_rusak_berat, parse_bulat(rumah_rusak_sedang) as rumah_rusak_sedang,
        parse_bulat(rumah_rusak_ringan) as rumah_rusak_ringan, parse_bulat(sekolah_terdampak) as sekolah_terdampak,
        parse_bulat(posyandu_terdampak) as posyandu_terdampak, parse_bulat(faskes_terdampak) as faskes_terdampak,
        parse_bulat(sarana_air_rusak) as sarana_air_rusak, parse_bulat(sarana_sanitasi_rusak) as sarana_sanitasi_rusak,
        coalesce(parse_bulat(jiwa_mengungsi) > parse_bulat(jiwa_terdampak), false) as ditandai,
        list_filter([
            kesalahan_bencana(bencana_teks, bencana_ada),
            coalesce(kesalahan_wilayah(kode_teks, nama_teks, kode_bertitik(kode_teks), tingkat, status_nama),
                     case when n > 1 and _baris > baris_pertama then kesalahan('kode_wilayah', coalesce(kode_teks, nama_teks), 'duplikat_kunci:' || baris_pertama) end),
            kesalahan_bulat('kk_terdampak', kk_terdampak),
            kesalahan_bulat('jiwa_terdampak', jiwa_terdampak),
            kesalahan_bulat('jiwa_mengungsi', jiwa_mengungsi),
            kesalahan_bulat('rumah_terendam', rumah_terendam),
            kesalahan_bulat('rumah_rusak_berat', rumah_rusak_berat),
            kesalahan_bulat('rumah_rusak_sedang', rumah_rusak_sedang),
            kesalahan_bulat('rumah_rusak_ringan', rumah_rusak_ringan),
            kesalahan_bulat('sekolah_terdampak', sekolah_terdampak),
            kesalahan_bulat('posyandu_terdampak', posyandu_terdampak),
            kesalahan_bulat('faskes_terdampak', faskes_terdampak),
            kesalahan_bulat('sarana_air_rusak', sarana_air_rusak),
            kesalahan_bulat('sarana_sanitasi_rusak', sarana_sanitasi_rusak)
        ], lambda x: x is not null) as kesalahan
    from ketik
)
select * from final order by _baris
