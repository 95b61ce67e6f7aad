package org.banso.identity;

import java.time.Instant;

/** An organization as other modules and the API see it. */
public record OrganizationView(OrganizationId id, String name, String nameEn, OrganizationKind kind,
                               String corporateNumber, Instant createdAt) {
}
