package io.github.cieservlet.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the tool in-process through {@link Main#run} and captures what it prints.
 *
 * @param exitCode the exit code
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record Cli(int exitCode, String out, String err) {

    /**
     * @param env the environment
     * @param args the command line
     * @return the outcome
     */
    public static Cli run(Env env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return the ids of the rules the output reports as failed */
    public Set<String> failedRules() {
        return rules("FAIL");
    }

    /** @return the ids of the rules the output reports as passed with a warning */
    public Set<String> warnedRules() {
        return rules("WARN");
    }

    /** @return the ids of the rules the output reports as passed */
    public Set<String> passedRules() {
        return rules("PASS");
    }

    private Set<String> rules(String status) {
        return Arrays.stream(out.split("\\R")).filter(line -> line.startsWith(status + " "))
                .map(line -> line.substring(status.length()).trim().split("\\s+")[0]).collect(Collectors.toSet());
    }
}
