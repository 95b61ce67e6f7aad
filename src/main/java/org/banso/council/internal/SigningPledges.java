package org.banso.council.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilViews.PledgeView;
import org.banso.council.CouncilViews.SignatureView;
import org.banso.council.Pledges;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of the confidentiality pledge (R12): reading, signing, revoking, publishing a new version. Every
 * change is made under the pledge's lock and tells the memberships query at once, so access follows it immediately.
 */
@Service
class SigningPledges implements Pledges {

    private final PledgeRepository pledges;
    private final SignatureRepository signatures;
    private final CouncilAccess access;
    private final MembershipCache memberships;
    private final Clock clock;

    SigningPledges(PledgeRepository pledges, SignatureRepository signatures, CouncilAccess access,
                   MembershipCache memberships, Clock clock) {
        this.pledges = pledges;
        this.signatures = signatures;
        this.access = access;
        this.memberships = memberships;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public PledgeView pledge(CouncilId id, BansoUser viewer) {
        access.visible(id, viewer);
        return view(pledges.findById(id).orElseThrow(), viewer);
    }

    private PledgeView view(Pledge pledge, BansoUser viewer) {
        CouncilId id = pledge.getId();
        boolean signed = memberships.membership(id, viewer.id()).map(CouncilMembership::pledgeSigned).orElse(false);
        Optional<Signature> signature = signatures.findByCouncilIdAndUserIdAndEndedAtIsNull(id, viewer.id()).stream()
                .filter(s -> s.version() == pledge.currentVersion()).findFirst();
        Pledge.Text text = pledge.current();
        return new PledgeView(id, pledge.currentVersion(), text.textJa(), text.textEn(), signed,
                signed ? signature.map(Signature::signedAt).orElse(null) : null, true);
    }

    /** Signing the version one already signed changes nothing. */
    @Override
    @Transactional
    public PledgeView sign(CouncilId id, String language, BansoUser actor) {
        Council council = access.visibleLocked(id, actor);
        access.participant(council, actor);
        Pledge pledge = pledges.findById(id).orElseThrow();
        Signature signature = pledge.sign(actor.id(), language, clock.instant());
        boolean already = signatures.findByCouncilIdAndUserIdAndEndedAtIsNull(id, actor.id()).stream()
                .anyMatch(s -> s.version() == pledge.currentVersion());
        if (!already) {
            signatures.save(signature);
            access.changed(id);
        }
        return view(pledge, actor);
    }

    @Override
    @Transactional
    public void revoke(CouncilId id, BansoUser actor) {
        access.visibleLocked(id, actor);
        List<Signature> active = signatures.findByCouncilIdAndUserIdAndEndedAtIsNull(id, actor.id());
        if (active.isEmpty()) {
            throw BansoException.notFound("A signed pledge");
        }
        Instant now = clock.instant();
        for (Signature signature : active) {
            signature.revoke(now);
            signatures.save(signature);
        }
        access.changed(id);
    }

    @Override
    @Transactional
    public PledgeView publishVersion(CouncilId id, String textJa, String textEn, BansoUser actor) {
        Council council = access.visibleLocked(id, actor);
        CouncilMembership me = access.competent(council, actor);
        Pledge pledge = pledges.findById(id).orElseThrow();
        pledge.publish(me, textJa, textEn, actor.id(), clock.instant());
        pledges.save(pledge);
        // everyone, the publisher included, is unsigned until they sign the new text
        access.changed(id);
        return view(pledge, actor);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SignatureView> signatures(CouncilId id, BansoUser viewer) {
        access.pledged(access.visible(id, viewer), viewer);
        return signatures.findByCouncilIdOrderBySignedAt(id).stream().map(CouncilReadModels::signature)
                .toList();
    }
}
