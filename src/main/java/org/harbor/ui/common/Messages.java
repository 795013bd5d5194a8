package org.harbor.ui.common;

import org.harbor.accounts.AccessDeniedException;
import org.harbor.accounts.AccountException;
import org.harbor.i18n.I18n;
import org.harbor.vault.VaultException;

/** Turns a service's refusal into a sentence in the display language; never a stack trace. */
public final class Messages {

    private Messages() {
    }

    public static String of(Exception e, I18n i18n) {
        if (e instanceof org.harbor.i18n.Refusal refusal) {
            return refusal.describe(i18n);
        }
        if (e instanceof VaultException.Throttled throttled) {
            return i18n.get(throttled.messageKey(), throttled.waitSeconds());
        }
        if (e instanceof VaultException vault) {
            return i18n.get(vault.messageKey());
        }
        if (e instanceof AccountException account) {
            return i18n.get(account.messageKey());
        }
        if (e instanceof org.harbor.attachments.AttachmentException attachment) {
            return i18n.get(attachment.messageKey(), attachment.messageArgs());
        }
        if (e instanceof org.harbor.seal.SealException seal) {
            return i18n.get(seal.key());
        }
        if (e instanceof AccessDeniedException) {
            return i18n.get("generic.error.notAllowed");
        }
        return i18n.get("generic.error.unexpected");
    }
}
