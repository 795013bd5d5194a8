package org.harbor.interview.profile;

import java.util.Objects;
import org.harbor.i18n.Refusal;

/**
 * A protocol profile file that cannot be used. The person is told
 * {@code interview.error.profileUnusable} with the file's name and the problem (in English: the
 * rule of the profile format that failed); the cause, if any, is for the log only.
 */
public final class ProfileException extends Refusal {

    private static final long serialVersionUID = 1L;
    private final String file;
    private final String problem;

    ProfileException(String file, String problem, Throwable cause) {
        super("interview.error.profileUnusable", cause, Objects.requireNonNull(file, "file"), Objects.requireNonNull(problem, "problem"));
        this.file = file;
        this.problem = problem;
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
