package org.banso.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.banso.support.ApiAccounts;
import org.banso.support.ApiScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Councils, proposals and people through the real REST API, and what the notification module wrote (the outbox and
 * the notifications, read from its tables as a test may).
 */
class NotificationTestSupport extends ApiScript {

    /** A mail as the outbox holds it. */
    record OutboxMail(String id, String address, String language, String subject, String body, String calendar, String state,
                      String kind, String recipientId) {
    }

    private final JdbcClient jdbc;

    NotificationTestSupport(MockMvc mvc, JsonMapper json, JdbcClient jdbc) {
        super(mvc, json);
        this.jdbc = jdbc;
    }

    String proposeCouncil(Person official, String name, Person... consenters) throws Exception {
        return proposeCouncil(official, name, List.of(), consenters);
    }

    /** Proposed with the consenters, consented, established; the official signs the pledge. */
    String establishedCouncil(Person official, String name, Person... consenters) throws Exception {
        String council = establishedCouncil(official, name, List.of(), consenters);
        sign(council, official);
        return council;
    }

    /** The person's organization joins, represented by them, and they sign the pledge; answers the participant. */
    String join(String council, Person official, Person person, String role) throws Exception {
        String participant = addParticipant(council, official, person, role);
        sign(council, person);
        return participant;
    }

    String propose(String council, Person person, String title, String body, String deadline) throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("matter", "PROMOTION");
        request.put("title", title);
        request.put("body", body);
        if (deadline != null) {
            request.put("responseDeadline", deadline);
        }
        return call("POST", "/api/v1/councils/" + council + "/proposals", person.token(), request, 201)
                .get("id").asString();
    }

    void consent(String proposal, Person person) throws Exception {
        call("POST", "/api/v1/proposals/" + proposal + "/responses", person.token(),
                Map.of("response", "CONSENT"), 200);
    }

    void language(Person person, String language) throws Exception {
        call("PUT", "/api/v1/notifications/settings", person.token(), Map.of("language", language), 200);
    }

    JsonNode work(Person person) throws Exception {
        return call("GET", "/api/v1/work", person.token(), null, 200);
    }

    /** Every mail written to this address, oldest first, with the kind of its notification (null for others). */
    List<OutboxMail> mailsTo(String address) {
        return jdbc.sql("""
                        select m.id::text as id, m.address, m.language, m.subject, m.body, m.calendar, m.state, n.kind,
                               m.recipient_id::text as recipient
                        from notification_mail m left join notification_notification n on n.id = m.notification_id
                        where m.address = :a order by m.created_at, m.seq""")
                .param("a", address)
                .query((rs, i) -> new OutboxMail(rs.getString("id"), rs.getString("address"), rs.getString("language"),
                        rs.getString("subject"), rs.getString("body"), rs.getString("calendar"),
                        rs.getString("state"), rs.getString("kind"), rs.getString("recipient")))
                .list();
    }

    /** Mails with one of these idempotency keys (invitations: their invitee has no account). */
    List<OutboxMail> mailsWithKeys(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select address from notification_mail where idempotency_key in (:k)").param("k", keys)
                .query(String.class).list().stream().distinct().flatMap(a -> mailsTo(a).stream()).toList();
    }

    List<OutboxMail> mailsTo(Person person) {
        return mailsTo(person.username() + "@example.jp");
    }

    /** The kinds of the person's notifications, oldest first. */
    List<String> kindsOf(Person person) {
        return jdbc.sql("select kind from notification_notification where recipient_id = :r order by created_at, seq")
                .param("r", java.util.UUID.fromString(person.id())).query(String.class).list();
    }

    static String unique(String prefix) {
        return ApiAccounts.unique(prefix);
    }
}
