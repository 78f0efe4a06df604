package io.github.cieservlet.logging;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A named logger of the library over the JDK's {@code java.util.logging}, which Tomcat's JULI and WildFly's log
 * manager both capture, so the lines land in {@code catalina.out} and {@code server.log} with no logging setup in
 * the application; SLF4J is not needed. Each line names the class and method that logged it as its source. Messages take {@code {}}
 * placeholders, filled in order; a {@link Throwable} given as the last argument is logged as the cause. The text
 * is formatted here, never by {@link java.text.MessageFormat}, so quotes and braces in values stay as they are.
 */
public final class Log {

    /** The category of raw protocol messages (requests and responses), off unless set to DEBUG/FINE. */
    public static final String PROTOCOL = "io.github.cieservlet.PROTOCOL";

    private static final StackWalker STACK = StackWalker.getInstance();

    private final Logger logger;

    private Log(Logger logger) {
        this.logger = logger;
    }

    /**
     * @param owner the class that logs
     * @return its logger, named after the class
     */
    public static Log of(Class<?> owner) {
        return new Log(Logger.getLogger(owner.getName()));
    }

    /**
     * @param name a logger name, such as {@link #PROTOCOL}
     * @return the logger of that name
     */
    public static Log named(String name) {
        return new Log(Logger.getLogger(name));
    }

    /** @return whether DEBUG lines are written */
    public boolean isDebugEnabled() {
        return logger.isLoggable(Level.FINE);
    }

    /**
     * @param pattern the message, with {@code {}} placeholders
     * @param args the values, and optionally a cause last
     */
    public void debug(String pattern, Object... args) {
        log(Level.FINE, pattern, args);
    }

    /**
     * @param pattern the message, with {@code {}} placeholders
     * @param args the values, and optionally a cause last
     */
    public void info(String pattern, Object... args) {
        log(Level.INFO, pattern, args);
    }

    /**
     * @param pattern the message, with {@code {}} placeholders
     * @param args the values, and optionally a cause last
     */
    public void warn(String pattern, Object... args) {
        log(Level.WARNING, pattern, args);
    }

    /**
     * @param pattern the message, with {@code {}} placeholders
     * @param args the values, and optionally a cause last
     */
    public void error(String pattern, Object... args) {
        log(Level.SEVERE, pattern, args);
    }

    private void log(Level level, String pattern, Object[] args) {
        if (!logger.isLoggable(level)) {
            return;
        }
        Throwable cause = args.length > 0 && args[args.length - 1] instanceof Throwable
                ? (Throwable) args[args.length - 1] : null;
        String message = format(pattern, args, cause == null ? args.length : args.length - 1);
        StackWalker.StackFrame caller = STACK.walk(frames -> frames
                .filter(frame -> !Log.class.getName().equals(frame.getClassName())).findFirst()).orElseThrow();
        logger.logp(level, caller.getClassName(), caller.getMethodName(), message, cause);
    }

    /**
     * Fills the {@code {}} placeholders of a pattern in order; placeholders without a value stay as they are.
     *
     * @param pattern the message
     * @param args the values
     * @param count how many of {@code args} are values
     * @return the message
     */
    static String format(String pattern, Object[] args, int count) {
        StringBuilder out = new StringBuilder(pattern.length() + 16 * count);
        int from = 0;
        int used = 0;
        int at = pattern.indexOf("{}");
        while (at >= 0 && used < count) {
            out.append(pattern, from, at).append(args[used++]);
            from = at + 2;
            at = pattern.indexOf("{}", from);
        }
        return out.append(pattern, from, pattern.length()).toString();
    }
}
