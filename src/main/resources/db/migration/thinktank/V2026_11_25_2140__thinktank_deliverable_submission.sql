-- R20: a deliverable is submitted as a REPORT item of a council; the item is then controlled like any other.
alter table thinktank_deliverable
    add column item_id      uuid,
    add column council_id   uuid,
    add column submitted_at timestamptz,
    add column submitted_by uuid,
    add constraint thinktank_deliverable_submission_complete
        check ((item_id is null) = (submitted_at is null) and (item_id is null) = (council_id is null)
               and (item_id is null) = (submitted_by is null));
