package org.banso.identity;

public enum OrganizationKind {
    MINISTRY,
    FUNDING_AGENCY,
    COMPANY,
    UNIVERSITY,
    STARTUP,
    RESEARCH_INSTITUTE,
    THINK_TANK,
    OTHER
}
