-- Case numbers come from one PostgreSQL sequence per workspace (docs/decisions.md, 2026-11-22
-- "Case numbers from sequences"), instead of `workspaces.next_case_number`, whose row lock was held
-- until the creating transaction committed and so let a workspace open one case at a time. nextval
-- locks nothing and is not rolled back: a rolled-back case leaves a gap in the numbers.
-- `next_case_number` stays only as the sequences' starting point for workspaces created here.

create schema case_numbers;

create function case_number_seq(ws uuid) returns text language sql immutable parallel safe as $$
  select 'case_numbers.ws_' || replace(ws::text, '-', '')
$$;

create function take_case_number(ws uuid) returns integer language sql as $$
  select nextval(case_number_seq(ws)::regclass)::integer
$$;

create function workspaces_case_number_seq() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    execute format('create sequence %s as integer start with %s', case_number_seq(new.id), new.next_case_number);
    return new;
  end if;
  execute format('drop sequence if exists %s', case_number_seq(old.id));
  return old;
end;
$$;

create trigger workspaces_case_number_seq_insert after insert on workspaces
  for each row execute function workspaces_case_number_seq();
create trigger workspaces_case_number_seq_delete after delete on workspaces
  for each row execute function workspaces_case_number_seq();

do $$
declare
  w record;
begin
  for w in select id, next_case_number from workspaces loop
    execute format('create sequence %s as integer start with %s', case_number_seq(w.id),
      greatest(w.next_case_number, coalesce((select max(number) + 1 from cases where workspace_id = w.id), 1)));
  end loop;
end;
$$;
