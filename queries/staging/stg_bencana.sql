-- stg_bencana (creates temp table `tahap`): one row per data row of an imported flood-event register file (`mentah`), typed, with its problems. No parameters.
create temp table tahap as
with
teks as (
    select _baris, bersih(kode_bencana) as kode_teks, bersih(nama) as nama, lower(coalesce(bersih(jenis), 'banjir')) as jenis,
           bersih(tanggal_mulai) as mulai_teks, bersih(tanggal_selesai) as selesai_teks,
           bersih(status) as status_teks, bersih(keterangan) as keterangan
    from mentah
),
ketik as (
    select *,
           upper(kode_teks) as kode_bencana,
           parse_tanggal(mulai_teks) as tanggal_mulai,
           parse_tanggal(selesai_teks) as tanggal_selesai,
           case regexp_replace(lower(coalesce(status_teks, '')), '[^a-z]+', '_', 'g')
               when '' then null
               when 'tanggap_darurat' then 'tanggap_darurat'
               when 'transisi_darurat' then 'transisi_darurat'
               when 'transisi_darurat_ke_pemulihan' then 'transisi_darurat'
               when 'transisi_darurat_menuju_pemulihan' then 'transisi_darurat'
               when 'pemulihan' then 'pemulihan'
               when 'rehabilitasi_dan_rekonstruksi' then 'pemulihan'
               when 'selesai' then 'selesai'
               else '?'
           end as status
    from teks
),
duplikat as (
    select *, min(_baris) over (partition by kode_bencana) as baris_pertama, count(*) over (partition by kode_bencana) as n
    from ketik
),
final as (
    select _baris, kode_bencana, nama, jenis, tanggal_mulai, tanggal_selesai, status, keterangan, false as ditandai,
        list_filter([
            case when kode_teks is null then kesalahan('kode_bencana', null, 'wajib_diisi')
                 when n > 1 and _baris > baris_pertama then kesalahan('kode_bencana', kode_teks, 'duplikat_kunci:' || baris_pertama) end,
            case when nama is null then kesalahan('nama', null, 'wajib_diisi') end,
            case when mulai_teks is null then kesalahan('tanggal_mulai', null, 'wajib_diisi')
                 when tanggal_mulai is null then kesalahan('tanggal_mulai', mulai_teks, 'tanggal_tidak_valid') end,
            case when selesai_teks is not null and tanggal_selesai is null then kesalahan('tanggal_selesai', selesai_teks, 'tanggal_tidak_valid')
                 when tanggal_selesai < tanggal_mulai then kesalahan('tanggal_selesai', selesai_teks, 'tanggal_terbalik') end,
            case when status = '?' then kesalahan('status', status_teks, 'nilai_tidak_dikenal:tanggap_darurat:transisi_darurat:pemulihan:selesai') end
        ], lambda x: x is not null) as kesalahan
    from duplikat
)
select * from final order by _baris
