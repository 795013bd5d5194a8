package org.harbor.usecases;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The use cases, one accessor each: what the desktop and the command line call for an action, so
 * that both faces do it the same way (issue 13). {@code Harbor} (the composition root) says how
 * each one is made; each is made on first use, once. Harbor's maker picks by the use case's simple
 * name, not by class literal, so that neither building the registry nor asking for one use case
 * loads the classes of the others (start-up loads only what it needs, DESIGN.md section 9).
 */
public final class UseCases {

    private final Function<Class<?>, Object> make;
    /** Guarded by {@code this}; a use case made of others asks for them while it is made. */
    private final Map<Class<?>, Object> made = new HashMap<>();

    /** @param make makes the use case of the class given, or returns null when it knows none */
    public UseCases(Function<Class<?>, Object> make) {
        this.make = make;
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
            useCase = make.apply(type);
            if (useCase == null) {
                throw new IllegalStateException("no use case " + type.getSimpleName() + " is made by the composition root");
            }
            made.put(type, useCase);
        }
        return type.cast(useCase);
    }
}
