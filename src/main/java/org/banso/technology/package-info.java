/**
 * The registry of critical technologies: the guideline's technology areas, the K Program vision technologies,
 * and (later) concrete technologies, their assessments and designations (R3, R4).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Technology")
package org.banso.technology;
