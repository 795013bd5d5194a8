package org.harbor.consent;

/**
 * A parent or guardian who gave consent for a child, or whose consent was excluded because they
 * may be implicated (DOMAIN.md R17). An excluded guardian is recorded so the decision is visible,
 * but their word counts for nothing.
 *
 * @param name who they are
 * @param personId the guardian's person in the case, when recorded there; may be {@code null}
 * @param excluded their consent is set aside
 * @param exclusionReason why; required when excluded
 */
public record GuardianConsent(String name, String personId, boolean excluded, String exclusionReason) {

    public GuardianConsent {
        name = ConsentGrant.text(name, "a guardian's name", 200);
        if (name == null) {
            throw new IllegalArgumentException("a guardian's name is required");
        }
        exclusionReason = ConsentGrant.text(exclusionReason, "an exclusion reason", 2000);
        if (excluded && exclusionReason == null) {
            throw new IllegalArgumentException("excluding a guardian needs a reason");
        }
        if (!excluded && exclusionReason != null) {
            throw new IllegalArgumentException("a reason is given only when the guardian is excluded");
        }
    }

    public static GuardianConsent consenting(String name) {
        return new GuardianConsent(name, null, false, null);
    }

    public static GuardianConsent excluded(String name, String reason) {
        return new GuardianConsent(name, null, true, reason);
    }

    public GuardianConsent withPerson(String id) {
        return new GuardianConsent(name, id, excluded, exclusionReason);
    }

    @Override
    public String toString() {
        return "GuardianConsent[" + (excluded ? "excluded" : "consenting") + "]";
    }
}
