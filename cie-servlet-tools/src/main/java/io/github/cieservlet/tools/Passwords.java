package io.github.cieservlet.tools;

import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a keystore password from the environment variable named by {@code --password-env}, or else from the
 * console. A password is never taken from the command line, where other users and the shell history see it.
 */
public final class Passwords {

    /** The option that names the environment variable holding the password. */
    public static final Option OPTION = Option.value("password-env", "NAME",
            "read the keystore password from environment variable NAME (default: ask on the console)");

    /** Shortest password accepted for a new keystore. */
    public static final int MIN_NEW_LENGTH = 8;

    private Passwords() {
    }

    /**
     * @param args the arguments, possibly with {@code --password-env}
     * @param env where to read it
     * @return the password of an existing keystore
     * @throws UsageException when no password source is available
     * @throws ToolException when the named variable is not set
     */
    public static char[] existing(Args args, Env env) throws UsageException, ToolException {
        Optional<char[]> fromEnv = fromEnvironment(args, env);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        return env.readPassword("Keystore password: ").orElseThrow(Passwords::noConsole);
    }

    /**
     * @param args the arguments, possibly with {@code --password-env}
     * @param env where to read it
     * @return the password for a new keystore, asked twice on the console
     * @throws UsageException when no password source is available
     * @throws ToolException when the password is missing, too short or not confirmed
     */
    public static char[] fresh(Args args, Env env) throws UsageException, ToolException {
        char[] password;
        Optional<char[]> fromEnv = fromEnvironment(args, env);
        if (fromEnv.isPresent()) {
            password = fromEnv.get();
        } else {
            password = env.readPassword("New keystore password: ").orElseThrow(Passwords::noConsole);
            char[] again = env.readPassword("Repeat the password: ").orElseThrow(Passwords::noConsole);
            boolean same = Arrays.equals(password, again);
            Arrays.fill(again, '\0');
            if (!same) {
                throw new ToolException("the two passwords differ; nothing was written");
            }
        }
        if (password.length < MIN_NEW_LENGTH) {
            throw new ToolException("the keystore password must be at least " + MIN_NEW_LENGTH + " characters");
        }
        return password;
    }

    private static Optional<char[]> fromEnvironment(Args args, Env env) throws ToolException {
        Optional<String> name = args.value(OPTION.name());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String value = env.variables().get(name.get());
        if (value == null || value.isEmpty()) {
            throw new ToolException("environment variable " + name.get() + " (from --password-env) is not set"
                    + " or empty");
        }
        return Optional.of(value.toCharArray());
    }

    private static UsageException noConsole() {
        return new UsageException("no console to ask the keystore password: run interactively, or put the"
                + " password in an environment variable and name it with --password-env, e.g."
                + " --password-env CIE_KEYSTORE_SECRET");
    }
}
