package org.harbor.attachments;

/** A file name for a saved copy: the original's last part, without characters no system allows. */
final class SafeNames {

    private static final int MAX = 120;

    private SafeNames() {
    }

    /** The {@code n}th candidate: "name.ext", then "name (2).ext", "name (3).ext"… */
    static String numbered(String original, String attachmentId, int n) {
        String name = clean(original);
        if (name.isEmpty()) {
            name = "attachment-" + attachmentId.substring(0, Math.min(8, attachmentId.length()));
        }
        if (n == 1) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ending = dot > 0 ? name.substring(dot) : "";
        return stem + " (" + n + ")" + ending;
    }

    static String clean(String original) {
        String last = original.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        StringBuilder out = new StringBuilder();
        last.codePoints().forEach(cp -> {
            boolean bad = Character.isISOControl(cp) || ":*?\"<>|".indexOf(cp) >= 0;
            out.appendCodePoint(bad ? '_' : cp);
        });
        String name = out.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > MAX) {
            int dot = name.lastIndexOf('.');
            String ending = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX - ending.length()) + ending;
        }
        return name;
    }
}
