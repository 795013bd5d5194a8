package org.harbor;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.IdleLock;
import org.harbor.accounts.SettingsService;
import org.harbor.attachments.AttachmentService;
import org.harbor.audit.AuditLog;
import org.harbor.cases.CaseService;
import org.harbor.consent.ConsentService;
import org.harbor.crypto.Argon2Params;
import org.harbor.crypto.Argon2id;
import org.harbor.forms.FormService;
import org.harbor.i18n.I18n;
import org.harbor.interview.profile.ProfileLibrary;
import org.harbor.interview.session.InterviewService;
import org.harbor.seal.AttachmentExtras;
import org.harbor.seal.CaseExtras;
import org.harbor.seal.FormExtras;
import org.harbor.seal.ConsentExport;
import org.harbor.seal.ExportService;
import org.harbor.seal.ImportService;
import org.harbor.seal.PackageLimits;
import org.harbor.seal.ReceiptService;
import org.harbor.seal.SealService;
import org.harbor.seal.TrustService;
import org.harbor.usecases.AddPerson;
import org.harbor.usecases.ApplyReceipt;
import org.harbor.usecases.ImportTrustBundle;
import org.harbor.usecases.ImportPackage;
import org.harbor.usecases.ReceiveUploads;
import org.harbor.usecases.PublishToLaptops;
import org.harbor.usecases.ReceivePublications;
import org.harbor.usecases.PurgeReceived;
import org.harbor.usecases.SendInBackground;
import org.harbor.usecases.ReleaseToOutbox;
import org.harbor.usecases.SendOutbox;
import org.harbor.usecases.OpenCase;
import org.harbor.usecases.OpenCentralOffice;
import org.harbor.usecases.ChooseCentralStore;
import org.harbor.usecases.StartCaseSession;
import org.harbor.usecases.AmendSeal;
import org.harbor.usecases.AttachFile;
import org.harbor.usecases.ChangePassphrase;
import org.harbor.usecases.CheckAuditContinuity;
import org.harbor.usecases.CoSignSeal;
import org.harbor.usecases.CompleteForm;
import org.harbor.usecases.ConductInterview;
import org.harbor.usecases.CreateCase;
import org.harbor.usecases.EditEmergencyContacts;
import org.harbor.usecases.ExportPackage;
import org.harbor.usecases.ShowEmergencyContacts;
import org.harbor.usecases.ChooseReportJurisdiction;
import org.harbor.usecases.LogMandatoryReport;
import org.harbor.usecases.RecordSafetyAction;
import org.harbor.usecases.ShowCaseSafety;
import org.harbor.safety.SafetyService;
import org.harbor.usecases.FindCases;
import org.harbor.usecases.ImportCase;
import org.harbor.usecases.LogIn;
import org.harbor.usecases.ManageAccounts;
import org.harbor.usecases.ManageAttachments;
import org.harbor.usecases.OpenForm;
import org.harbor.usecases.RecordConsent;
import org.harbor.usecases.RecordUtterances;
import org.harbor.usecases.RecoverWithKey;
import org.harbor.usecases.ReviewInterviewers;
import org.harbor.usecases.SaveSettings;
import org.harbor.usecases.SealCase;
import org.harbor.usecases.SetUpVault;
import org.harbor.usecases.StartInterview;
import org.harbor.usecases.UseCases;
import org.harbor.usecases.VerifySeals;
import org.harbor.usecases.ViewAttachments;
import org.harbor.vault.HarborHome;
import org.harbor.vault.InstanceLock;
import org.harbor.vault.Vault;

/**
 * The composition root: builds every service once, by constructor (those the login window does
 * not need on first use). The desktop and command-line
 * faces both start here; no service looks another one up.
 */
public final class Harbor implements AutoCloseable {

    /** Set to {@code false} to use the floor parameters instead of calibrating (tests, slow CI). */
    public static final String CALIBRATE_PROPERTY = "harbor.kdf.calibrate";

