package org.banso.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.banso.identity.BansoUser;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** The page session of the person who just changed their password keeps going under the new credentials version. */
public final class PageSessions {

    private static final SecurityContextRepository REPOSITORY = new HttpSessionSecurityContextRepository();

    private PageSessions() {
    }

    /** Re-stamps the current session with {@code credentialsVersion} and gives it a new id. */
    public static void continueAfterPasswordChange(HttpServletRequest request, HttpServletResponse response,
                                                   BansoUser user, int credentialsVersion) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SignInFactors.following(SecurityContextHolder.getContext().getAuthentication(),
                user, new SessionStamp(credentialsVersion)));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        REPOSITORY.saveContext(context, request, response);
    }
}
