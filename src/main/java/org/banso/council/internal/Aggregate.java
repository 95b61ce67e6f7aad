package org.banso.council.internal;

import java.util.List;

import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * What every council aggregate shares: the past-tense events its verbs register, published by Spring Data when the
 * aggregate is saved (inside the business transaction, so the event publication registry records them with it); and
 * whether it is new. Ids are assigned by the aggregate, never by the database, so Spring Data cannot tell a new one
 * from its id: a factory marks it new, and {@link CouncilPersistence} marks it stored once it has been saved.
 */
abstract class Aggregate<A extends Aggregate<A, ID>, ID> extends AbstractAggregateRoot<A> implements Persistable<ID> {

    @Transient
    private boolean isNew;

    @SuppressWarnings("unchecked")
    protected A markNew() {
        this.isNew = true;
        return (A) this;
    }

    void markStored() {
        this.isNew = false;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    /** The events registered since the aggregate was loaded or created, in order (published when it is saved). */
    List<Object> registeredEvents() {
        return List.copyOf(domainEvents());
    }
}
