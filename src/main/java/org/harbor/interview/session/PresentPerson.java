package org.harbor.interview.session;

/** Someone recorded as present. {@code toString} leaves the name out. */
public record PresentPerson(PresentRole role, String name, String recordedAt) {

    @Override
    public String toString() {
        return "PresentPerson[" + role.code() + "]";
    }
}
