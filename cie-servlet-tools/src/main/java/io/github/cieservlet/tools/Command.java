package io.github.cieservlet.tools;

import java.util.List;

/** One sub-command of the tool. */
public interface Command {

    /** @return the name typed after the jar, e.g. {@code keygen} */
    String name();

    /** @return one line saying what the command does */
    String summary();

    /** @return the operands in the usage line, e.g. {@code <file>}; empty when none */
    String operands();

    /** @return the options the command accepts, besides {@code --help} and {@code --debug} */
    List<Option> options();

    /** @return extra help text after the options (examples, notes); empty when none */
    String notes();

    /**
     * @param args the parsed arguments
     * @param env environment variables and password prompt
     * @param output where to print
     * @return the exit code, one of {@link ExitCode}
     * @throws UsageException when the arguments are wrong
     * @throws ToolException when a file, keystore or configuration cannot be used
     */
    int run(Args args, Env env, Output output) throws UsageException, ToolException;
}
