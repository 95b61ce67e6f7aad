package org.banso.notification;

import org.banso.identity.BansoUser;

/** The "My work" page's content for one person (issue 16). */
public interface MyWork {

    MyWorkView of(BansoUser person);
}
