/**
 * Search (R17 on the search path): one full-text index of council information (think-tank reports included),
 * councils, proposals, meetings, technologies, guidelines and the public technology areas and K Program vision
 * technologies, kept
 * current from the other modules' events and read through their public APIs. Every query is filtered by what the
 * caller may see, computed per query, and every hit is re-checked by the owning module before it is returned.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.banso.search;
