package io.github.cieservlet.web;

import java.util.Optional;

/**
 * Decides where a browser may be sent after login: only to a page of this same application, given as a path
 * relative to it. Anything that could leave the application (other hosts, {@code //host}, backslashes,
 * schemes such as {@code javascript:}, control characters) is refused, never "fixed".
 */
public final class TargetUrlPolicy {

    /** Longest target accepted. */
    public static final int MAX_LENGTH = 2048;

    private TargetUrlPolicy() {
    }

    /**
     * @param target the requested target as decoded by the container; null or empty means the home page
     * @return the target, or empty when it is not a path of this application
     */
    public static Optional<String> check(String target) {
        if (target == null || target.isEmpty()) {
            return Optional.of("/");
        }
        if (target.length() > MAX_LENGTH || target.charAt(0) != '/' || target.startsWith("//")) {
            return Optional.empty();
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return Optional.empty();
            }
        }
        return Optional.of(target);
    }
}
