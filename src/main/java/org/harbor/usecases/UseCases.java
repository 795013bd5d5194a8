package org.harbor.usecases;

import java.time.Clock;
import java.util.function.Supplier;
import org.harbor.accounts.AccountService;
import org.harbor.accounts.IdleLock;
import org.harbor.accounts.SettingsService;
import org.harbor.attachments.AttachmentService;
import org.harbor.cases.CaseService;
import org.harbor.interview.session.InterviewService;

/**
 * Every use case, each made on first use from the services {@code Harbor} builds: what the desktop
 * and the command line call instead of orchestrating services themselves. One accessor per use case.
 */
public final class UseCases {

    private final AccountService accounts;
    private final SettingsService settings;
    private final IdleLock idleLock;
    private final CaseService cases;
    private final Supplier<AttachmentService> attachments;
    private final Supplier<InterviewService> interviews;
    private final Clock clock;

    private final Once<ManageAccounts> manageAccounts = new Once<>(() -> new ManageAccounts(accounts()));
    private final Once<ChangePassphrase> changePassphrase = new Once<>(() -> new ChangePassphrase(accounts()));
    private final Once<RecoverWithKey> recoverWithKey = new Once<>(() -> new RecoverWithKey(accounts(), settings(), idleLock()));
    private final Once<SetUpVault> setUpVault = new Once<>(() -> new SetUpVault(accounts(), settings(), idleLock()));
    private final Once<SaveSettings> saveSettings = new Once<>(() -> new SaveSettings(settings(), idleLock()));
    private final Once<CheckAuditContinuity> checkAuditContinuity = new Once<>(() -> new CheckAuditContinuity(accounts()));
    private final Once<FindCases> findCases = new Once<>(() -> new FindCases(cases(), accounts()));
    private final Once<CreateCase> createCase = new Once<>(() -> new CreateCase(cases()));
    private final Once<AttachFile> attachFile = new Once<>(() -> new AttachFile(attachments()));
    private final Once<ViewAttachments> viewAttachments = new Once<>(() -> new ViewAttachments(attachments()));
    private final Once<ManageAttachments> manageAttachments = new Once<>(() -> new ManageAttachments(attachments()));
    private final Once<StartInterview> startInterview = new Once<>(() -> new StartInterview(interviews()));
    private final Once<ConductInterview> conductInterview = new Once<>(() -> new ConductInterview(interviews()));
    private final Once<RecordUtterances> recordUtterances = new Once<>(() -> new RecordUtterances(interviews()));
    private final Once<ReviewInterviewers> reviewInterviewers = new Once<>(() -> new ReviewInterviewers(interviews()));

    public UseCases(AccountService accounts, SettingsService settings, IdleLock idleLock, CaseService cases,
                    Supplier<AttachmentService> attachments, Supplier<InterviewService> interviews, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.idleLock = idleLock;
        this.cases = cases;
        this.attachments = attachments;
        this.interviews = interviews;
        this.clock = clock;
    }

    /** The clock of the whole application (a test's own clock in tests). */
    public Clock clock() {
        return clock;
    }

    public ManageAccounts manageAccounts() { return manageAccounts.get(); }
    public ChangePassphrase changePassphrase() { return changePassphrase.get(); }
    public RecoverWithKey recoverWithKey() { return recoverWithKey.get(); }
    public SetUpVault setUpVault() { return setUpVault.get(); }
    public SaveSettings saveSettings() { return saveSettings.get(); }
    public CheckAuditContinuity checkAuditContinuity() { return checkAuditContinuity.get(); }
    public FindCases findCases() { return findCases.get(); }
    public CreateCase createCase() { return createCase.get(); }
    public AttachFile attachFile() { return attachFile.get(); }
    public ViewAttachments viewAttachments() { return viewAttachments.get(); }
    public ManageAttachments manageAttachments() { return manageAttachments.get(); }
    public StartInterview startInterview() { return startInterview.get(); }
    public ConductInterview conductInterview() { return conductInterview.get(); }
    public RecordUtterances recordUtterances() { return recordUtterances.get(); }
    public ReviewInterviewers reviewInterviewers() { return reviewInterviewers.get(); }

    private AccountService accounts() {
        return accounts;
    }

    private SettingsService settings() {
        return settings;
    }

    private IdleLock idleLock() {
        return idleLock;
    }

    private CaseService cases() {
        return cases;
    }

    private AttachmentService attachments() {
        return attachments.get();
    }

    private InterviewService interviews() {
        return interviews.get();
    }

    /** Made on first use, once; safe from the FX thread and the worker at the same time. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> make;
        private volatile T value;

        Once(Supplier<T> make) {
            this.make = make;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }
}
