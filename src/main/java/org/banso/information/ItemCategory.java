package org.banso.information;

/** The categories of council information named by the seed and API.md. */
public enum ItemCategory {
    SOCIAL_IMPLEMENTATION_IMAGE,
    GOVERNMENT_RESEARCH_RESULT,
    SAMPLING_DATA,
    CYBER_INCIDENT,
    VULNERABILITY,
    NONPUBLIC_CONTRACT,
    GOVERNMENT_POSTURE,
    RESEARCH_RESULT,
    MINUTES,
    REPORT,
    OTHER
}
