package io.github.cieservlet.tools;

/**
 * One {@code --name} option of a command.
 *
 * @param name the option without its dashes, e.g. {@code password-env}
 * @param argument the name of its value in the help text, e.g. {@code NAME}; null for a flag
 * @param description what it does, for the help text
 */
public record Option(String name, String argument, String description) {

    /** @return whether the option is a flag without value */
    public boolean isFlag() {
        return argument == null;
    }

    /**
     * @param name the option name
     * @param description what it does
     * @return a flag
     */
    public static Option flag(String name, String description) {
        return new Option(name, null, description);
    }

    /**
     * @param name the option name
     * @param argument the name of its value
     * @param description what it does
     * @return an option with a value
     */
    public static Option value(String name, String argument, String description) {
        return new Option(name, argument, description);
    }
}
