package org.banso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.banso.search.SearchKind;
import org.banso.support.ApiAccounts;
import org.banso.support.ApiScript;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * An empty index at start is rebuilt from the database (derived data); one with documents is left alone, except for
 * the public reference data, indexed at every start.
 */
@BansoIntegrationTest
@AutoConfigureMockMvc
class EmptyIndexRebuildTests {

    @Autowired
    SearchEngine engine;
    @Autowired
    EmptyIndexRebuild rebuild;

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void anEmptyIndexIsRebuiltFromTheModulesAndAFullOneIsLeftAlone() throws Exception {
        ApiScript api = new ApiScript(mvc, json);
        ApiScript.Person official = api.person(api.organization("MINISTRY"), "MINISTRY_OFFICIAL");
        ApiScript.Person researcher = api.person(api.organization("UNIVERSITY"), "RESEARCHER");
        String council = api.call("POST", "/api/v1/councils", official.token(), Map.of("name",
                ApiAccounts.unique("協議会-"), "competentMinistryId", official.organizationId(), "projectIds",
                List.of(), "requiredConsenterIds", List.of(researcher.id())), 201).get("id").asString();
        long before = engine.count(new MatchAllDocsQuery());
        assertThat(engine.count(new TermQuery(new Term(IndexDocument.ID, council)))).isEqualTo(1);

        engine.deleteAll();
        engine.commit();
        assertThat(engine.count(new MatchAllDocsQuery())).isZero();
        rebuild.rebuildIfEmpty();
        assertThat(engine.count(new MatchAllDocsQuery())).isEqualTo(before);
        assertThat(engine.count(new TermQuery(new Term(IndexDocument.ID, council)))).isEqualTo(1);

        engine.put(new IndexDocument(SearchKind.GUIDELINE, "sentinel", "sentinel", "sentinel", null, null, Set.of(),
                true, true));
        // an index made before the technology areas were searchable (issue #17)
        engine.delete(SearchKind.TECHNOLOGY_AREA, "A03");
        engine.commit();
        rebuild.rebuildIfEmpty();
        assertThat(engine.count(new TermQuery(new Term(IndexDocument.ID, "sentinel"))))
                .as("a non-empty index is not rebuilt").isEqualTo(1);
        assertThat(engine.count(new TermQuery(new Term(IndexDocument.KEY, "TECHNOLOGY_AREA:A03"))))
                .as("but the reference data is indexed again at every start").isEqualTo(1);
        engine.delete(SearchKind.GUIDELINE, "sentinel");
        engine.commit();
    }
}
