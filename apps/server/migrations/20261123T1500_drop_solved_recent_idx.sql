-- "Solved recently" is read from case_solved_days (20261123T1000_solved_counts.sql); nothing reads
-- this index any more, and every write that solves, reopens or closes a case kept it up to date.
drop index if exists cases_solved_recent_idx;
