package org.harbor.consent;

import java.util.Objects;

/**
 * One decision to record: a purpose given or refused, by whom, how and in which language.
 * Built with {@link #builder(ConsentScope)}; checked on construction, so a grant that exists is
 * a valid one.
 *
 * @param scope the purpose, with its organisation for a referral
 * @param given {@code true} when agreed, {@code false} when the person (or their guardian) said no
 * @param bySurvivor the person themselves agreed or refused
 * @param assent the person is a child, so their word is assent and an adult's consent is also needed
 * @param guardian a guardian who consented, or whose consent was excluded; may be {@code null}
 * @param authority the person and body consenting for a child as an authority; may be {@code null}
 * @param method how it was given
 * @param methodDetail what "other" means; required for {@link ConsentMethod#OTHER}
 * @param language the language it was explained in (a code such as "es", or a name)
 * @param interpreter the interpreter's name or reference, when one was used; may be {@code null}
 * @param childAssent what the child said when asked for assent ({@code /data/who/assent}); {@code null}
 *        when the person is not a child or was not asked. A "no" blocks the purposes that need assent
 *        ({@link ConsentPurpose#needsChildAssent()}) like a refusal, whatever an adult decided.
 */
public record ConsentGrant(ConsentScope scope, boolean given, boolean bySurvivor, boolean assent,
                           GuardianConsent guardian, String authority, ConsentMethod method, String methodDetail,
                           String language, String interpreter, ChildAssent childAssent) {

    public ConsentGrant {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(method, "method");
        authority = text(authority, "an authority", 300);
        methodDetail = text(methodDetail, "a method's description", 500);
        language = text(language, "a language", 64);
        interpreter = text(interpreter, "an interpreter's name", 200);
        if (language == null) {
            throw new IllegalArgumentException("the language the consent was explained in is required");
        }
        if (method == ConsentMethod.OTHER && methodDetail == null) {
            throw new IllegalArgumentException("describe how consent was given when the method is other");
        }
        if (childAssent != null && !assent) {
            throw new IllegalArgumentException("a child's assent is recorded only for a person treated as a child");
        }
        if (assent && !bySurvivor) {
            throw new IllegalArgumentException("assent is the child's own word: it needs bySurvivor");
        }
        boolean guardianCounts = guardian != null && !guardian.excluded();
        if (!bySurvivor && !guardianCounts && authority == null) {
            throw new IllegalArgumentException(
                    "a consent is given by the person, a guardian who is not excluded, or an authority");
        }
    }

    /** A grant without a recorded answer to the assent question. */
    public ConsentGrant(ConsentScope scope, boolean given, boolean bySurvivor, boolean assent, GuardianConsent guardian,
                        String authority, ConsentMethod method, String methodDetail, String language, String interpreter) {
        this(scope, given, bySurvivor, assent, guardian, authority, method, methodDetail, language, interpreter, null);
    }

    public static Builder builder(ConsentScope scope) {
        return new Builder(scope);
    }

    /**
     * A child's assent with no guardian or authority consenting: allowed to be recorded (the
     * child's word matters on its own), but an adult's consent is still owed.
     */
    public boolean needsAdultConsent() {
        return assent && (guardian == null || guardian.excluded()) && authority == null;
    }

    /**
     * Whether this record lets the purpose be used: given; for a child, with an adult's consent that
     * counts (a guardian not excluded, or an authority: an implicated guardian's word never counts);
     * and, where the purpose needs it, without the child having said no.
     */
    public java.util.Optional<ConsentStatus.Reason> blockedBy() {
        if (!given) {
            return java.util.Optional.of(ConsentStatus.Reason.REFUSED);
        }
        if (childAssent == ChildAssent.NO && scope.purpose().needsChildAssent()) {
            return java.util.Optional.of(ConsentStatus.Reason.CHILD_SAID_NO);
        }
        if (assent && needsAdultConsent()) {
            return java.util.Optional.of(guardian != null ? ConsentStatus.Reason.GUARDIAN_EXCLUDED
                    : ConsentStatus.Reason.NO_ADULT_CONSENT);
        }
        if (!bySurvivor && guardian != null && guardian.excluded() && authority == null) {
            return java.util.Optional.of(ConsentStatus.Reason.GUARDIAN_EXCLUDED);
        }
        return java.util.Optional.empty();
    }

    /** Strips; {@code null} for blank; refuses text longer than {@code max} without echoing it. */
    static String text(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new IllegalArgumentException(what + " has at most " + max + " characters");
        }
        return stripped;
    }

    @Override
    public String toString() {
        return "ConsentGrant[" + scope + ", " + (given ? "given" : "refused") + "]";
    }

    /** Names each part of a grant; {@link #build()} checks the whole. */
    public static final class Builder {
        private final ConsentScope scope;
        private boolean given = true;
        private boolean bySurvivor;
        private boolean assent;
        private GuardianConsent guardian;
        private String authority;
        private ConsentMethod method = ConsentMethod.VERBAL;
        private String methodDetail;
        private String language;
        private String interpreter;
        private ChildAssent childAssent;

        private Builder(ConsentScope scope) {
            this.scope = scope;
        }

        public Builder given() {
            this.given = true;
            return this;
        }

        public Builder refused() {
            this.given = false;
            return this;
        }

        /** The person themselves; {@code child} makes their word assent. */
        public Builder bySurvivor(boolean child) {
            this.bySurvivor = true;
            this.assent = child;
            return this;
        }

        public Builder guardian(GuardianConsent value) {
            this.guardian = value;
            return this;
        }

        public Builder authority(String value) {
            this.authority = value;
            return this;
        }

        public Builder method(ConsentMethod value) {
            this.method = value;
            return this;
        }

        public Builder method(ConsentMethod value, String detail) {
            this.method = value;
            this.methodDetail = detail;
            return this;
        }

        public Builder language(String value) {
            this.language = value;
            return this;
        }

        public Builder interpreter(String value) {
            this.interpreter = value;
            return this;
        }

        /** What the child answered to the assent question; {@code null} when not asked. */
        public Builder childAssent(ChildAssent value) {
            this.childAssent = value;
            return this;
        }

        public ConsentGrant build() {
            return new ConsentGrant(scope, given, bySurvivor, assent, guardian, authority, method, methodDetail,
                    language, interpreter, childAssent);
        }
    }
}
