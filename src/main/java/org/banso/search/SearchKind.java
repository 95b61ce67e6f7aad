package org.banso.search;

/** What a search hit is. */
public enum SearchKind {
    ITEM,
    COUNCIL,
    PROPOSAL,
    MEETING,
    TECHNOLOGY,
    GUIDELINE,
    PUBLIC_RESULT
}
