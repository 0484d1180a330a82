-- load_wilayah: replaces the administrative units with those in the registered frame `wilayah_baru`. No parameters.
insert or replace into wilayah by name select * from wilayah_baru
