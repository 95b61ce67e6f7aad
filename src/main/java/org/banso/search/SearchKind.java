package org.banso.search;

/** What a search hit is. */
public enum SearchKind {
    ITEM,
    COUNCIL,
    PROPOSAL,
    MEETING,
    TECHNOLOGY,
    GUIDELINE,
    PUBLIC_RESULT,
    /** One of the basic guideline's twenty technology areas (public reference data); its id is the code. */
    TECHNOLOGY_AREA,
    /** A technology named in a K Program research and development vision (public reference data). */
    VISION_TECHNOLOGY
}