    private final HarborHome home;
    private final InstanceLock instanceLock;
    private final Vault vault;
    private final AuditLog audit;
    private final AccountService accounts;
    private final SettingsService settings;
    private final CaseService cases;
    private final Lazy<ConsentService> consents;
    private final Lazy<InterviewService> interviews;
    private final Lazy<FormService> forms;
    private final Lazy<AttachmentService> attachments;
    private final Lazy<SealService> seals;
    private final Lazy<TrustService> trust;
    private final Lazy<ExportService> exports;
    private final Lazy<ImportService> imports;
    private final Lazy<ReceiptService> receipts;
    private final Lazy<org.harbor.sync.Outbox> outbox;
    private final IdleLock idleLock;
    private final UseCases useCases;
    private final I18n i18n;
    private final Clock clock;

    private Harbor(HarborHome home, InstanceLock instanceLock, Options options) {
        this.home = home;
        this.instanceLock = instanceLock;
        this.clock = options.clock();
        this.vault = new Vault(home, clock, options.kdf());
        this.audit = new AuditLog(vault, clock);
        this.accounts = new AccountService(vault, audit, clock);
        this.settings = new SettingsService(vault, accounts, audit, clock);
        this.cases = new CaseService(vault, accounts, audit, clock);
        this.i18n = new I18n(settings.uiLanguage().map(Locale::of).orElse(I18n.defaultFor(options.systemLocale())));
        // Built on first use: the login window needs none of these, and start-up loads no class it
        // does not need (DESIGN.md section 9).
        this.consents = new Lazy<>(() -> new ConsentService(vault, accounts, audit, clock));
        this.interviews = new Lazy<>(() -> new InterviewService(vault, accounts, cases, audit, clock, ProfileLibrary::bundled));
        this.attachments = new Lazy<>(() -> new AttachmentService(vault, accounts, cases, audit, clock));
        this.seals = new Lazy<>(() -> new SealService(vault, accounts, audit, clock));
        this.trust = new Lazy<>(() -> new TrustService(vault, accounts, audit, clock));
        this.forms = new Lazy<>(() -> {
            FormService service = new FormService(vault, accounts, cases, audit, clock, () -> i18n.locale().getLanguage());
            service.checkConsentsWith((c, caseId, scope) -> consents().allows(c, caseId, scope));
            return service;
        });
        Lazy<CaseExtras> extras = new Lazy<>(() -> new FormExtras(forms(), new AttachmentExtras(attachments())));
        this.exports = new Lazy<>(() -> new ExportService(vault, accounts, audit, clock, extras.get(), new ConsentExport(consents())));
        this.imports = new Lazy<>(() -> new ImportService(vault, accounts, audit, clock, PackageLimits.DEFAULT,
                // the central store is loaded only when a central vault imports (ADR 0010)
                org.harbor.central.CentralFiling::forCentralVault));
        this.receipts = new Lazy<>(() -> new ReceiptService(vault, accounts, audit, clock, extras.get()));
        this.outbox = new Lazy<>(() -> new org.harbor.sync.Outbox(vault, accounts, audit, clock, exports(), receipts(), trust()));
        this.idleLock = new IdleLock(clock);
        this.useCases = new UseCases(this::makeUseCase, clock);
        vault.onIntegrityChecked(this::auditIntegrity);
    }

    /** The vault's integrity check of this session, for the window (read-only: {@link Vault#integrity}). */
    public org.harbor.vault.Integrity integrity() {
        return vault.integrity();
    }

    /** Called with each finished integrity check's result, on the check's thread. */
    public void onIntegrityChecked(java.util.function.Consumer<org.harbor.vault.Integrity> listener) {
        vault.onIntegrityChecked(listener);
    }

    /**
     * A failed integrity check (it runs after the unlock) goes to the audit log as soon as it is
     * known, under the account that is logged in. The file may be too damaged to take the entry;
     * the window still shows the failure and every signature stays refused.
     */
    private void auditIntegrity(org.harbor.vault.Integrity result) {
        if (result != org.harbor.vault.Integrity.FAILED) {
            return;
        }
        try {
            audit.record(accounts.current().map(org.harbor.accounts.Session::actorId).orElse(null),
                    org.harbor.audit.AuditActions.VAULT_INTEGRITY_FAILED, null, java.util.Map.of("check", "quick_check"));
        } catch (RuntimeException e) {
            // the damage may be where the entry would go; the failure stays shown and enforced
        }
    }

