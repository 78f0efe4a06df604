package io.github.cieservlet.tools;

import java.io.PrintStream;

/**
 * The only place the tool prints: results and documents to standard output, problems and warnings to
 * standard error, stack traces only in debug mode.
 */
public final class Output {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean debug;

    /**
     * @param out standard output
     * @param err standard error
     * @param debug whether to print stack traces
     */
    public Output(PrintStream out, PrintStream err, boolean debug) {
        this.out = out;
        this.err = err;
        this.debug = debug;
    }

    /** @param line a line of normal output */
    public void println(String line) {
        out.println(line);
    }

    /** @param text text written as is (a document) */
    public void print(String text) {
        out.print(text);
        out.flush();
    }

    /** @param message something the user should notice, although the command goes on */
    public void warn(String message) {
        err.println("WARNING: " + message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the exception behind it, printed only in debug mode; may be null
     */
    public void error(String message, Throwable cause) {
        err.println("error: " + message);
        if (debug && cause != null) {
            cause.printStackTrace(err);
        }
    }

    /**
     * Prints each rule's outcome and a summary line.
     *
     * @param subject what was checked, e.g. a file name
     * @param report the outcome
     */
    public void report(String subject, Report report) {
        out.println("Checking " + subject);
        int failed = 0;
        int warned = 0;
        for (Report.Result result : report.results()) {
            StringBuilder line = new StringBuilder(String.format("%-4s  %-28s %s", result.status(),
                    result.rule().id(), result.rule().description()));
            if (!result.detail().isEmpty()) {
                line.append(System.lineSeparator()).append("      -> ").append(result.detail());
            }
            out.println(line);
            failed += result.status() == Report.Status.FAIL ? 1 : 0;
            warned += result.status() == Report.Status.WARN ? 1 : 0;
        }
        out.println((failed == 0 ? "OK: " : "FAILED: ") + report.results().size() + " rules checked, "
                + failed + " failed, " + warned + " warnings");
    }
}
