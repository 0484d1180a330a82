-- mart_banjir_indikator: one row per flood-sensitive indicator (indikator.peka_banjir) with its role in the
-- recovery analysis: 'layanan_bencana' for disaster services whose target population is created by the disaster
-- (evacuation, housing and social protection for victims, health crisis, and the Posyandu post-flood services:
-- damaged houses and water facilities restored, flood households assisted), shown as absolute served and gap;
-- 'pemulihan' for the other services, compared with their pre-flood baseline. No parameters.
create or replace table mart_banjir_indikator as
with
layanan_bencana as (
    select * from (values
        ('tr_evakuasi_bencana'), ('pr_rumah_korban_bencana'), ('sos_korban_bencana'),
        ('pr_prov_rumah_korban_bencana'), ('kes_prov_krisis_bencana'),
        ('sos_kk_banjir_bantuan'), ('pr_rumah_banjir_pulih'), ('pu_sarana_air_pulih')
    ) as l(kode_indikator)
),
final as (
    select i.kode_indikator, i.kode_bidang, i.level, i.periode_laporan,
           case when l.kode_indikator is not null then 'layanan_bencana' else 'pemulihan' end as peran
    from indikator i
    left join layanan_bencana l using (kode_indikator)
    where i.peka_banjir
)
select * from final
order by kode_indikator
