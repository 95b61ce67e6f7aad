package org.banso.information;

import org.banso.identity.BansoUser;

/**
 * The page viewer of items (R17): the latest version shown as page images with a visible watermark naming the viewer,
 * their organization and the time, so that VIEW_ONLY content leaves the server only as pixels. Every call asks the
 * {@link InformationAccessPolicy} for {@link InformationAction#VIEW}; a refusal is {@code not-found} (or
 * {@code pledge-required} for a council member who has not signed).
 */
public interface ItemViewing {

    /** How many pages the latest version has in the viewer. */
    int pageCount(ItemId item, BansoUser viewer);

    /** One page, numbered from 1, as PNG; {@code not-found} beyond the last page. */
    ViewPage page(ItemId item, int page, BansoUser viewer);

    record ViewPage(byte[] png, int number, int count) {
    }
}
