package org.harbor.cli;

import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** Which sealed cases a command takes: the ones named, or every sealed case not yet received (export, outbox release). */
final class SealedCases {

    @Option(names = "--cases", arity = "1..*", paramLabel = "ID", description = "These sealed cases.")
    List<String> cases;
    @Option(names = "--all-sealed", description = "Every sealed case not yet received.")
    boolean allSealed;

    /** The case ids chosen; {@code allSealed} lists them when --all-sealed was given. */
    List<String> ids(Supplier<List<String>> allSealed) {
        return this.allSealed ? allSealed.get() : cases;
    }
}
