/**
 * The shared kernel: problem codes every module reports errors with, and infrastructure every module stands on
 * (the clock, the database). Kept deliberately tiny.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.banso.shared;
