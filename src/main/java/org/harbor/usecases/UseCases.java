package org.harbor.usecases;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The use cases, one accessor each: what the desktop and the command line call for an action, so
 * that both faces do it the same way (issue 13). {@code Harbor} (the composition root) says how
 * each one is made; each is made on first use, once, so that start-up loads none it does not need
 * (DESIGN.md section 9).
 */
public final class UseCases {

    private final Map<Class<?>, Supplier<?>> makers;
    /** Guarded by {@code this}; a use case made of others asks for them while it is made. */
    private final Map<Class<?>, Object> made = new HashMap<>();

    private UseCases(Map<Class<?>, Supplier<?>> makers) {
        this.makers = Map.copyOf(makers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public LogIn logIn() {
        return get(LogIn.class);
    }

    public OpenForm openForm() {
        return get(OpenForm.class);
    }

    public CompleteForm completeForm() {
        return get(CompleteForm.class);
    }

    public ImportCase importCase() {
        return get(ImportCase.class);
    }

    public RecordConsent recordConsent() {
        return get(RecordConsent.class);
    }

    public SealCase sealCase() {
        return get(SealCase.class);
    }

    public AmendSeal amendSeal() {
        return get(AmendSeal.class);
    }

    public CoSignSeal coSignSeal() {
        return get(CoSignSeal.class);
    }

    public VerifySeals verifySeals() {
        return get(VerifySeals.class);
    }

    public ExportPackage exportPackage() {
        return get(ExportPackage.class);
    }

    private synchronized <T> T get(Class<T> type) {
        Object useCase = made.get(type);
        if (useCase == null) {
            Supplier<?> make = makers.get(type);
            if (make == null) {
                throw new IllegalStateException("no use case " + type.getSimpleName() + " was registered");
            }
            useCase = Objects.requireNonNull(make.get(), type.getSimpleName());
            made.put(type, useCase);
        }
        return type.cast(useCase);
    }

    /** How each use case is made; one {@link #with} per use case. */
    public static final class Builder {
        private final Map<Class<?>, Supplier<?>> makers = new LinkedHashMap<>();

        private Builder() {
        }

        public <T> Builder with(Class<T> type, Supplier<? extends T> make) {
            if (makers.putIfAbsent(type, make) != null) {
                throw new IllegalStateException("use case " + type.getSimpleName() + " registered twice");
            }
            return this;
        }

        public UseCases build() {
            return new UseCases(makers);
        }
    }
}
