/**
 * Notifications (issue 16): nobody misses a decision. A person's notifications in the app (read, unread, mark all
 * read), by e-mail through Spring Boot's mail support with a durable outbox, a weekly digest, reminders before
 * deadlines, iCalendar invitations for meetings, and the "My work" home page with the count of waiting things in the
 * header of every page.
 * <p>
 * <b>Why a module of its own.</b> Like {@code audit} and {@code search}, it follows the whole system: it learns of the
 * others only through their past-tense events and reads what it needs through their public APIs (who is concerned,
 * what waits for a person) — no other module depends on it, apart from implementing the council module's
 * {@link org.banso.council.InvitationDelivery} extension point, which keeps the council module free of e-mail. Putting
 * notifications inside the council module would make it send mails for the funding and think-tank modules too; putting
 * them in {@code web} would make the page layer depend on every module.
 * <p>
 * <b>What a notification may say.</b> It stores no title and no text, only the kind, the council, the subject's id,
 * the page and the deadline. An e-mail carries the kind of event, the council's name only when the recipient is a
 * member of one of its current participants (asked of {@link org.banso.council.CouncilMemberships}, the query every
 * access decision asks, R12/R17), the deadline and a link — never a title, a body or a person's name.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.banso.notification;
