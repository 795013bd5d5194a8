package org.harbor.cli;

/** A refusal with a one-line reason for standard error; exit code 1. */
final class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }
}
