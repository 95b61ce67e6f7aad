/**
 * The R&D basic guideline (研究開発基本指針): versions (draft → in force → superseded, exactly one in force),
 * sections, and support measures with their responsible ministry, linked technologies and status history (R1).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guideline")
package org.banso.guideline;
