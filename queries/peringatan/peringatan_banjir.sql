-- peringatan_banjir: one row per (kab/kota, flood event) where an impact row of the event lies in the kab/kota (or names it, or the whole province) and the event overlaps $mulai..$akhir (DATEs; an event without an end date is still going on); Params: $mulai, $akhir.
with
kejadian as (
    select kode_bencana, nama, tanggal_mulai, tanggal_selesai
    from bencana
    where jenis = 'banjir' and tanggal_mulai <= $akhir and coalesce(tanggal_selesai, $akhir) >= $mulai
),
kab as (
    select kode from wilayah where tingkat = 'kabkota'
)
select k.kode as kode_wilayah, e.kode_bencana, e.nama, e.tanggal_mulai, e.tanggal_selesai,
       sum(d.jiwa_terdampak)::bigint as jiwa_terdampak
from dampak_bencana d
join kejadian e using (kode_bencana)
join kab k
  on d.kode_wilayah = k.kode or starts_with(d.kode_wilayah, k.kode || '.') or starts_with(k.kode, d.kode_wilayah || '.')
group by all
order by k.kode, e.tanggal_mulai
