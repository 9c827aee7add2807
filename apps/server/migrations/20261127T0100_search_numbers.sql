-- Numbers are found whatever joins them to a prefix (features/cases/search.queries.ts,
-- docs/decisions.md 2026-12-02).
--
-- PostgreSQL's parser reads "TH-20007" as the word 'th' and the signed integer '-20007', so with
-- the 'english' configuration an agent who typed the number she was given, 20007, found nothing:
-- the index held '-20007', the query asked for '20007'. The same for INV-55501, 12-345 and any
-- reference written with a hyphen. The 'fairdesk' configuration is 'english' with integers read
-- through dict_int without their sign (absval), on both sides: the documents' vectors and the
-- queries. "TH-20007" is then 'th' <-> '20007', so the number alone, the reference, and the
-- reference in quotes all find it. maxlen is far above any real reference: dict_int's default (6)
-- would cut a tracking number to its first six digits.
--
-- dict_int ships with PostgreSQL and is a trusted extension: a database owner may create it
-- without being a superuser.
create extension if not exists dict_int;

create text search dictionary fairdesk_numbers (template = intdict_template, maxlen = 100, absval = true);
create text search configuration fairdesk (copy = english);
alter text search configuration fairdesk alter mapping for int, uint with fairdesk_numbers;

-- Rewrites both tables and rebuilds their indexes (the day-keyed ones read the vectors too).
alter table cases alter column search set expression as (to_tsvector('fairdesk', subject));
alter table messages alter column search set expression as (to_tsvector('fairdesk', body));
