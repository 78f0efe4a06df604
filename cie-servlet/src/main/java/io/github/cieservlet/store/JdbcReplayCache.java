package io.github.cieservlet.store;

import io.github.cieservlet.logging.Log;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * A {@link ReplayCache} in a database shared by every node ({@code cie.stateStore=jndi:...}): table
 * {@code cie_replay} (created when missing) with the SHA-256 of each ID as primary key, so that of two nodes
 * inserting one ID at once the database lets one win. An ID whose time is over may be used again through a
 * conditional UPDATE (also atomic). Expired rows are deleted by the first call after each sweep interval.
 * A database error is a {@link StateStoreUnavailableException}: the login fails closed.
 */
public final class JdbcReplayCache implements ReplayCache {

    private static final Log LOG = Log.of(JdbcReplayCache.class);
    static final String TABLE = "cie_replay";
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(10);

    private final DataSource dataSource;
    private final String name;
    private final Clock clock;
    private volatile boolean tableReady;
    private volatile Instant nextSweep = Instant.MIN;

    /**
     * @param dataSource the shared database
     * @param name how it is named in log lines and errors (its JNDI name)
     * @param clock the clock expiries are read against
     */
    public JdbcReplayCache(DataSource dataSource, String name, Clock clock) {
        this.dataSource = dataSource;
        this.name = name;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String id, Instant expiry) {
        String key = sha256(id);
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            createTableIfMissing(connection);
            sweepIfDue(connection, now);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + TABLE + " (id_hash, expires_at) VALUES (?, ?)")) {
                insert.setString(1, key);
                insert.setLong(2, expiry.toEpochMilli());
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!isDuplicate(e)) {
                    throw e;
                }
            }
            // Seen before: as good as new only once its own time is over (one node wins the UPDATE).
            try (PreparedStatement reuse = connection.prepareStatement(
                    "UPDATE " + TABLE + " SET expires_at = ? WHERE id_hash = ? AND expires_at < ?")) {
                reuse.setLong(1, expiry.toEpochMilli());
                reuse.setString(2, key);
                reuse.setLong(3, now.toEpochMilli());
                return reuse.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new StateStoreUnavailableException("the shared state store (cie.stateStore) in the database " + name
                    + " cannot be used: " + e.getMessage()
                    + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"), e);
        }
    }

    private static boolean isDuplicate(SQLException e) {
        // SQLState class 23 is integrity constraint violation in every major database.
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private void sweepIfDue(Connection connection, Instant now) throws SQLException {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_INTERVAL);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE expires_at < ?")) {
            delete.setLong(1, now.toEpochMilli());
            int deleted = delete.executeUpdate();
            LOG.debug("Replay cache {}: {} expired IDs deleted", name, deleted);
        }
    }

    private void createTableIfMissing(Connection connection) throws SQLException {
        if (tableReady) {
            return;
        }
        if (!exists(connection)) {
            String bigint = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("oracle") ? "NUMBER(19)" : "BIGINT";
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE " + TABLE + " (id_hash VARCHAR(64) NOT NULL PRIMARY KEY,"
                        + " expires_at " + bigint + " NOT NULL)");
                LOG.info("Created the replay cache table {} in {}", TABLE, name);
            } catch (SQLException e) {
                if (!exists(connection)) { // another node may have created it at the same moment
                    throw e;
                }
            }
        }
        tableReady = true;
    }

    private static boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : List.of(TABLE, TABLE.toUpperCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), null, candidate, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String sha256(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
