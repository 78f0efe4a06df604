package io.github.cieservlet.tools;

/** The exit codes of every command, as documented in {@code docs/tools.md}. */
public final class ExitCode {

    /** Everything done, every check passed. */
    public static final int OK = 0;
    /** A check ran and at least one rule failed. */
    public static final int CHECK_FAILED = 1;
    /** The command line is wrong: unknown command or option, missing or malformed value. */
    public static final int USAGE = 2;
    /** A file cannot be read or written, or the configuration or keystore cannot be used. */
    public static final int IO_OR_CONFIG = 3;
    /** A bug: an unexpected exception (run again with {@code --debug} and report it). */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
