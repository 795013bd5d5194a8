package org.harbor.crypto;

/**
 * The 256-bit recovery key, written for people: Crockford base32 in groups of four, so that it can
 * be copied onto paper and typed back with forgiving input (case, dashes, spaces, O/0, I/L/1).
 */
public final class RecoveryKey {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CHARS = 52; // ceil(256 / 5)

    private RecoveryKey() {
    }

    public static String format(SecretKey key) {
        byte[] raw = key.copyBytes();
        try {
            StringBuilder out = new StringBuilder();
            int buffer = 0;
            int bits = 0;
            int written = 0;
            for (byte b : raw) {
                buffer = (buffer << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    appendGrouped(out, ALPHABET.charAt((buffer >> (bits - 5)) & 31), written++);
                    bits -= 5;
                }
            }
            if (bits > 0) {
                appendGrouped(out, ALPHABET.charAt((buffer << (5 - bits)) & 31), written);
            }
            return out.toString();
        } finally {
            SecretKey.wipe(raw);
        }
    }

    /** @throws IllegalArgumentException if the text cannot be a recovery key (says nothing of its content) */
    public static SecretKey parse(CharSequence text) {
        StringBuilder clean = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            clean.append(switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            });
        }
        if (clean.length() != CHARS) {
            throw new IllegalArgumentException("a recovery key has " + CHARS + " characters");
        }
        byte[] out = new byte[SecretKey.LENGTH];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < clean.length(); i++) {
            int value = ALPHABET.indexOf(clean.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("a recovery key uses only letters and digits");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8 && index < out.length) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        clean.setLength(0);
        return SecretKey.wrap(out);
    }

    private static void appendGrouped(StringBuilder out, char c, int position) {
        if (position > 0 && position % 4 == 0) {
            out.append('-');
        }
        out.append(c);
    }

}
