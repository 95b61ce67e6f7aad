package org.banso.funding;

/** The programme a fund or project belongs to; K Program projects need an established council (R7). */
public enum Program {
    K_PROGRAM,
    OTHER
}
