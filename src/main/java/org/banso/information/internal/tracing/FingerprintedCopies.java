package org.banso.information.internal.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.identity.UserId;
import org.banso.information.InformationEvents;
import org.banso.information.ItemId;
import org.banso.information.internal.content.ContentLimits;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link TracedCopies} on PostgreSQL: the table {@code information_trace_copy} maps each fingerprint to its recipient,
 * item, council, version, media type and instant; no content is stored.
 */
@Component
class FingerprintedCopies implements TracedCopies {

    private static final Logger log = LoggerFactory.getLogger(FingerprintedCopies.class);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter FOOTER_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'JST'");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ContentLimits limits;

    FingerprintedCopies(JdbcClient jdbc, ApplicationEventPublisher events, ContentLimits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.events = events;
    }

    @Override
    public boolean traceable(String mediaType) {
        return MediaTypes.isPdf(mediaType) || MediaTypes.isText(mediaType);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public TracedCopy issue(ItemId item, CouncilId council, int version, String mediaType, byte[] plaintext,
                            Recipient recipient, Instant at) {
        if (!traceable(mediaType)) {
            throw new BansoException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content of this type cannot be traced; it is shown in the viewer only.");
        }
        if (MediaTypes.isPdf(mediaType)) {
            limits.checkPdf(plaintext);
        }
        String fingerprint = Fingerprints.random();
        byte[] copy;
        try {
            copy = MediaTypes.isPdf(mediaType)
                    ? PdfMarker.mark(plaintext, fingerprint, footer(recipient, at) + "　"
                            + Fingerprints.reference(fingerprint))
                    : TextMarker.mark(MediaTypes.essence(mediaType), utf8(plaintext), fingerprint)
                            .getBytes(StandardCharsets.UTF_8);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new BansoException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "A PDF that needs a password to open cannot be traced; it is shown in the viewer only.");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the traced copy of item " + item, e);
        }
        jdbc.sql("""
                        insert into information_trace_copy (fingerprint, item_id, council_id, version, media_type,
                                                            recipient, issued_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(fingerprint, item.value(), council == null ? null : council.value(), version,
                        MediaTypes.essence(mediaType), recipient.user().value(), Timestamp.from(at))
                .update();
        events.publishEvent(new InformationEvents.TracedCopyIssued(item, council, version, recipient.user(),
                fingerprint, at));
        return new TracedCopy(copy, fingerprint);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TraceResult> trace(byte[] leaked) {
        if (leaked == null || leaked.length == 0) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        if (looksLikePdf(leaked) && soundPdf(leaked)) {
            try {
                candidates.addAll(PdfMarker.find(leaked));
            } catch (IOException e) {
                log.debug("A leaked file that starts like a PDF could not be read as one: {}", e.getMessage());
            }
        }
        // text, or a damaged PDF whose uncompressed parts may still hold a token
        candidates.addAll(Fingerprints.find(new String(leaked, StandardCharsets.UTF_8)));
        return candidates.stream().distinct().map(this::find).flatMap(Optional::stream).findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TraceResult> find(String fingerprint) {
        return jdbc.sql("""
                        select item_id, recipient, issued_at from information_trace_copy where fingerprint = ?""")
                .param(fingerprint)
                .query((rs, n) -> new TraceResult(new ItemId(rs.getObject("item_id", UUID.class)),
                        new UserId(rs.getObject("recipient", UUID.class)), rs.getTimestamp("issued_at").toInstant(),
                        fingerprint))
                .optional();
    }

    static String footer(Recipient recipient, Instant at) {
        return "交付先：" + recipient.displayName() + "（" + recipient.organizationName() + "）　"
                + FOOTER_TIME.format(at.atZone(JAPAN)) + "　複製・転送禁止 / Issued to " + recipient.displayName()
                + ", do not copy or forward";
    }

    /** A leaked "PDF" that would expand beyond the limits is searched as bytes only, never opened. */
    private boolean soundPdf(byte[] bytes) {
        try {
            limits.checkPdf(bytes);
            return true;
        } catch (BansoException e) {
            log.info("A leaked file was not opened as a PDF: {}", e.getMessage());
            return false;
        }
    }

    private static boolean looksLikePdf(byte[] bytes) {
        int limit = Math.min(bytes.length - 4, 1024);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F') {
                return true;
            }
        }
        return false;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BansoException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "Text content must be UTF-8 to be traced.");
        }
    }
}
