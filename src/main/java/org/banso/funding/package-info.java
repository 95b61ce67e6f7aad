/**
 * The K Program fund and its projects: an append-only double-entry ledger in integer yen (R2), projects awarded
 * from the fund with the person who leads their social implementation (R10), and the council gate of K Program
 * projects (R7).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funding")
package org.banso.funding;
