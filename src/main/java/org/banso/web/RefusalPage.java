package org.banso.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.banso.shared.BansoException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A module's own page for a refusal that the generic error page would leave without a way forward (a participant
 * without a current pledge is led to the pledge). The page exception handler asks every such bean first; the first
 * page given is shown, else the generic error page. The page sets its own status.
 */
public interface RefusalPage {

    Optional<ModelAndView> page(BansoException refusal, HttpServletRequest request);
}
