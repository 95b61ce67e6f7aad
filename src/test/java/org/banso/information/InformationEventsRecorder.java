package org.banso.information;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

/**
 * Records what the information module tells the others, from any thread. Part of the moved-clock test application
 * ({@code TestClockConfiguration}), so it records for every class of that application: tests pick their own events
 * by id.
 */
public class InformationEventsRecorder {

    public final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(InformationEvents.DesignationReleased event) {
        events.add(event);
    }

    @EventListener
    void on(InformationEvents.AccessDecided event) {
        events.add(event);
    }

    @EventListener
    void on(InformationEvents.ResultPublishedByDefault event) {
        events.add(event);
    }
}
