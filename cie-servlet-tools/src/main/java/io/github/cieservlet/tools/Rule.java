package io.github.cieservlet.tools;

/** A rule a check verifies: a stable id (used in the output and the docs) and what it requires. */
public interface Rule {

    /** @return the stable id, e.g. {@code key-usage} */
    String id();

    /** @return what the rule requires, in one line */
    String description();
}
