-- Issue 16. Meetings carry an iCalendar SEQUENCE (raised by each change or the cancellation) so that every
-- calendar holding the invitation replaces or removes its entry; a cancelled meeting keeps its row.
alter table council_meeting add column sequence integer not null default 0 check (sequence >= 0);
alter table council_meeting add column cancelled_at timestamptz;
alter table council_meeting add column cancelled_by uuid;
alter table council_meeting add constraint council_meeting_cancelled_by
    check ((cancelled_at is null) = (cancelled_by is null));
create index council_meeting_starts on council_meeting (starts_at) where cancelled_at is null;

-- An invitation names its invitee (name, organisation, e-mail, language of the e-mail); older ones name nobody.
alter table council_invitation add column invitee_name text check (length(invitee_name) between 1 and 200);
alter table council_invitation add column invitee_organization text
    check (length(invitee_organization) between 1 and 200);
alter table council_invitation add column invitee_email text check (length(invitee_email) between 3 and 254);
alter table council_invitation add column invitee_language text check (invitee_language in ('ja', 'en'));
alter table council_invitation add constraint council_invitation_invitee
    check ((invitee_name is null) = (invitee_email is null));
create index council_invitation_invitee_email on council_invitation (lower(invitee_email))
    where invitee_email is not null and accepted_at is null and revoked_at is null;

-- The inbox's queries: what waits for one person.
create index council_participant_representative on council_participant (representative_id) where left_at is null;
create index council_proposal_open on council_proposal (response_deadline) where status = 'OPEN';
create index council_task_open on council_task (due_date) where status = 'OPEN';
create index council_material_request_open on council_material_request (due_date) where status = 'REQUESTED';
