package org.banso.council;

import java.util.List;

import org.banso.council.CouncilViews.PledgeView;
import org.banso.council.CouncilViews.SignatureView;
import org.banso.identity.BansoUser;

/**
 * A council's confidentiality pledge (R12): its versions, and who signed which. Nobody sees a council's non-public
 * information before signing its current version; revoking or leaving ends access at once, the duty continues.
 */
public interface Pledges {

    /** The current text (ja, en), its version and whether the viewer signed it. */
    PledgeView pledge(CouncilId council, BansoUser viewer);

    /** A participant's member signs the current version in {@code ja} or {@code en}; signing again changes nothing. */
    PledgeView sign(CouncilId council, String language, BansoUser actor);

    void revoke(CouncilId council, BansoUser actor);

    /** The competent ministry publishes a new version: everyone, the publisher included, signs again. */
    PledgeView publishVersion(CouncilId council, String textJa, String textEn, BansoUser actor);

    /** Every signature, for the council's pledged members. */
    List<SignatureView> signatures(CouncilId council, BansoUser viewer);

    /** Where a participant reads and signs a council's current pledge: the pledge panel of the council's page. */
    static String page(CouncilId council) {
        return "/councils/" + council.value() + "#pledge";
    }

    /**
     * The pledge's page for someone who was opening {@code then} (a path of this application, such as an item's page)
     * when told to sign first: once signed, they go on to it (issue 17). The council's pages accept only paths of
     * council content there, so this never leads off the application.
     */
    static String page(CouncilId council, String then) {
        return then == null ? page(council) : "/councils/" + council.value() + "?then="
                + org.springframework.web.util.UriUtils.encodeQueryParam(then,
                java.nio.charset.StandardCharsets.UTF_8) + "#pledge";
    }
}
