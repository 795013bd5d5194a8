package org.harbor.usecases;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.harbor.accounts.EmergencyContact;
import org.harbor.accounts.Hotlines;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.forms.FormDefinition;
import org.harbor.forms.FormLoader;
import org.harbor.forms.FormRejectedException;
import org.harbor.forms.FormService;
import org.harbor.forms.LoadedForm;
import org.harbor.i18n.Refusal;
import org.harbor.safety.ReportRules;
import org.harbor.sync.FormVersions;
import org.harbor.sync.Outbox;
import org.harbor.sync.Publication;
import org.harbor.sync.PublicationCheck;
import org.harbor.sync.PublicationRefused;
import org.harbor.sync.Publications;
import org.harbor.sync.PublishedSettings;
import org.harbor.sync.SyncCheck;
import org.harbor.sync.SyncClient;
import org.harbor.sync.SyncRefused;

/**
 * A laptop fetches the forms and settings its office published ({@code harbor sync}, issue 18, ADR
 * 0017), checks each (signer, signature, not older than held, a form JavaRosa loads, settings that
 * pass the checks of Settings) and applies it: a form is registered beside its older versions (a
 * case started on one keeps it), settings go through the use cases of the Settings screen. A
 * refusal names its check; nothing of that publication is applied and the rest go on.
 */
public final class ReceivePublications {

    /** One publication applied. */
    public record Applied(String subject, long sequence, String version) {
    }

    /** One publication refused, at its check. */
    public record Refused(String subject, long sequence, PublicationCheck check) {
    }

    /** What one round did; {@code waiting} when this account may not change settings (a supervisor's sync applies them). */
    public record Received(List<Applied> applied, List<Refused> refused, boolean waiting) {
    }

    private final Outbox outbox;
    private final Publications publications;
    private final FormService forms;
    private final SaveSettings saveSettings;
    private final EditEmergencyContacts emergencyContacts;
    private final ChooseReportJurisdiction jurisdiction;

    public ReceivePublications(Outbox outbox, Publications publications, FormService forms, SaveSettings saveSettings,
                               EditEmergencyContacts emergencyContacts, ChooseReportJurisdiction jurisdiction) {
        this.outbox = outbox;
        this.publications = publications;
        this.forms = forms;
        this.saveSettings = saveSettings;
        this.emergencyContacts = emergencyContacts;
        this.jurisdiction = jurisdiction;
    }

    /** Fetches from the server the trust bundle names ({@code server}: another address of it, or null). */
    public Received receive(Session session, URI server) throws InterruptedException {
        SyncClient client = outbox.client(session, server, SyncClient.Backoff.DEFAULT, SendOutbox.CHUNK)
                .orElseThrow(() -> new SyncRefused(SyncCheck.NO_SERVER));
        return receive(session, client);
    }

    public Received receive(Session session, SyncClient client) throws InterruptedException {
        if (!session.role().can(Permission.CHANGE_SETTINGS)) {
            return new Received(List.of(), List.of(), true);
        }
        List<Applied> applied = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        List<Publications.Listed> listed = new ArrayList<>(client.publications());
        listed.sort(Comparator.comparingLong(Publications.Listed::sequence));
        for (Publications.Listed l : listed) {
            Optional<Publications.Applied> held = publications.applied(session, l.subject());
            if (held.isPresent() && held.get().sequence() == l.sequence()) {
                continue; // applied already
            }
            try {
                Optional<Publication> fetched = publications.verify(session, client.publication(l.sequence()));
                if (fetched.isEmpty()) {
                    continue;
                }
                Publication publication = fetched.get();
                if (Publication.FORM.equals(publication.kind())) {
                    applyForm(session, publication);
                } else {
                    applySettings(session, PublishedSettings.parse(publication.content()));
                }
                publications.markApplied(session, publication);
                applied.add(new Applied(publication.subject(), publication.sequence(), publication.version()));
            } catch (PublicationRefused e) {
                publications.refused(session, l.subject(), l.sequence(), e.check());
                refused.add(new Refused(l.subject(), l.sequence(), e.check()));
            }
        }
        return new Received(applied, refused, false);
    }

    /** A form loads in JavaRosa, is the form and version it was published as, is not older than the newest held, and registers. */
    private void applyForm(Session session, Publication publication) {
        byte[] xml = publication.content();
        LoadedForm loaded;
        try {
            loaded = new FormLoader().load(xml);
        } catch (FormRejectedException e) {
            throw new PublicationRefused(PublicationCheck.FORM);
        }
        if (!Publication.formSubject(loaded.formId()).equals(publication.subject()) || !loaded.version().equals(publication.version())) {
            throw new PublicationRefused(PublicationCheck.FORM);
        }
        Optional<FormDefinition> newest = forms.forms(session).stream().filter(d -> d.formId().equals(loaded.formId())).findFirst();
        if (newest.isPresent() && FormVersions.compare(loaded.version(), newest.get().version()) < 0) {
            throw new PublicationRefused(PublicationCheck.OLDER);
        }
        try {
            forms.importForm(session, xml);
        } catch (FormRejectedException e) {
            throw new PublicationRefused(PublicationCheck.FORM);
        }
    }

    /** Checked whole first, then saved through the use cases of the Settings screen. */
    private void applySettings(Session session, PublishedSettings settings) {
        try {
            check(settings);
        } catch (PublicationRefused e) {
            throw e;
        } catch (Refusal e) {
            throw new PublicationRefused(PublicationCheck.SETTINGS);
        }
        if (settings.breakMinutes() != null) {
            saveSettings.saveBreakOffer(session, settings.breakMinutes());
        }
        if (settings.hasEmergencyContacts()) {
            emergencyContacts.save(session, settings.country(), settings.contacts());
        }
        if (settings.reportJurisdiction() != null) {
            jurisdiction.choose(session, settings.reportJurisdiction());
        }
    }

    /**
     * The checks of Settings on published settings, before anything is saved: the break interval's
     * range, a shipped country and contacts the panel can show, a shipped rule pack.
     *
     * @throws Refusal with the Settings screen's own message
     */
    static void check(PublishedSettings settings) {
        Integer minutes = settings.breakMinutes();
        if (minutes != null && (minutes < SaveSettings.MIN_BREAK_MINUTES || minutes > SaveSettings.MAX_BREAK_MINUTES)) {
            throw new Refusal("settings.breakMinutes.range");
        }
        if (settings.hasEmergencyContacts()) {
            if (settings.country() != null && !settings.country().isEmpty() && !Hotlines.countries().contains(settings.country())) {
                throw new Refusal("emergency.country.invalid");
            }
            EmergencyContact.checked(settings.contacts());
        }
        String pack = settings.reportJurisdiction();
        if (pack != null && !pack.isEmpty() && ReportRules.of(pack).isEmpty()) {
            throw new Refusal("reports.error.jurisdiction");
        }
    }
}
