package org.banso.information.internal.tracing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationView;
import org.banso.information.AccessDecision;
import org.banso.information.InformationAccessPolicy;
import org.banso.information.InformationAction;
import org.banso.information.ItemId;
import org.banso.information.ItemViewing;
import org.banso.information.internal.content.ContentStore;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ItemViewing}: asks the access policy for VIEW, reads the latest version through the content store (decrypted
 * in memory only) and renders the page with the {@link PageViewer}, watermarked with the viewer's name, organization
 * and the time in Japan. Its transactions are read-write: the policy's decision (also a refusal) is written to the
 * audit outbox with them (R17).
 */
@Service
class ItemViewer implements ItemViewing {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'JST'");

    private final InformationAccessPolicy policy;
    private final ContentStore contents;
    private final PageViewer viewer;
    private final IdentityManagement identity;
    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    ItemViewer(InformationAccessPolicy policy, ContentStore contents, PageViewer viewer, IdentityManagement identity,
               JdbcClient jdbc, java.time.Clock clock) {
        this.policy = policy;
        this.contents = contents;
        this.viewer = viewer;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public boolean readable(ItemId item, BansoUser person) {
        Instant now = clock.instant();
        if (!policy.decide(person, InformationAction.VIEW, item, now).permitted()) {
            return false;
        }
        return latestVersion(item).map(latest -> viewer.viewable(latest.mediaType())).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<ItemId> renderable(Collection<ItemId> items) {
        if (items.isEmpty()) {
            return Set.of();
        }
        Set<ItemId> renderable = new HashSet<>();
        jdbc.sql("""
                        select i.id, v.media_type from information_item i
                        join information_item_version v on v.item_id = i.id and v.version = i.latest_version
                        where i.id in (:ids)""")
                .param("ids", items.stream().map(ItemId::value).toList())
                .query((rs, n) -> {
                    if (viewer.viewable(rs.getString(2))) {
                        renderable.add(new ItemId(rs.getObject(1, UUID.class)));
                    }
                    return null;
                }).list();
        return renderable;
    }

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public int pageCount(ItemId item, BansoUser person) {
        Instant now = clock.instant();
        Latest latest = latest(item, person, now);
        return viewer.pageCount(latest.mediaType(), contents.read(latest.content()));
    }

    @Override
    @Transactional(noRollbackFor = BansoException.class)
    public ViewPage page(ItemId item, int page, BansoUser person) {
        Instant now = clock.instant();
        Latest latest = latest(item, person, now);
        byte[] plaintext = contents.read(latest.content());
        int count = viewer.pageCount(latest.mediaType(), plaintext);
        if (page < 1 || page > count) {
            throw BansoException.notFound("The page");
        }
        return new ViewPage(viewer.renderPng(latest.mediaType(), plaintext, page - 1, watermark(person, now)), page,
                count);
    }

    private Latest latest(ItemId item, BansoUser person, Instant now) {
        AccessDecision decision = policy.decide(person, InformationAction.VIEW, item, now);
        if (!decision.permitted()) {
            throw switch (decision.denial() == null ? ProblemCode.NOT_FOUND : decision.denial()) {
                case NOT_FOUND -> BansoException.notFound("The item");
                case PLEDGE_REQUIRED -> new BansoException(ProblemCode.PLEDGE_REQUIRED,
                        "Sign the council's current confidentiality pledge first (R12).");
                case FRESH_SECOND_FACTOR_REQUIRED -> new BansoException(ProblemCode.FRESH_SECOND_FACTOR_REQUIRED,
                        "Controlled content: confirm with your second factor first.");
                default -> new BansoException(decision.denial(), "You may not view this item.");
            };
        }
        Latest latest = latestVersion(item).orElseThrow(() -> BansoException.notFound("The item"));
        if (!viewer.viewable(latest.mediaType())) {
            throw new BansoException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content of this type cannot be shown in the viewer.");
        }
        return latest;
    }

    private Optional<Latest> latestVersion(ItemId item) {
        return jdbc.sql("""
                        select v.content_id, v.media_type from information_item i
                        join information_item_version v on v.item_id = i.id and v.version = i.latest_version
                        where i.id = ?""")
                .param(item.value())
                .query((rs, n) -> new Latest(new ContentStore.ContentId(rs.getObject(1, UUID.class)),
                        rs.getString(2)))
                .optional();
    }

    private String watermark(BansoUser person, Instant now) {
        String organization = person.organizationId() == null ? ""
                : identity.organization(person.organizationId()).map(OrganizationView::name).orElse("");
        return person.displayName() + "（" + organization + "）" + TIME.format(now.atZone(JAPAN));
    }

    private record Latest(ContentStore.ContentId content, String mediaType) {
    }
}
