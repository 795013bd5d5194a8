package org.harbor.accounts;

import java.time.Instant;

/**
 * A logged-in user. Only {@link AccountService} creates sessions, and services check that the one
 * they are handed is still the active one, so a stale session cannot act after a lock.
 */
public final class Session {

    private final User user;
    private final Instant startedAt;

    Session(User user, Instant startedAt) {
        this.user = user;
        this.startedAt = startedAt;
    }

    public User user() {
        return user;
    }

    public Role role() {
        return user.role();
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String actorId() {
        return Long.toString(user.id());
    }

    @Override
    public String toString() {
        return "Session[" + user + "]";
    }
}
