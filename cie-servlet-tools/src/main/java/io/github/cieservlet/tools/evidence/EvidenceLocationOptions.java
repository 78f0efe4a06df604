package io.github.cieservlet.tools.evidence;

import io.github.cieservlet.evidence.EvidenceSource;
import io.github.cieservlet.evidence.FileEvidenceSource;
import io.github.cieservlet.evidence.JdbcEvidenceStore;
import io.github.cieservlet.tools.Args;
import io.github.cieservlet.tools.Env;
import io.github.cieservlet.tools.Option;
import io.github.cieservlet.tools.ToolException;
import io.github.cieservlet.tools.UsageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The options that name an evidence store: a directory, or a database by JDBC URL, user and password. */
final class EvidenceLocationOptions {

    static final Option DIR = Option.value("dir", "DIRECTORY",
            "an evidence directory (cie.evidence=file:...) or an export made by export-evidence");
    static final Option JDBC_URL = Option.value("jdbc-url", "URL",
            "the evidence database, e.g. jdbc:postgresql://db.example.it/portale (PostgreSQL driver included;"
                    + " for another database put its driver on the class path)");
    static final Option USER = Option.value("user", "NAME", "database user (with --jdbc-url)");
    static final Option PASSWORD_ENV = Option.value("db-password-env", "NAME",
            "read the database password from environment variable NAME (with --jdbc-url)");
    static final List<Option> OPTIONS = List.of(DIR, JDBC_URL, USER, PASSWORD_ENV);

    private EvidenceLocationOptions() {
    }

    /**
     * @param args the command's arguments
     * @param env where the password variable is read
     * @return the source the arguments name
     * @throws UsageException when neither or both of --dir and --jdbc-url are given
     * @throws ToolException when the directory does not exist or the password variable is not set
     */
    static EvidenceSource open(Args args, Env env) throws UsageException, ToolException {
        boolean dir = args.value(DIR.name()).isPresent();
        boolean jdbc = args.value(JDBC_URL.name()).isPresent();
        if (dir == jdbc) {
            throw new UsageException("give exactly one of --dir and --jdbc-url");
        }
        if (dir) {
            Path directory = Path.of(args.required(DIR.name()));
            if (!Files.isDirectory(directory)) {
                throw new ToolException(directory + " is not a directory");
            }
            return new FileEvidenceSource(directory);
        }
        String url = args.required(JDBC_URL.name());
        Properties properties = new Properties();
        args.value(USER.name()).ifPresent(user -> properties.setProperty("user", user));
        if (args.value(PASSWORD_ENV.name()).isPresent()) {
            String name = args.required(PASSWORD_ENV.name());
            String password = env.variables().get(name);
            if (password == null || password.isEmpty()) {
                throw new ToolException("environment variable " + name + " (from --db-password-env) is not set or empty");
            }
            properties.setProperty("password", password);
        }
        return new JdbcEvidenceStore(new DriverManagerDataSource(url, properties), url, Clock.systemUTC());
    }

    /** The few DataSource methods the store uses, over {@link DriverManager}. */
    private static final class DriverManagerDataSource implements DataSource {
        private final String url;
        private final Properties properties;

        DriverManagerDataSource(String url, Properties properties) {
            this.url = url;
            this.properties = properties;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, properties);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("use --user and --db-password-env");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // no driver logging
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
