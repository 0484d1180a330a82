-- count_wilayah: one row, the number of administrative units loaded. No parameters.
select count(*) from wilayah
