package io.github.cieservlet.tools;

import java.util.ArrayList;
import java.util.List;

/** The outcome of a check: each rule passed, failed or passed with a warning, in the order checked. */
public final class Report {

    /** The outcome of one rule. */
    public enum Status {
        /** The rule holds. */
        PASS,
        /** The rule holds, but something deserves attention. */
        WARN,
        /** The rule does not hold. */
        FAIL
    }

    /**
     * @param rule the rule
     * @param status its outcome
     * @param detail why it failed or what to watch; empty when it simply passed
     */
    public record Result(Rule rule, Status status, String detail) {
    }

    private final List<Result> results = new ArrayList<>();

    /**
     * Records that a rule holds.
     *
     * @param rule the rule
     */
    public void pass(Rule rule) {
        results.add(new Result(rule, Status.PASS, ""));
    }

    /**
     * @param rule the rule
     * @param detail what is wrong and how to fix it
     */
    public void fail(Rule rule, String detail) {
        results.add(new Result(rule, Status.FAIL, detail));
    }

    /**
     * @param rule the rule, which holds
     * @param detail what deserves attention
     */
    public void warn(Rule rule, String detail) {
        results.add(new Result(rule, Status.WARN, detail));
    }

    /**
     * Records the first problem found for a rule, or that it holds when there is none.
     *
     * @param rule the rule
     * @param problems what is wrong; empty when the rule holds
     */
    public void check(Rule rule, List<String> problems) {
        if (problems.isEmpty()) {
            pass(rule);
        } else {
            fail(rule, String.join("; ", problems));
        }
    }

    /** @return whether any rule failed */
    public boolean failed() {
        return results.stream().anyMatch(r -> r.status() == Status.FAIL);
    }

    /** @return the results, in the order checked */
    public List<Result> results() {
        return List.copyOf(results);
    }
}
