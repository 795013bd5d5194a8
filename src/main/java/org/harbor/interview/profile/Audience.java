package org.harbor.interview.profile;

/** Whom a protocol was written for. */
public enum Audience {
    CHILD,
    ADULT
}
