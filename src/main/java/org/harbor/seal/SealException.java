package org.harbor.seal;

/**
 * A refused sealing, export, import or receipt step. {@link #key()} is the i18n key of the message
 * for people; {@link #getMessage()} is the English one-liner for the command line. Neither holds
 * record content. Unchecked, so that it leaves a vault transaction and rolls it back.
 */
public class SealException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String key;
    private final String[] args;

    public SealException(String key, String message) {
        this(key, message, new String[0]);
    }

    /**
     * @param args the message's placeholders: case numbers, codes, or i18n keys (such as
     *             {@code consent.purpose.research}) that the face translates before showing them
     */
    public SealException(String key, String message, String... args) {
        super(message, null, false, false);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public String[] args() {
        return args.clone();
    }
}
