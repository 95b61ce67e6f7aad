package org.banso.council.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilStatus;
import org.banso.council.ParticipantRole;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A council's confidentiality pledge (R12): the versions of its text and which one is current. It shares the
 * council's row, where it owns the current version only (the {@link Council} owns the rest and reads the version);
 * each person's signature is a {@link Signature} of its own. A new version makes everyone sign again.
 */
@Table("council_council")
class Pledge extends Aggregate<Pledge, CouncilId> {

    @Id
    @Column("id")
    private final CouncilId councilId;
    @Column("pledge_version")
    private int currentVersion;
    /** The council's, read to refuse signing in a dissolved council; never written here. */
    @ReadOnlyProperty
    private final CouncilStatus status;
    @MappedCollection(idColumn = "council_id")
    private final Set<Text> texts;

    @PersistenceCreator
    Pledge(CouncilId councilId, int currentVersion, CouncilStatus status, Set<Text> texts) {
        this.councilId = councilId;
        this.currentVersion = currentVersion;
        this.status = status;
        this.texts = new LinkedHashSet<>(texts);
    }

    /** One version of the text, in Japanese and English; never changed once published. */
    @Table("council_pledge_text")
    record Text(int version, String textJa, String textEn, UserId createdBy, Instant createdAt) {

        String in(String language) {
            return "en".equals(language) ? textEn : textJa;
        }
    }

    /** The text a new council starts with: version 1, copied from the default template. */
    static Pledge first(CouncilId council, String textJa, String textEn, UserId by, Instant now) {
        return new Pledge(council, 1, CouncilStatus.PROPOSED, Set.of(new Text(1, textJa, textEn, by, now)));
    }

    /**
     * R12: a current member signs the current version in the language they read it in; the SHA-256 of exactly that
     * text is kept with the signature.
     */
    Signature sign(UserId signer, String language, Instant now) {
        if (status == CouncilStatus.DISSOLVED) {
            throw new BansoException(ProblemCode.CONFLICT, "The council is dissolved.");
        }
        String lang = language == null || language.isBlank() ? "ja" : language;
        if (!lang.equals("ja") && !lang.equals("en")) {
            throw BansoException.invalid("language", "must be ja or en");
        }
        return Signature.sign(UUID.randomUUID(), councilId, signer, currentVersion, lang,
                sha256(current().in(lang)), now);
    }

    /** R12: the competent ministry publishes a new version; every signature of an older one stops giving access. */
    void publish(CouncilMembership publisher, String textJa, String textEn, UserId by, Instant now) {
        if (publisher.role() != ParticipantRole.COMPETENT_MINISTRY) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only the competent ministry's members may do this in a council.");
        }
        new FieldChecks().text("textJa", textJa, 20000).text("textEn", textEn, 20000).failIfAny();
        currentVersion++;
        texts.add(new Text(currentVersion, textJa.strip(), textEn.strip(), by, now));
        registerEvent(new CouncilEvents.PledgeVersionPublished(councilId, currentVersion, by, now));
    }

    Text current() {
        return texts.stream().filter(t -> t.version() == currentVersion).findFirst().orElseThrow();
    }

    int currentVersion() {
        return currentVersion;
    }

    @Override
    public CouncilId getId() {
        return councilId;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
