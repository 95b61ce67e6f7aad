package org.banso.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.banso.identity.IdentityEvents;
import org.banso.identity.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovery codes: ten single-use codes of 80 random bits (16 characters of Crockford's base32, shown in groups of
 * four), for when the authenticator app is lost. They are shown once, when generated; only a salted SHA-256 of each is
 * kept (ASVS 2.6.2: random salt, approved hash). A new set replaces every unused code of the old one.
 */
@Component
class RecoveryCodes {

    static final int COUNT = 10;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 16;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RecoveryCodes(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** A fresh set; answers the codes for showing once, formatted {@code XXXX-XXXX-XXXX-XXXX}. */
    @Transactional
    List<String> generate(UserId account) {
        Instant now = clock.instant();
        jdbc.sql("delete from identity_recovery_code where account_id = ? and used_at is null")
                .param(account.value()).update();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            char[] code = new char[LENGTH];
            for (int c = 0; c < LENGTH; c++) {
                code[c] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            jdbc.sql("""
                            insert into identity_recovery_code (id, account_id, salt, code_hash, created_at)
                            values (?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), account.value(), salt, hash(salt, new String(code)), Timestamp.from(now))
                    .update();
            String s = new String(code);
            shown.add(s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12));
        }
        events.publishEvent(new IdentityEvents.RecoveryCodesGenerated(account, COUNT, now));
        return shown;
    }

    /** Uses up a code if it is one of the account's unused ones. Typing is forgiven: case, spaces, dashes, I/L/O. */
    @Transactional
    boolean use(UserId account, String typed) {
        String code = normalise(typed);
        if (code.length() != LENGTH) {
            return false;
        }
        record Candidate(UUID id, byte[] salt, byte[] hash) {
        }
        List<Candidate> unused = jdbc.sql("""
                        select id, salt, code_hash from identity_recovery_code
                        where account_id = ? and used_at is null for update""")
                .param(account.value())
                .query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getBytes(3))).list();
        UUID matched = null;
        for (Candidate c : unused) {
            if (MessageDigest.isEqual(c.hash(), hash(c.salt(), code)) && matched == null) {
                matched = c.id();
            }
        }
        if (matched == null) {
            return false;
        }
        jdbc.sql("update identity_recovery_code set used_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), matched).update();
        return true;
    }

    @Transactional(readOnly = true)
    int remaining(UserId account) {
        return jdbc.sql("select count(*) from identity_recovery_code where account_id = ? and used_at is null")
                .param(account.value()).query(Integer.class).single();
    }

    @Transactional
    void discard(UserId account) {
        jdbc.sql("delete from identity_recovery_code where account_id = ? and used_at is null")
                .param(account.value()).update();
    }

    static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char ch : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (ch) {
                case ' ', '-', '\t' -> { }
                case 'I', 'L' -> out.append('1');
                case 'O' -> out.append('0');
                default -> out.append(ch);
            }
            if (out.length() > 64) {
                break;
            }
        }
        return out.toString();
    }

    static boolean looksLikeRecoveryCode(String typed) {
        return normalise(typed).length() == LENGTH;
    }

    private static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
