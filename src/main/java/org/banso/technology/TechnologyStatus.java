package org.banso.technology;

/** candidate → under assessment → designated for support → retired. */
public enum TechnologyStatus {
    CANDIDATE,
    UNDER_ASSESSMENT,
    DESIGNATED,
    RETIRED
}
