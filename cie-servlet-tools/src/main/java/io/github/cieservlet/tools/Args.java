package io.github.cieservlet.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line of one command: {@code --name value} or {@code --name=value} options, flags, and
 * operands. Only the options the command declares are accepted, each at most once.
 */
public final class Args {

    private final Map<String, String> values;
    private final Set<String> flags;
    private final List<String> operands;

    private Args(Map<String, String> values, Set<String> flags, List<String> operands) {
        this.values = values;
        this.flags = flags;
        this.operands = operands;
    }

    /**
     * @param tokens the arguments after the command name
     * @param options the options the command accepts
     * @return the parsed arguments
     * @throws UsageException on an unknown, repeated or value-less option
     */
    public static Args parse(List<String> tokens, List<Option> options) throws UsageException {
        Map<String, Option> known = new HashMap<>();
        options.forEach(option -> known.put(option.name(), option));
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!token.startsWith("--") || "--".equals(token)) {
                operands.add(token);
                continue;
            }
            int equals = token.indexOf('=');
            String name = token.substring(2, equals < 0 ? token.length() : equals);
            Option option = known.get(name);
            if (option == null) {
                throw new UsageException("unknown option --" + name);
            }
            if (values.containsKey(name) || flags.contains(name)) {
                throw new UsageException("option --" + name + " is given twice");
            }
            if (option.isFlag()) {
                if (equals >= 0) {
                    throw new UsageException("option --" + name + " takes no value");
                }
                flags.add(name);
            } else if (equals >= 0) {
                values.put(name, token.substring(equals + 1));
            } else if (i + 1 < tokens.size()) {
                values.put(name, tokens.get(++i));
            } else {
                throw new UsageException("option --" + name + " needs a value (" + option.argument() + ")");
            }
        }
        return new Args(values, flags, operands);
    }

    /**
     * @param name an option name
     * @return its value, or empty when not given
     */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * @param name an option name
     * @return its value
     * @throws UsageException when it is not given
     */
    public String required(String name) throws UsageException {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("option --" + name + " is required");
        }
        return value;
    }

    /**
     * @param name an option name
     * @param min smallest value allowed
     * @param max largest value allowed
     * @param defaultValue the value when the option is not given
     * @return the option as a whole number
     * @throws UsageException when it is not a whole number within the range
     */
    public int integer(String name, int min, int max, int defaultValue) throws UsageException {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option --" + name + " must be a whole number from " + min + " to " + max
                + ", not '" + text + "'");
    }

    /**
     * @param name a flag name
     * @return whether it is given
     */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * @param count how many operands the command needs
     * @param what their names, for the message
     * @return the operands
     * @throws UsageException when there are more or fewer
     */
    public List<String> operands(int count, String what) throws UsageException {
        if (operands.size() != count) {
            throw new UsageException("expected " + what + ", got " + (operands.isEmpty() ? "nothing" : operands));
        }
        return List.copyOf(operands);
    }
}
