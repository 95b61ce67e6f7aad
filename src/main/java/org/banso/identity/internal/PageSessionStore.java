package org.banso.identity.internal;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Page sessions kept in PostgreSQL (profile {@code cluster}, Spring Session JDBC, #19).
 * <ul>
 *     <li>Two requests of one session at once — two tabs, or htmx requests on two nodes — may both add the same new
 *     attribute (a CSRF token, a saved request); Spring Session JDBC saves a new attribute with a plain INSERT, so the
 *     later save broke on {@code identity_page_session_attributes_pk} and its request answered an error page. The INSERT
 *     is an upsert, as Spring Session's own PostgreSQL customizer writes it: the later value wins, as it does for a
 *     changed attribute.</li>
 *     <li>A session ended on one node (signed out everywhere, "end this session", its account disabled) may still be
 *     serving a request on another, which loaded it before the delete. At the end of that request Spring Session
 *     saves the attributes it added; the new attribute referenced a session row that is gone and the foreign key
 *     refused it. Spring Session swallows that refusal, but PostgreSQL has aborted the save's transaction, so the
 *     save's next statement (an attribute it rewrites) failed and the request answered 500. A new attribute is
 *     therefore written only while its session row exists (locked against a concurrent delete until the save commits): the save of an ended session
 *     changes nothing, the request ends normally, and the next one finds no session — signed out, nothing
 *     resurrected.</li>
 *     <li>Ending sessions from the account page deletes their rows at once, so an ended session is gone from the
 *     database, not only refused at its next request. With sessions in memory (the single node) there is no such
 *     repository, and an ended session is invalidated at its next request ({@link SessionRecording}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PageSessionStore {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;
    private final JdbcClient jdbc;

    PageSessionStore(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /**
     * A new attribute: inserted, or the later value wins (Spring Session's PostgreSQL upsert), and only while its
     * session row exists. The parameters are Spring Session's own three, in its order (session's primary id, name,
     * serialized value); {@code FOR KEY SHARE} makes a delete committed meanwhile skip the row (nothing inserted) and a
     * delete still to come wait for this save and then cascade over it.
     */
    static final String CREATE_ATTRIBUTE_OF_A_LIVE_SESSION = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            SELECT S.PRIMARY_ID, A.ATTRIBUTE_NAME, A.ATTRIBUTE_BYTES
            FROM (VALUES (CAST(? AS CHAR(36)), CAST(? AS VARCHAR(200)), CAST(? AS BYTEA)))
                AS A (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            JOIN %TABLE_NAME% S ON S.PRIMARY_ID = A.SESSION_PRIMARY_ID
            FOR KEY SHARE OF S
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    /** Applied by Spring Session's JDBC configuration only when page sessions are in the database. */
    @Bean
    static SessionRepositoryCustomizer<JdbcIndexedSessionRepository> pageSessionAttributesOfLiveSessionsUpserted() {
        return repository -> repository.setCreateSessionAttributeQuery(CREATE_ATTRIBUTE_OF_A_LIVE_SESSION);
    }

    /**
     * Deletes every stored page session of {@code username} (their attributes follow by the foreign key's cascade) in
     * the caller's transaction, so that they end with the change that ends them — Spring Session's repository would
     * delete each in a new transaction of its own, on a second connection. Answers how many; none when sessions are
     * kept in memory (the single node), where they end at their next request ({@link AccountSessionFilter}).
     */
    int deleteAll(String username) {
        return deleteAllBut(username, null);
    }

    /**
     * As {@link #deleteAll(String)}, but keeps the stored page session {@code kept} (its id as this request loaded it;
     * null: keeps none).
     */
    int deleteAllBut(String username, String kept) {
        return jdbc.sql("delete from identity_page_session where principal_name = ? and session_id is distinct from ?")
                .params(username, kept).update();
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
