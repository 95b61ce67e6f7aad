-- R14: each revision records the response deadline it asked for (an amendment may set a new one, or keep the one
-- before); the proposal's row keeps the current revision's, which decides when an open proposal lapses.
alter table council_proposal_revision add column response_deadline timestamptz;
update council_proposal_revision r set response_deadline = p.response_deadline
from council_proposal p where p.id = r.proposal_id;
