-- R7: a project's council keeps the application's draft open/close plan as the draft of its first
-- INFORMATION_MANAGEMENT proposal (null for councils proposed without a project application).
alter table council_council add column information_management_draft text;
alter table council_council add constraint council_council_draft_length
    check (information_management_draft is null or length(information_management_draft) <= 50000);
