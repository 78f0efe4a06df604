package io.github.cieservlet.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LogTest {

    @Test
    void fillsPlaceholdersInOrderAndLeavesQuotesAndExtraBracesAlone() {
        assertThat(Log.format("a {} b {} c {}", new Object[] {"x", 2}, 2)).isEqualTo("a x b 2 c {}");
        assertThat(Log.format("the IdP's key '{}'", new Object[] {"{0}"}, 1)).isEqualTo("the IdP's key '{0}'");
        assertThat(Log.format("no placeholders", new Object[] {"x"}, 1)).isEqualTo("no placeholders");
    }

    @Test
    void linesReachJavaUtilLoggingWithTheirLevelAndCause() {
        Logger jul = Logger.getLogger("io.github.cieservlet.logging.LogTest.probe");
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        jul.setLevel(Level.ALL);
        try {
            Log log = Log.named("io.github.cieservlet.logging.LogTest.probe");
            IllegalStateException cause = new IllegalStateException("boom");
            log.warn("refused {} ({})", "CIE-X", "it's bad");
            log.error("failed {}", "once", cause);
            log.debug("detail {}", 1);
            assertThat(log.isDebugEnabled()).isTrue();
        } finally {
            jul.removeHandler(handler);
        }
        assertThat(records).extracting(LogRecord::getLevel).containsExactly(Level.WARNING, Level.SEVERE, Level.FINE);
        assertThat(records.get(0).getMessage()).isEqualTo("refused CIE-X (it's bad)");
        // the source is the code that logged (Tomcat prints class.method), never the Log class itself
        assertThat(records.get(0).getSourceClassName()).isEqualTo(LogTest.class.getName());
        assertThat(records.get(0).getSourceMethodName()).isEqualTo("linesReachJavaUtilLoggingWithTheirLevelAndCause");
        assertThat(records.get(1).getMessage()).isEqualTo("failed once");
        assertThat(records.get(1).getThrown()).hasMessage("boom");
    }
}
