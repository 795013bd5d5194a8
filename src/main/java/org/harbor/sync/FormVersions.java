package org.harbor.sync;

import java.math.BigInteger;

/**
 * The order of XForm version attributes, for "older than held" (ADR 0017). ODK's convention is a
 * number that grows (often {@code yyyymmddnn}); dotted versions ({@code 1.10} after {@code 1.9})
 * are compared part by part, numbers as numbers and other parts as text.
 */
public final class FormVersions {

    private FormVersions() {
    }

    /** Negative when {@code a} is older than {@code b}, zero when the same version, positive when newer. */
    public static int compare(String a, String b) {
        String[] x = a.strip().split("\\.");
        String[] y = b.strip().split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("[0-9]{1,60}") && q.matches("[0-9]{1,60}") ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
