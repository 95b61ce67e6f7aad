/**
 * Controlled information (R12, R15–R17, R20): items of councils and of the public library, their encrypted content
 * and versions, designations put into effect by the adoption of council proposals, markings computed from the clock,
 * the one access policy, traced downloads and leak investigations. Its API: the
 * {@link org.banso.information.InformationAccessPolicy}, the {@link org.banso.information.InformationItems} facade,
 * {@link org.banso.information.InformationSearchSupport} for the search module, and the past-tense
 * {@link org.banso.information.InformationEvents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Information")
package org.banso.information;
