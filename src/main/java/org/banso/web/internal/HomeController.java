package org.banso.web.internal;

import org.banso.web.PersonalHome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final ObjectProvider<PersonalHome> personal;

    HomeController(ObjectProvider<PersonalHome> personal) {
        this.personal = personal;
    }

    /** Signed in: the person's own home page ("My work"), when a module offers one; otherwise the same for all. */
    @GetMapping("/")
    String home(Authentication authentication) {
        PersonalHome home = personal.getIfAvailable();
        if (home != null && Header.signedIn(authentication)) {
            return "forward:" + home.path();
        }
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
