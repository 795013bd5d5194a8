package org.harbor.usecases;

import java.util.List;
import org.harbor.accounts.Session;
import org.harbor.forms.FormLoader;
import org.harbor.forms.FormRejectedException;
import org.harbor.forms.LoadedForm;
import org.harbor.i18n.Refusal;
import org.harbor.sync.Publication;
import org.harbor.sync.Publications;
import org.harbor.sync.PublishedSettings;

/**
 * The central office publishes a form (a new one, or a new version) or the organisation's settings
 * to its laptops ({@code harbor central publish}, issue 18, ADR 0017): checked here as a laptop will
 * check it (the form loads in JavaRosa, the settings pass the checks of Settings), signed with the
 * office's receipt key and kept for the sync server to serve.
 */
public final class PublishToLaptops {

    private final Publications publications;
    private final ImportPackage imports;

    public PublishToLaptops(Publications publications, ImportPackage imports) {
        this.publications = publications;
        this.imports = imports;
    }

    /**
     * Publishes an XForm; its id and version are its own (a new version needs a higher version attribute).
     *
     * @throws FormRejectedException when JavaRosa cannot load it, with the parser's reason
     */
    public Publication publishForm(Session session, byte[] xml) {
        requireCentral();
        if (xml.length > FormLoader.MAX_BYTES) {
            throw new FormRejectedException("the form is larger than " + FormLoader.MAX_BYTES / (1024 * 1024) + " MB");
        }
        LoadedForm loaded = new FormLoader().load(xml);
        if (!loaded.formId().matches("[A-Za-z0-9._:-]{1,100}") || loaded.version().isBlank() || loaded.version().length() > 50) {
            throw new FormRejectedException("the form has no usable id and version (attributes of its instance root)");
        }
        return publications.publish(session, Publication.FORM, Publication.formSubject(loaded.formId()), loaded.version(), xml);
    }

    /** Publishes the organisation's settings; a field left out stays as each laptop has it. */
    public Publication publishSettings(Session session, byte[] json) {
        requireCentral();
        PublishedSettings settings = PublishedSettings.parse(json);
        ReceivePublications.check(settings);
        return publications.publish(session, Publication.SETTINGS, Publication.SETTINGS, null, settings.toJson());
    }

    /** What the server offers now: the newest publication of each subject. */
    public List<Publications.Listed> published(Session session) {
        return publications.listing(session);
    }

    private void requireCentral() {
        if (!imports.receivesPackages()) {
            throw new Refusal("sync.error.notCentral");
        }
    }
}
