package io.github.cieservlet.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Collects the java.util.logging lines of one logger while open (try-with-resources). */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    /**
     * @param owner the class whose logger to capture
     * @return the capture, started
     */
    public static LogCapture of(Class<?> owner) {
        return new LogCapture(Logger.getLogger(owner.getName()));
    }

    /**
     * @param level a level
     * @return the messages (formatted by the library's Log) logged at exactly that level
     */
    public List<String> lines(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage)
                .collect(Collectors.toList());
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
