package org.harbor.seal;

/**
 * A refused sealing, export, import or receipt step. {@link #key()} is the i18n key of the message
 * for people; {@link #getMessage()} is the English one-liner for the command line. Neither holds
 * record content. Unchecked, so that it leaves a vault transaction and rolls it back.
 */
public class SealException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String key;

    public SealException(String key, String message) {
        super(message, null, false, false);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
