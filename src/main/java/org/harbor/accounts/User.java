package org.harbor.accounts;

/** An account as stored in the vault. {@code toString} leaves the name out, so logs never carry it. */
public record User(long id, String username, Role role, boolean mustChangePassphrase, String createdAt) {

    @Override
    public String toString() {
        return "User[id=" + id + ", role=" + role.code() + "]";
    }
}
