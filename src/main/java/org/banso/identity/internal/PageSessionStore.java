package org.banso.identity.internal;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Page sessions kept in PostgreSQL (profile {@code cluster}, Spring Session JDBC, #19).
 * <ul>
 *     <li>Two requests of one session at once — two tabs, or htmx requests on two nodes — may both add the same new
 *     attribute (a CSRF token, a saved request); Spring Session JDBC saves a new attribute with a plain INSERT, so the
 *     later save broke on {@code identity_page_session_attributes_pk} and its request answered an error page. Spring
 *     Session's own PostgreSQL customizer makes that INSERT an upsert: the later value wins, as it does for a changed
 *     attribute.</li>
 *     <li>Ending sessions from the account page deletes their rows at once, so an ended session is gone from the
 *     database, not only refused at its next request. With sessions in memory (the single node) there is no such
 *     repository, and an ended session is invalidated at its next request ({@link SessionRecording}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PageSessionStore {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

    PageSessionStore(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
        this.repository = repository;
    }

    /** Applied by Spring Session's JDBC configuration only when page sessions are in the database. */
    @Bean
    static PostgreSqlJdbcIndexedSessionRepositoryCustomizer pageSessionAttributesUpserted() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Deletes the stored page sessions of {@code username} whose session record is one of {@code records}; answers how
     * many (none when sessions are not in the database).
     */
    int delete(String username, Collection<UUID> records) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        if (sessions == null || records.isEmpty()) {
            return 0;
        }
        int deleted = 0;
        for (Map.Entry<String, ? extends Session> stored : sessions.findByPrincipalName(username).entrySet()) {
            if (stored.getValue().getAttribute(SessionRecords.ATTRIBUTE) instanceof UUID record
                    && records.contains(record)) {
                sessions.deleteById(stored.getKey());
                deleted++;
            }
        }
        return deleted;
    }
}