    /** Opens the home, holding its single-instance lock until {@link #close()}. */
    public static Harbor open(HarborHome home, Options options) {
        Vault.prepareNativeLibrary(home);
        InstanceLock lock = InstanceLock.acquire(home);
        try {
            return new Harbor(home, lock, options);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public HarborHome home() {
        return home;
    }

    /**
     * Runs {@code work}, calls to the services, as one transaction ({@link Vault#transaction}, of
     * which this is the face's form, without the connection): all of it is kept, or none if it
     * throws. The services still check every role.
     */
    public <T, E extends Exception> T atomically(Work<T, E> work) throws E {
        return vault.transaction(c -> work.run());
    }

    /** Calls to the services for {@link #atomically}; {@code E} is what it may throw. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    public Vault vault() {
        return vault;
    }

    public AuditLog audit() {
        return audit;
    }

    public AccountService accounts() {
        return accounts;
    }

    public SettingsService settings() {
        return settings;
    }

    public CaseService cases() {
        return cases;
    }

    public ConsentService consents() {
        return consents.get();
    }

    public InterviewService interviews() {
        return interviews.get();
    }

    public FormService forms() {
        return forms.get();
    }

    public AttachmentService attachments() {
        return attachments.get();
    }

    public SealService seals() {
        return seals.get();
    }

    public TrustService trust() {
        return trust.get();
    }

    public ExportService exports() {
        return exports.get();
    }

    public ImportService imports() {
        return imports.get();
    }

    public ReceiptService receipts() {
        return receipts.get();
    }

    /** The field vault's outbox of released packages (issue 18). */
    public org.harbor.sync.Outbox outbox() {
        return outbox.get();
    }

    /** Forms and settings downstream (ADR 0017); holds nothing, so one is made for each use case. */
    private org.harbor.sync.Publications publications() {
        return new org.harbor.sync.Publications(vault, accounts, audit, clock, trust());
    }

    /** What the faces call for each action: the same use case from the desktop and the command line. */
    public UseCases useCases() {
        return useCases;
    }

    /**
     * Makes a use case, on its first use ({@link UseCases}); one line per use case. By simple name,
     * so that no other use case's class is loaded.
     */
    private Object makeUseCase(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LogIn" -> new LogIn(accounts, settings, idleLock);
            case "OpenForm" -> new OpenForm(forms(), settings);
            case "CompleteForm" -> new CompleteForm(forms(), consents());
            case "ImportCase" -> new ImportCase(vault, cases, forms(), useCases.completeForm());
            case "RecordConsent" -> new RecordConsent(consents(), forms());
            case "SealCase" -> new SealCase(seals(), cases, forms(), consents(), attachments());
            case "AmendSeal" -> new AmendSeal(seals());
            case "CoSignSeal" -> new CoSignSeal(seals());
            case "VerifySeals" -> new VerifySeals(seals());
            case "ExportPackage" -> new ExportPackage(exports(), clock);
            case "ImportTrustBundle" -> new ImportTrustBundle(trust());
            case "ApplyReceipt" -> new ApplyReceipt(receipts());
            case "ManageAccounts" -> new ManageAccounts(accounts);
            case "ChangePassphrase" -> new ChangePassphrase(accounts);
            case "RecoverWithKey" -> new RecoverWithKey(accounts, settings, idleLock);
            case "SetUpVault" -> new SetUpVault(accounts, settings, idleLock);
            case "SaveSettings" -> new SaveSettings(settings, idleLock);
            case "ShowEmergencyContacts" -> new ShowEmergencyContacts(settings, i18n);
            case "EditEmergencyContacts" -> new EditEmergencyContacts(settings, i18n);
            case "CheckAuditContinuity" -> new CheckAuditContinuity(accounts);
            case "FindCases" -> new FindCases(cases, accounts);
            case "CreateCase" -> new CreateCase(cases);
            case "AttachFile" -> new AttachFile(attachments());
            case "ViewAttachments" -> new ViewAttachments(attachments());
            case "ManageAttachments" -> new ManageAttachments(attachments());
            case "StartInterview" -> new StartInterview(interviews(), settings);
            case "ConductInterview" -> new ConductInterview(interviews());
            case "RecordUtterances" -> new RecordUtterances(interviews());
            case "ReviewInterviewers" -> new ReviewInterviewers(interviews());
            case "OpenCase" -> new OpenCase(cases, forms());
            case "AddPerson" -> new AddPerson(cases);
            case "StartCaseSession" -> new StartCaseSession(cases);
            case "ImportPackage" -> new ImportPackage(imports(), accounts);
            case "ReceiveUploads" -> new ReceiveUploads(useCases.importPackage(), trust(), publications());
            case "ReleaseToOutbox" -> new ReleaseToOutbox(outbox(), exports());
            case "SendOutbox" -> new SendOutbox(outbox());
            case "PublishToLaptops" -> new PublishToLaptops(publications(), useCases.importPackage());
            case "ReceivePublications" -> new ReceivePublications(outbox(), publications(), forms(), useCases.saveSettings(),
                    useCases.editEmergencyContacts(), useCases.chooseReportJurisdiction());
            case "SendInBackground" -> new SendInBackground(useCases.sendOutbox(), useCases.receivePublications());
            case "PurgeReceived" -> new PurgeReceived(receipts());
            case "OpenCentralOffice" -> new OpenCentralOffice(vault, accounts);
            case "RecordSafetyAction" -> new RecordSafetyAction(safety());
            case "LogMandatoryReport" -> new LogMandatoryReport(safety());
            case "ShowCaseSafety" -> new ShowCaseSafety(safety(), clock);
            case "ChooseReportJurisdiction" -> new ChooseReportJurisdiction(safety());
            case "ChooseCentralStore" -> new ChooseCentralStore(vault, audit, accounts);
            default -> null;
        };
    }

    /** Safety first (R3) and mandatory reports (R18); holds nothing, so one is made for each use case. */
    public SafetyService safety() {
        return new SafetyService(vault, accounts, settings, audit, clock);
    }

    public IdleLock idleLock() {
        return idleLock;
    }

    public I18n i18n() {
        return i18n;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Loads the libraries that unlocking and the first save need (JSON, the SQLite driver and its
     * native code, Argon2id) while someone types their passphrase. Called after the first window is
     * shown, on a background thread: start-up does not wait for it, and the unlock is faster.
     */
    public static void warmUp() {
        Vault.warmUp();
        AuditLog.warmUp();
    }

    /**
     * As {@link #warmUp()}, and also what the first screens after a log-in format with in
     * {@code language} (plural messages, localized dates): the desktop app's warm-up at the login
     * window.
     */
    public static void warmUp(Locale language) {
        // each on its own: a warm-up that fails only leaves its work to the first log-in
        try {
            warmUp();
        } catch (RuntimeException e) {
            // the unlock loads what it needs itself and reports any real problem
        }
        try {
            I18n.warmUp(language);
        } catch (RuntimeException e) {
            // the first list formats its count itself
        }
    }

    @Override
    public void close() {
        accounts.lock("exit");
        instanceLock.close();
    }

    /**
     * What differs between a real start and a test: the clock, how key-slot parameters are chosen,
     * and the system language.
     */
    public record Options(Clock clock, Supplier<Argon2Params> kdf, Locale systemLocale) {

        public static Options defaults() {
            boolean calibrate = !"false".equals(System.getProperty(CALIBRATE_PROPERTY));
            return new Options(Clock.systemUTC(), calibrate ? calibrated() : () -> Argon2Params.FLOOR, Locale.getDefault());
        }

        public Options withClock(Clock next) {
            return new Options(next, kdf, systemLocale);
        }

        public Options withSystemLocale(Locale next) {
            return new Options(clock, kdf, next);
        }

        /** Parameters tuned to 0.5–1.0 s on this machine, measured once per process when first needed. */
        static Supplier<Argon2Params> calibrated() {
            return new Supplier<>() {
                private Argon2Params params;

                @Override
                public synchronized Argon2Params get() {
                    if (params == null) {
                        params = Argon2id.calibrate(Duration.ofMillis(500), Duration.ofMillis(1000), Argon2id::timeOneDerivation);
                    }
                    return params;
                }
            };
        }
    }

    /** A service made on first use, once; safe from the FX thread and the worker at the same time. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = make.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
