package org.harbor.usecases;

import java.time.Clock;
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
    private final Clock clock;
    /** Guarded by {@code this}; a use case made of others asks for them while it is made. */
    private final Map<Class<?>, Object> made = new HashMap<>();

    /**
     * @param make makes the use case of the class given, or returns null when it knows none
     * @param clock the clock of the whole application (a test's own clock in tests)
     */
    public UseCases(Function<Class<?>, Object> make, Clock clock) {
        this.make = make;
        this.clock = clock;
    }

    /** The clock of the whole application (a test's own clock in tests). */
    public Clock clock() {
        return clock;
    }

    public ReceiveUploads receiveUploads() {
        return get(ReceiveUploads.class);
    }

    public ReleaseToOutbox releaseToOutbox() {
        return get(ReleaseToOutbox.class);
    }

    public SendOutbox sendOutbox() {
        return get(SendOutbox.class);
    }

    public PublishToLaptops publishToLaptops() {
        return get(PublishToLaptops.class);
    }

    public ReceivePublications receivePublications() {
        return get(ReceivePublications.class);
    }

    /** The outbox sent in the background while a supervisor is logged in (one sender per application). */
    public SendInBackground sendInBackground() {
        return get(SendInBackground.class);
    }

    public PurgeReceived purgeReceived() {
        return get(PurgeReceived.class);
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

    public ImportTrustBundle importTrustBundle() {
        return get(ImportTrustBundle.class);
    }

    public ApplyReceipt applyReceipt() {
        return get(ApplyReceipt.class);
    }

    public ManageAccounts manageAccounts() {
        return get(ManageAccounts.class);
    }

    public ChangePassphrase changePassphrase() {
        return get(ChangePassphrase.class);
    }

    public RecoverWithKey recoverWithKey() {
        return get(RecoverWithKey.class);
    }

    public SetUpVault setUpVault() {
        return get(SetUpVault.class);
    }

    public SaveSettings saveSettings() {
        return get(SaveSettings.class);
    }

    public CheckAuditContinuity checkAuditContinuity() {
        return get(CheckAuditContinuity.class);
    }

    public FindCases findCases() {
        return get(FindCases.class);
    }

    public CreateCase createCase() {
        return get(CreateCase.class);
    }

    public AttachFile attachFile() {
        return get(AttachFile.class);
    }

    public ViewAttachments viewAttachments() {
        return get(ViewAttachments.class);
    }

    public ManageAttachments manageAttachments() {
        return get(ManageAttachments.class);
    }

    public StartInterview startInterview() {
        return get(StartInterview.class);
    }

    public ConductInterview conductInterview() {
        return get(ConductInterview.class);
    }

    public RecordUtterances recordUtterances() {
        return get(RecordUtterances.class);
    }

    public ReviewInterviewers reviewInterviewers() {
        return get(ReviewInterviewers.class);
    }

    public OpenCase openCase() {
        return get(OpenCase.class);
    }

    public AddPerson addPerson() {
        return get(AddPerson.class);
    }

    public StartCaseSession startCaseSession() {
        return get(StartCaseSession.class);
    }

    public ImportPackage importPackage() {
        return get(ImportPackage.class);
    }

    public OpenCentralOffice openCentralOffice() {
        return get(OpenCentralOffice.class);
    }

    public ChooseCentralStore chooseCentralStore() {
        return get(ChooseCentralStore.class);
    }

    public ShowEmergencyContacts showEmergencyContacts() {
        return get(ShowEmergencyContacts.class);
    }

    public EditEmergencyContacts editEmergencyContacts() {
        return get(EditEmergencyContacts.class);
    }

    public RecordSafetyAction recordSafetyAction() {
        return get(RecordSafetyAction.class);
    }

    public LogMandatoryReport logMandatoryReport() {
        return get(LogMandatoryReport.class);
    }

    public ShowCaseSafety showCaseSafety() {
        return get(ShowCaseSafety.class);
    }

    public ChooseReportJurisdiction chooseReportJurisdiction() {
        return get(ChooseReportJurisdiction.class);
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
