package org.banso.council;

/** An action item or support request is tracked to done (R9). */
public enum TaskStatus {
    OPEN,
    DONE
}
