package org.banso.information.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.banso.council.CouncilId;
import org.banso.council.Councils;
import org.banso.council.Pledges;
import org.banso.identity.BansoUser;
import org.banso.information.InformationItems;
import org.banso.information.ItemId;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.web.RefusalPage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * R12 on pages: a participant who opens a council's content (its items, an item, the viewer) before signing the
 * council's current pledge is told why and led to the pledge in one click, instead of a bare "no permission". The
 * council comes from the path ({@code /councils/{id}/…}) or from the item ({@link InformationItems#pledgeAwaited},
 * which names it only to a participant without a current pledge); the pledge's address from the council API.
 */
@Component
class PledgeRefusalPage implements RefusalPage {

    private final InformationItems items;
    private final Councils councils;

    PledgeRefusalPage(InformationItems items, Councils councils) {
        this.items = items;
        this.councils = councils;
    }

    @Override
    public Optional<ModelAndView> page(BansoException refusal, HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (refusal.code() != ProblemCode.PLEDGE_REQUIRED || auth == null
                || !(auth.getPrincipal() instanceof BansoUser user)) {
            return Optional.empty();
        }
        UUID id = pathId(request);
        if (id == null) {
            return Optional.empty();
        }
        String path = request.getRequestURI();
        Optional<CouncilId> council = path.startsWith("/councils/") ? Optional.of(new CouncilId(id))
                : path.startsWith("/items/") ? items.pledgeAwaited(new ItemId(id), user) : Optional.empty();
        return council.map(c -> {
            ModelAndView page = new ModelAndView("information/pledge-required");
            // once signed, the person goes on to what they were opening (a page, not a picture of one)
            page.addObject("pledgePage", "GET".equals(request.getMethod()) && !path.endsWith(".png")
                    ? Pledges.page(c, path) : Pledges.page(c));
            page.addObject("councilName", councilName(c, user));
            page.setStatus(org.springframework.http.HttpStatus.FORBIDDEN);
            return page;
        });
    }

    /** The council's name when the council module shows it to this person (a participant sees their council). */
    private String councilName(CouncilId council, BansoUser user) {
        try {
            return councils.council(council, user).name();
        } catch (BansoException hidden) {
            return null;
        }
    }

    private static UUID pathId(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars)
                || !(vars.get("id") instanceof String id)) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
