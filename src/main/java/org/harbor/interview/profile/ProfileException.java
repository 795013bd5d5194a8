package org.harbor.interview.profile;

import java.util.Objects;

/**
 * A protocol profile file that cannot be used. The message names the file and the problem in
 * one sentence fit to show a user; the cause, if any, is for the log only.
 */
public final class ProfileException extends RuntimeException {

    private final String file;
    private final String problem;

    ProfileException(String file, String problem, Throwable cause) {
        super("Protocol profile " + file + " cannot be used: " + problem, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    ProfileException(String file, String problem) {
        this(file, problem, null);
    }

    /** The file name, e.g. {@code "peace.json"}. */
    public String file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
