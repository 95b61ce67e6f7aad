package org.banso.council;

import java.util.List;
import java.util.UUID;

import org.banso.identity.BansoUser;

/**
 * Extension point (R11), implemented by the information module: whether information items named by a material
 * request's answer or a meeting's minutes are items of that council the acting person may see. While no implementation
 * exists, such answers are refused rather than recorded unchecked.
 */
public interface CouncilItems {

    boolean allVisibleInCouncil(CouncilId council, List<UUID> items, BansoUser actor);
}
