package org.banso.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.banso.identity.IdentityEvents;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.shared.AuditedEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A leaf is the RFC 8785 canonical JSON of the event: ids, kind, actor, time — and nothing that is not plain. */
class AuditLeavesTest {

    private static final Instant AT = Instant.parse("2026-11-25T03:04:05.123Z");

    @Test
    void canonicalJsonSortsMembersByUtf16CodeUnitsWithoutWhitespaceAndEscapesAsJcs() { // R17, RFC 8785
        var tree = JsonMapper.builder().build().readTree(
                "{ \"b\": [true, null, 3], \"a\": \"x\\\"\\\\\\n\\u0001é\", \"\\u20ac\": 1, \"\\ud83d\\ude00\": 2, \"\\ufb33\": 0 }");
        // U+1F600 is written as the surrogate D83D, which sorts before U+FB33 in UTF-16 (not in code points)
        assertThat(new String(CanonicalJson.bytes(tree), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":\"x\\\"\\\\\\n\\u0001é\",\"b\":[true,null,3],\"€\":1,\"😀\":2,\"דּ\":0}");
    }

    @Test
    void floatingPointNumbersAreRefused() { // RFC 8785 numbers are not needed by events
        var tree = JsonMapper.builder().build().readTree("{\"a\": 1.5}");
        assertThatThrownBy(() -> CanonicalJson.bytes(tree)).isInstanceOf(IllegalArgumentException.class);
        record Measured(double value, Instant at) implements AuditedEvent {
        }
        assertThatThrownBy(() -> AuditLeaves.of(new Measured(1.5, AT))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdentityEventBecomesKindTimeIdsAndTheActor() { // R17
        UUID user = UUID.fromString("00000000-0000-4000-8000-000000000001");
        UUID admin = UUID.fromString("00000000-0000-4000-8000-000000000002");
        var leaf = AuditLeaves.of(new IdentityEvents.RolesChanged(new UserId(user),
                EnumSet.of(Role.RESEARCHER, Role.AUDITOR), new UserId(admin), AT));
        assertThat(new String(leaf.leaf(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"at\":\"2026-11-25T03:04:05.123Z\",\"by\":\"00000000-0000-4000-8000-000000000002\","
                        + "\"kind\":\"RolesChanged\",\"roles\":[\"AUDITOR\",\"RESEARCHER\"],"
                        + "\"user\":\"00000000-0000-4000-8000-000000000001\"}");
        assertThat(leaf.kind()).isEqualTo("RolesChanged");
        assertThat(leaf.actor()).isEqualTo(admin);
        assertThat(leaf.at()).isEqualTo(AT);
    }

    @Test
    void aFailedLoginOfAnUnknownNameKeepsOnlyItsDigest() { // R17: no passwords or tokens in the log
        var leaf = AuditLeaves.of(new IdentityEvents.LoginFailed(null, "0123456789abcdef", "api", false, AT));
        assertThat(new String(leaf.leaf(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"at\":\"2026-11-25T03:04:05.123Z\",\"channel\":\"api\",\"kind\":\"LoginFailed\",\"locked\":false,"
                        + "\"unknownNameDigest\":\"0123456789abcdef\",\"user\":null}");
        assertThat(leaf.actor()).isNull();
    }
}
