package io.github.cieservlet.config;

import java.util.Objects;

/** One thing wrong with the configuration: the param concerned and a message that says how to fix it. */
public final class ConfigProblem {

    private final String param;
    private final String message;

    /**
     * @param param the {@code cie.*} name concerned
     * @param message what is wrong and how to fix it
     */
    public ConfigProblem(String param, String message) {
        this.param = Objects.requireNonNull(param, "param");
        this.message = Objects.requireNonNull(message, "message");
    }

    /** @return the {@code cie.*} name concerned */
    public String param() {
        return param;
    }

    /** @return what is wrong and how to fix it */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return param + ": " + message;
    }
}
