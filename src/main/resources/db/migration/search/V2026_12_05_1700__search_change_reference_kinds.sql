-- Search covers the technology areas (issue #17): a corrected area reaches every node's index through the feed.
alter table search_change drop constraint search_change_kind_check;
alter table search_change add constraint search_change_kind_check
    check (kind in ('ITEM', 'COUNCIL', 'PROPOSAL', 'MEETING', 'TECHNOLOGY', 'GUIDELINE', 'TECHNOLOGY_AREA'));
