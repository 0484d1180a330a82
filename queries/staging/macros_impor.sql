-- macros_impor: temporary macros that parse the raw text cells of imported files (whole counts with Indonesian
-- thousands separators, percentages with a decimal comma, periods, Kemendagri codes). No parameters.
-- (the first branch is the common clean cell, answered without rewriting it)
create or replace temp macro bersih(s) as (
    case
        when regexp_full_match(s::varchar, '[^\s\x{00a0}\x{200b}]+') then s::varchar
        else nullif(trim(regexp_replace(s::varchar, '[\s\x{00a0}\x{200b}]+', ' ', 'g')), '')
    end
);

create or replace temp macro angka_tanpa_tanda(s) as regexp_replace(bersih(s), '^[+-]\s*', '');

-- whole number >= 0: '1234', '1.234', '1 234', '1234.0' (a float cell); NULL when not a whole number
create or replace temp macro parse_bulat(s) as (
    case
        when regexp_full_match(s::varchar, '\d{1,15}') then s::varchar::bigint  -- the common clean cell
        when bersih(s) is null then null
        when regexp_full_match(bersih(s), '\+?\d{1,15}') then try_cast(replace(bersih(s), '+', '') as bigint)
        when regexp_full_match(bersih(s), '\d{1,3}([. ]\d{3})+') then try_cast(regexp_replace(bersih(s), '[. ]', '', 'g') as bigint)
        when regexp_full_match(bersih(s), '\d{1,15}\.0+') then try_cast(split_part(bersih(s), '.', 1) as bigint)
    end
);

-- why a count cell is rejected: NULL when it is fine (or empty)
-- alasan_bulat_nilai takes the cell and its parse_bulat value (computed once by the caller)
create or replace temp macro alasan_bulat_nilai(s, nilai) as (
    case
        when nilai is not null then case when nilai >= 100000000000000 then 'terlalu_besar' end
        when bersih(s) is null then null
        when starts_with(bersih(s), '-') and parse_bulat(angka_tanpa_tanda(s)) is not null then 'negatif'
        else 'bukan_bilangan_bulat'
    end
);

create or replace temp macro alasan_bulat(s) as alasan_bulat_nilai(s, parse_bulat(s));

-- percentage: '87,5', '87.5', '87,5 %'; NULL when not a number
create or replace temp macro parse_persen(s) as (
    case
        when regexp_full_match(s::varchar, '\d{1,6}(\.\d+)?') then s::varchar::double  -- the common clean cell
        when bersih(s) is null then null
        when regexp_full_match(replace(bersih(s), ' ', ''), '\d{1,6}([.,]\d+)?%?')
            then try_cast(replace(replace(replace(bersih(s), ' ', ''), '%', ''), ',', '.') as double)
    end
);

create or replace temp macro alasan_persen(s) as (
    case
        when bersih(s) is null then null
        when parse_persen(s) is not null then case when parse_persen(s) > 1000 then 'terlalu_besar' end
        when starts_with(bersih(s), '-') then 'negatif'
        else 'bukan_persen'
    end
);

-- period: first day of the month, from 'YYYY-MM', 'YYYY-M', 'YYYY-MM-DD', 'YYYY/MM', or 'YYYY-MM-DD hh:mm:ss'
create or replace temp macro parse_periode(s) as (
    case
        when regexp_full_match(s::varchar, '(19|20|21)\d{2}-\d{2}')  -- the common clean cell
            then try_cast(try_strptime(s::varchar || '-01', '%Y-%m-%d') as date)
        when regexp_full_match(bersih(s), '(19|20|21)\d{2}[-/]\d{1,2}')
            then try_cast(try_strptime(replace(bersih(s), '/', '-') || '-01', '%Y-%m-%d') as date)
        when regexp_full_match(bersih(s), '(19|20|21)\d{2}[-/]\d{1,2}[-/]\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?')
            then date_trunc('month', try_cast(try_strptime(replace(split_part(bersih(s), ' ', 1), '/', '-'), '%Y-%m-%d') as date))
    end
);

