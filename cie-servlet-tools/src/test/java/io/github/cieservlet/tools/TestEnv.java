package io.github.cieservlet.tools;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link Env} with fixed variables and, optionally, scripted console answers. */
public final class TestEnv implements Env {

    private final Map<String, String> variables;
    private final Deque<String> answers;
    private final boolean console;

    private TestEnv(Map<String, String> variables, List<String> answers, boolean console) {
        this.variables = Map.copyOf(variables);
        this.answers = new ArrayDeque<>(answers);
        this.console = console;
    }

    /**
     * @param variables the environment variables
     * @return an environment without console
     */
    public static TestEnv of(Map<String, String> variables) {
        return new TestEnv(variables, List.of(), false);
    }

    /**
     * @param answers what the user types at each password prompt, in order
     * @return an environment with no variables and a console
     */
    public static TestEnv console(String... answers) {
        return new TestEnv(Map.of(), List.of(answers), true);
    }

    @Override
    public Map<String, String> variables() {
        return variables;
    }

    @Override
    public Optional<char[]> readPassword(String prompt) {
        return console ? Optional.ofNullable(answers.poll()).map(String::toCharArray) : Optional.empty();
    }
}
