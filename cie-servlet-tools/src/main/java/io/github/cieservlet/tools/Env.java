package io.github.cieservlet.tools;

import java.io.Console;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may take from its surroundings besides its arguments: environment variables and an
 * interactive password prompt. Tests pass their own, so they never touch the real environment.
 */
public interface Env {

    /** @return the environment variables */
    Map<String, String> variables();

    /**
     * Asks the user for a secret without echoing it.
     *
     * @param prompt what to ask
     * @return the answer, or empty when there is no interactive console
     */
    Optional<char[]> readPassword(String prompt);

    /** @return this process's environment and {@link System#console()} */
    static Env system() {
        return new Env() {
            @Override
            public Map<String, String> variables() {
                return System.getenv();
            }

            @Override
            public Optional<char[]> readPassword(String prompt) {
                Console console = System.console();
                return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
            }
        };
    }
}