-- a date (for event and progress files): 'YYYY-MM-DD' (also from Excel date cells) or 'DD/MM/YYYY'
create or replace temp macro parse_tanggal(s) as (
    case
        when regexp_full_match(bersih(s), '(19|20|21)\d{2}-\d{1,2}-\d{1,2}( .*)?')
            then try_cast(try_strptime(split_part(bersih(s), ' ', 1), '%Y-%m-%d') as date)
        when regexp_full_match(bersih(s), '\d{1,2}[/.-]\d{1,2}[/.-](19|20|21)\d{2}')
            then try_cast(try_strptime(regexp_replace(bersih(s), '[/.]', '-', 'g'), '%d-%m-%Y') as date)
    end
);

-- dotted Kemendagri code from '63.03', '6303', '63.03.05', '6303052001', ...; NULL when not code-shaped
create or replace temp macro kode_digit(s) as regexp_replace(bersih(s), '[.\s]', '', 'g');

create or replace temp macro kode_bertitik(s) as (
    case
        when regexp_full_match(s::varchar, '\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?') then s::varchar  -- already dotted
        when not regexp_full_match(kode_digit(s), '\d{2}|\d{4}|\d{6}|\d{10}') then null
        when length(kode_digit(s)) = 2 then kode_digit(s)
        when length(kode_digit(s)) = 4 then regexp_replace(kode_digit(s), '^(\d{2})(\d{2})$', '\1.\2')
        when length(kode_digit(s)) = 6 then regexp_replace(kode_digit(s), '^(\d{2})(\d{2})(\d{2})$', '\1.\2.\3')
        else regexp_replace(kode_digit(s), '^(\d{2})(\d{2})(\d{2})(\d{4})$', '\1.\2.\3.\4')
    end
);

create or replace temp macro kesalahan(kolom, nilai, alasan) as {'kolom': kolom, 'nilai': left(nilai::varchar, 80), 'alasan': alasan};

-- the problem of a count cell (NULL when it is fine): one line per count column in the staging queries
create or replace temp macro kesalahan_bulat(kolom, nilai) as (
    case when alasan_bulat(nilai) is not null then kesalahan(kolom, nilai, alasan_bulat(nilai)) end
);

-- the same from the cell and its parse_bulat value (computed once by the caller)
create or replace temp macro kesalahan_bulat_nilai(kolom, teks, nilai) as (
    case when alasan_bulat_nilai(teks, nilai) is not null then kesalahan(kolom, teks, alasan_bulat_nilai(teks, nilai)) end
);

-- the problem of a row's area (kode_wilayah, or nama_wilayah for a kab/kota), NULL when it is known: missing, not a
-- Kemendagri code (kode_valid is the code read from kode_teks, NULL when unreadable), an unknown code, an ambiguous
-- or unknown name. A staging query adds its own checks (key duplicates, level) after this one.
create or replace temp macro kesalahan_wilayah(kode_teks, nama_teks, kode_valid, tingkat, status_nama) as (
    case when kode_teks is null and nama_teks is null then kesalahan('kode_wilayah', null, 'wajib_diisi')
         when kode_teks is not null and kode_valid is null then kesalahan('kode_wilayah', kode_teks, 'kode_tidak_valid')
         when kode_teks is not null and tingkat is null then kesalahan('kode_wilayah', kode_teks, 'wilayah_tidak_dikenal')
         when kode_teks is null and status_nama = 'ambigu' then kesalahan('nama_wilayah', nama_teks, 'nama_ambigu')
         when kode_teks is null and tingkat is null then kesalahan('nama_wilayah', nama_teks, 'nama_tidak_dikenal') end
);

-- the problem of a row's flood event (kode_bencana): missing, or not registered (bencana_ada false)
create or replace temp macro kesalahan_bencana(bencana_teks, bencana_ada) as (
    case when bencana_teks is null then kesalahan('kode_bencana', null, 'wajib_diisi')
         when not bencana_ada then kesalahan('kode_bencana', bencana_teks, 'bencana_tidak_dikenal') end
);
