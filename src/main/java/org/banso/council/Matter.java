package org.banso.council;

/** The four matters of the seed (２（２）③(a), R8) that every proposal and agenda item belongs to. */
public enum Matter {
    /** (1) 研究開発に有用な情報の収集等 */
    INFORMATION_COLLECTION,
    /** (2) 研究開発の効果的な促進方策 */
    PROMOTION,
    /** (3) 研究開発の内容及び成果の取扱い */
    CONTENT_AND_RESULTS,
    /** (4) 研究開発に関する情報の適正な管理 */
    INFORMATION_MANAGEMENT;

    /** Matters (3) and (4) may carry a designation (R14, R15). */
    public boolean mayCarryDesignation() {
        return this == CONTENT_AND_RESULTS || this == INFORMATION_MANAGEMENT;
    }
}
