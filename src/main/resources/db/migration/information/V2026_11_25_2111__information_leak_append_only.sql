-- Leak records and traced copies are evidence (R17): rows are only ever added. Updates and deletes are refused by the
-- database itself, so that no code path, and no one with the application's credentials, can rewrite who received a
-- copy, what was reported, found or decided. (Truncation is refused too.)

create function information_leak_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'leak records are append-only (R17): % on % refused', tg_op, tg_table_name
        using errcode = 'P0001';
end;
$$;

create trigger information_trace_copy_append_only before update or delete on information_trace_copy
    for each row execute function information_leak_is_append_only();
create trigger information_trace_copy_no_truncate before truncate on information_trace_copy
    for each statement execute function information_leak_is_append_only();
create trigger information_leak_report_append_only before update or delete on information_leak_report
    for each row execute function information_leak_is_append_only();
create trigger information_leak_report_no_truncate before truncate on information_leak_report
    for each statement execute function information_leak_is_append_only();
create trigger information_leak_investigation_append_only before update or delete on information_leak_investigation
    for each row execute function information_leak_is_append_only();
create trigger information_leak_investigation_no_truncate before truncate on information_leak_investigation
    for each statement execute function information_leak_is_append_only();
create trigger information_leak_decision_append_only before update or delete on information_leak_decision
    for each row execute function information_leak_is_append_only();
create trigger information_leak_decision_no_truncate before truncate on information_leak_decision
    for each statement execute function information_leak_is_append_only();
