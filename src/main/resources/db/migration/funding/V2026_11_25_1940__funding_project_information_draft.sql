-- The awarded application's draft open/close plan, kept with the project: the council cannot take a proposal before
-- it is established, so the draft waits here as the text of its first information-management proposal.
alter table funding_project add column information_management_draft text;
