-- Councils as aggregates stored by Spring Data JDBC, which saves an aggregate by rewriting the rows it owns. Rows that
-- other rows refer to are therefore checked at commit rather than at each statement: the references stay enforced,
-- and a saved aggregate may delete and insert again what it owns within its transaction.
alter table council_consent
    alter constraint council_consent_council_id_user_id_fkey deferrable initially deferred;
alter table council_proposal_response
    alter constraint council_proposal_response_proposal_id_revision_fkey deferrable initially deferred;
alter table council_pledge_signature
    alter constraint council_pledge_signature_council_id_version_fkey deferrable initially deferred;

-- R13: an invitation is used up by refused registrations beyond a few (banso.council.invitation-registration-attempts),
-- so that one link cannot probe usernames and corporate numbers without limit.
alter table council_invitation add column refused_registrations integer not null default 0
    check (refused_registrations >= 0);
alter table council_invitation add column used_up_at timestamptz;
