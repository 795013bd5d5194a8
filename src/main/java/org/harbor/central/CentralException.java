package org.harbor.central;

/**
 * Why a central store refused or failed: the i18n key for people and an English one-liner for the
 * command line, neither with record content. Unchecked, so that it leaves a transaction and rolls
 * it back.
 */
public class CentralException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String key;

    public CentralException(String key, String message) {
        this(key, message, null);
    }

    public CentralException(String key, String message, Throwable cause) {
        super(message, cause, false, false);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
