package org.harbor.cases;

import java.util.List;

/** A person in a case. Names stay inside the vault; {@code toString} does not print them. */
public record Person(String id, PersonRole role, String displayName, List<String> aliases) {

    public Person {
        aliases = List.copyOf(aliases);
    }

    @Override
    public String toString() {
        return "Person[id=" + id + ", role=" + role.code() + "]";
    }
}
