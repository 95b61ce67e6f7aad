package org.banso.information;

import java.util.Collection;
import java.util.Set;

import org.banso.identity.BansoUser;

/**
 * The page viewer of items (R17): the latest version shown as page images with a visible watermark naming the viewer,
 * their organization and the time, so that VIEW_ONLY content leaves the server only as pixels. Every council item
 * whose content the viewer can render (PDF, text, PNG and JPEG) can be read in it, whatever its handling; downloading
 * stays where the handling allows it. Every call asks the
 * {@link InformationAccessPolicy} for {@link InformationAction#VIEW}; a refusal is {@code not-found} (or
 * {@code pledge-required} for a council member who has not signed).
 */
public interface ItemViewing {

    /**
     * Whether this person can read the item in the viewer now: the policy permits VIEW (the decision is logged like
     * any other) and the latest version is of a type the viewer renders. Never throws for a refusal.
     */
    boolean readable(ItemId item, BansoUser viewer);

    /**
     * Which of these items' latest versions are of a type the viewer renders, so that a listing the person already
     * sees can offer "read" beside each of them. Says nothing about who may read them: the viewer asks the policy
     * when the link is followed.
     */
    Set<ItemId> renderable(Collection<ItemId> items);

    /** How many pages the latest version has in the viewer. */
    int pageCount(ItemId item, BansoUser viewer);

    /** One page, numbered from 1, as PNG; {@code not-found} beyond the last page. */
    ViewPage page(ItemId item, int page, BansoUser viewer);

    record ViewPage(byte[] png, int number, int count) {
    }
}
