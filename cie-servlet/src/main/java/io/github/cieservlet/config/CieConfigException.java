package io.github.cieservlet.config;

import java.util.List;

/**
 * The configuration cannot be used. Thrown once at startup with every problem found, so the integrator fixes
 * them all in one round; the message names each param and says how to fix it.
 */
public final class CieConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /** @param problems every problem found; not empty */
    public CieConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param param the param concerned
     * @param message what is wrong and how to fix it
     * @return the exception of that one problem
     */
    public static CieConfigException of(CieParam param, String message) {
        return new CieConfigException(List.of(new ConfigProblem(param.key(), message)));
    }

    /** @return the problems, in the order they were found */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder("cie-servlet cannot start: ")
                .append(problems.size()).append(problems.size() == 1 ? " configuration problem" : " configuration problems")
                .append(" (set each as a web.xml context-param, a system property of the same name, or its CIE_* environment variable)");
        for (ConfigProblem problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }
}
