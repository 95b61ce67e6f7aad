-- Issue 16: when the awarding officer sent the named invitations the award proposes (once per project).
alter table funding_project add column invitations_sent_at timestamptz;
alter table funding_project add column invitations_sent_by uuid;
alter table funding_project add constraint funding_project_invitations_sent
    check ((invitations_sent_at is null) = (invitations_sent_by is null));
