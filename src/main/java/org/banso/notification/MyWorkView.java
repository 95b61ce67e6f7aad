package org.banso.notification;

import java.time.Instant;
import java.util.List;

/**
 * What waits for one person, overdue first and then by due time, and the panels of their roles.
 *
 * @param waiting things that ask something of the person (and, marked as not counted, what is coming up)
 * @param panels  per role: officials (calls closing, councils not established, projects waiting for activation),
 *                analysts (deliverables due), auditors (open leak cases)
 */
public record MyWorkView(List<WorkItem> waiting, List<Panel> panels) {

    /**
     * @param kind        a message key naming what it is
     * @param title       what the person may read of it, or null
     * @param councilName the council's name, for its members, or null
     * @param dueAt       the deadline or the start, if any
     * @param path        the page where it is done: one click
     * @param counted     whether it is in the header's count (it asks something of the person)
     */
    public record WorkItem(String kind, String title, String councilName, Instant dueAt, boolean overdue,
                           String path, boolean counted) {
    }

    public record Panel(String heading, List<WorkItem> items) {
    }
}
