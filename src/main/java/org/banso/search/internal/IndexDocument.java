package org.banso.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.banso.search.SearchKind;

/**
 * One thing to index, whatever its module, and how it becomes a Lucene document. Only what a hit needs without
 * reading the database again is stored: kind and id always, the title only for public kinds ({@code storeTitle}).
 * Everything else (text, titles of council information) is indexed, not stored, and read again from its module
 * after the access check.
 *
 * @param council      the council it belongs to, or null
 * @param category     an item's category or another kind's sub-type, or null
 * @param designations for items: every designation covering it, whatever its period
 * @param published    for items: published; for technologies: designated (visible to the public)
 */
record IndexDocument(SearchKind kind, String id, String title, String text, String council, String category,
                     Set<String> designations, boolean published, boolean storeTitle) {

    static final String KEY = "key";
    static final String KIND = "kind";
    static final String ID = "id";
    static final String TITLE = "title";
    static final String COUNCIL = "council";
    static final String CATEGORY = "category";
    static final String DESIGNATION = "designation";
    static final String PUBLISHED = "published";
    static final String FACET_KIND = "facet_kind";
    static final String FACET_COUNCIL = "facet_council";
    static final String FACET_CATEGORY = "facet_category";

    static String key(SearchKind kind, String id) {
        return kind.name() + ":" + id;
    }

    Document toDocument() {
        Document doc = new Document();
        doc.add(new StringField(KEY, key(kind, id), Field.Store.NO));
        doc.add(new StringField(KIND, kind.name(), Field.Store.YES));
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(FACET_KIND, new BytesRef(kind.name())));
        if (storeTitle && title != null) {
            doc.add(new StoredField(TITLE, title));
        }
        if (title != null) {
            doc.add(new TextField(SearchAnalyzers.TITLE_JA, title, Field.Store.NO));
            doc.add(new TextField(SearchAnalyzers.TITLE_EN, title, Field.Store.NO));
        }
        if (text != null && !text.isEmpty()) {
            doc.add(new TextField(SearchAnalyzers.TEXT_JA, text, Field.Store.NO));
            doc.add(new TextField(SearchAnalyzers.TEXT_EN, text, Field.Store.NO));
        }
        if (council != null) {
            doc.add(new StringField(COUNCIL, council, Field.Store.NO));
            doc.add(new SortedDocValuesField(FACET_COUNCIL, new BytesRef(council)));
        }
        if (category != null) {
            doc.add(new SortedDocValuesField(FACET_CATEGORY, new BytesRef(category)));
            doc.add(new StringField(CATEGORY, category, Field.Store.NO));
        }
        List<String> sorted = new ArrayList<>(designations == null ? Set.of() : designations);
        sorted.sort(null);
        for (String designation : sorted) {
            doc.add(new StringField(DESIGNATION, designation, Field.Store.NO));
        }
        doc.add(new StringField(PUBLISHED, Boolean.toString(published), Field.Store.NO));
        return doc;
    }
}
