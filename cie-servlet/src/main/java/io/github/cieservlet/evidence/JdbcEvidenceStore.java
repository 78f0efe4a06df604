package io.github.cieservlet.evidence;

import io.github.cieservlet.logging.Log;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Evidence in a database reached through a {@link DataSource} (the container's pool, found in JNDI). Two
 * tables, created when missing: {@code cie_evidence} (the records) and {@code cie_evidence_chain} (one row:
 * the head of the chain and the checkpoint of the last purge). An append is one transaction that locks the
 * chain row, inserts the next record and moves the head; it returns after the commit. Several nodes may share
 * the database: the row lock orders their appends into one chain.
 */
public final class JdbcEvidenceStore implements EvidenceStore {

    private static final Log LOG = Log.of(JdbcEvidenceStore.class);

    static final String RECORDS = "cie_evidence";
    static final String CHAIN = "cie_evidence_chain";
    private static final String COLUMNS = "seq, recorded_at, previous_hash, record_hash, request_id, requested_at,"
            + " received_at, idp_entity_id, outcome, error_code, fiscal_code, authn_request_xml, response_base64";

    private final DataSource dataSource;
    private final String name;
    private final Clock clock;
    private volatile boolean tablesReady;

    /**
     * @param dataSource where the tables are
     * @param name how the data source is named in log lines (e.g. its JNDI name)
     * @param clock the clock of the record times
     */
    public JdbcEvidenceStore(DataSource dataSource, String name, Clock clock) {
        this.dataSource = dataSource;
        this.name = name;
        this.clock = clock;
    }

    /**
     * Creates the tables if they are missing. Called at startup; when the database is down then, the next
     * append tries again.
     *
     * @throws EvidenceStoreException when the database cannot be reached or the tables cannot be created
     */
    public void createTablesIfMissing() throws EvidenceStoreException {
        if (tablesReady) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, CHAIN)) {
                try {
                    createTables(connection);
                } catch (SQLException e) {
                    // Another node may have created them at the same moment.
                    if (!exists(connection, CHAIN)) {
                        throw e;
                    }
                }
            }
            tablesReady = true;
        } catch (SQLException e) {
            throw failure("cannot create the evidence tables", e);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), null, candidate, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void createTables(Connection connection) throws SQLException {
        SqlDialect dialect = SqlDialect.of(connection.getMetaData().getDatabaseProductName());
        String bigint = dialect.bigint();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE " + RECORDS + " (seq " + bigint + " NOT NULL PRIMARY KEY,"
                    + " recorded_at " + bigint + " NOT NULL, previous_hash VARCHAR(64) NOT NULL,"
                    + " record_hash VARCHAR(64) NOT NULL, request_id VARCHAR(256), requested_at " + bigint + ","
                    + " received_at " + bigint + " NOT NULL, idp_entity_id VARCHAR(1024), outcome VARCHAR(16) NOT NULL,"
                    + " error_code VARCHAR(64), fiscal_code VARCHAR(64), authn_request_xml " + dialect.text() + ","
                    + " response_base64 " + dialect.text() + " NOT NULL)");
            statement.executeUpdate("CREATE INDEX " + RECORDS + "_fiscal ON " + RECORDS + " (fiscal_code)");
            statement.executeUpdate("CREATE INDEX " + RECORDS + "_time ON " + RECORDS + " (recorded_at)");
            statement.executeUpdate("CREATE TABLE " + CHAIN + " (id INTEGER NOT NULL PRIMARY KEY,"
                    + " head_seq " + bigint + " NOT NULL, head_hash VARCHAR(64) NOT NULL,"
                    + " purged_seq " + bigint + " NOT NULL, purged_hash VARCHAR(64) NOT NULL,"
                    + " purged_at " + bigint + " NOT NULL)");
            statement.executeUpdate("INSERT INTO " + CHAIN + " (id, head_seq, head_hash, purged_seq, purged_hash,"
                    + " purged_at) VALUES (1, 0, '" + EvidenceRecord.GENESIS + "', 0, '" + EvidenceRecord.GENESIS
                    + "', 0)");
            connection.commit();
            LOG.info("Created the evidence tables {} and {} in {} ({})", RECORDS, CHAIN, name, dialect);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    @Override
    public EvidenceRecord append(EvidenceEntry entry) throws EvidenceStoreException {
        createTablesIfMissing();
        try (Connection connection = dataSource.getConnection()) {
            return inTransaction(connection, () -> {
                ChainLink head = lockHead(connection);
                EvidenceRecord record = EvidenceRecord.chain(head.seq() + 1, clock.instant(), head.hash(), entry);
                insert(connection, record);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE " + CHAIN + " SET head_seq = ?, head_hash = ? WHERE id = 1")) {
                    update.setLong(1, record.seq());
                    update.setString(2, record.hash());
                    update.executeUpdate();
                }
                return record;
            });
        } catch (SQLException e) {
            throw failure("cannot record evidence", e);
        }
    }

    /** Locks the chain row (a no-op UPDATE: portable row locking) and reads the head under the lock. */
    private static ChainLink lockHead(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (statement.executeUpdate("UPDATE " + CHAIN + " SET head_seq = head_seq WHERE id = 1") != 1) {
                throw new SQLException(CHAIN + " has no row 1: the table was altered");
            }
            try (ResultSet row = statement.executeQuery("SELECT head_seq, head_hash FROM " + CHAIN + " WHERE id = 1")) {
                row.next();
                return new ChainLink(row.getLong(1), row.getString(2));
            }
        }
    }

    private static void insert(Connection connection, EvidenceRecord record) throws SQLException {
        EvidenceEntry e = record.entry();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + RECORDS + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, record.seq());
            insert.setLong(2, record.recordedAt().toEpochMilli());
            insert.setString(3, record.previousHash());
            insert.setString(4, record.hash());
            insert.setString(5, e.requestId());
            setTime(insert, 6, e.requestedAt());
            insert.setLong(7, e.receivedAt().toEpochMilli());
            insert.setString(8, e.idpEntityId());
            insert.setString(9, e.outcome().name());
            insert.setString(10, e.errorCode());
            insert.setString(11, e.fiscalCode());
            insert.setString(12, e.authnRequestXml());
            insert.setString(13, e.responseBase64());
            insert.executeUpdate();
        }
    }

    private static void setTime(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, instant.toEpochMilli());
        }
    }

    @Override
    public Optional<Checkpoint> purgeRecordedBefore(Instant cutoff) throws EvidenceStoreException {
        createTablesIfMissing();
        try (Connection connection = dataSource.getConnection()) {
            return inTransaction(connection, () -> {
                ChainLink head = lockHead(connection);
                Checkpoint current = readCheckpoint(connection);
                long keepFrom;
                try (PreparedStatement first = connection.prepareStatement(
                        "SELECT MIN(seq) FROM " + RECORDS + " WHERE recorded_at >= ?")) {
                    first.setLong(1, cutoff.toEpochMilli());
                    try (ResultSet row = first.executeQuery()) {
                        row.next();
                        long min = row.getLong(1);
                        keepFrom = row.wasNull() ? head.seq() + 1 : min;
                    }
                }
                long last = keepFrom - 1;
                if (last <= current.seq()) {
                    return Optional.<Checkpoint>empty();
                }
                String hash;
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT record_hash FROM " + RECORDS + " WHERE seq = ?")) {
                    select.setLong(1, last);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            throw new SQLException("record " + last + " is missing; run verify-evidence");
                        }
                        hash = row.getString(1);
                    }
                }
                Checkpoint checkpoint = new Checkpoint(last, hash, clock.instant());
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + RECORDS + " WHERE seq <= ?");
                        PreparedStatement update = connection.prepareStatement("UPDATE " + CHAIN
                                + " SET purged_seq = ?, purged_hash = ?, purged_at = ? WHERE id = 1")) {
                    delete.setLong(1, last);
                    delete.executeUpdate();
                    update.setLong(1, checkpoint.seq());
                    update.setString(2, checkpoint.hash());
                    update.setLong(3, checkpoint.purgedAt().toEpochMilli());
                    update.executeUpdate();
                }
                return Optional.of(checkpoint);
            });
        } catch (SQLException e) {
            throw failure("cannot purge evidence", e);
        }
    }

    private static Checkpoint readCheckpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT purged_seq, purged_hash, purged_at FROM " + CHAIN + " WHERE id = 1")) {
            if (!row.next()) {
                throw new SQLException(CHAIN + " has no row 1: the table was altered");
            }
            return new Checkpoint(row.getLong(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3)));
        }
    }

    @Override
    public Checkpoint checkpoint() throws EvidenceStoreException {
        try (Connection connection = dataSource.getConnection()) {
            return readCheckpoint(connection);
        } catch (SQLException e) {
            throw failure("cannot read the evidence checkpoint", e);
        }
    }

    @Override
    public Optional<ChainLink> head() throws EvidenceStoreException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT head_seq, head_hash FROM " + CHAIN + " WHERE id = 1")) {
            return row.next() ? Optional.of(new ChainLink(row.getLong(1), row.getString(2))) : Optional.empty();
        } catch (SQLException e) {
            throw failure("cannot read the evidence head", e);
        }
    }

    @Override
    public void forEach(EvidenceQuery query, RecordVisitor visitor) throws EvidenceStoreException {
        String where = query.fiscalCode() != null ? " WHERE fiscal_code = ?"
                : query.from() != null ? " WHERE recorded_at >= ? AND recorded_at < ?" : "";
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // lets drivers such as PostgreSQL's stream the rows
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM " + RECORDS + where + " ORDER BY seq")) {
                select.setFetchSize(100);
                if (query.fiscalCode() != null) {
                    select.setString(1, query.fiscalCode());
                } else if (query.from() != null) {
                    select.setLong(1, query.from().toEpochMilli());
                    select.setLong(2, query.to().toEpochMilli());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        visitor.visit(read(rows));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("cannot read evidence", e);
        }
    }

    private static EvidenceRecord read(ResultSet row) throws SQLException {
        EvidenceOutcome outcome;
        try {
            outcome = EvidenceOutcome.valueOf(row.getString("outcome"));
        } catch (IllegalArgumentException | NullPointerException e) {
            outcome = EvidenceOutcome.REFUSED; // an altered outcome: the hash check reports the record
        }
        EvidenceEntry entry = EvidenceEntry.stored(row.getString("request_id"), row.getString("authn_request_xml"),
                row.getString("response_base64"), outcome, row.getString("error_code"), time(row, "requested_at"),
                time(row, "received_at"), row.getString("fiscal_code"), row.getString("idp_entity_id"));
        return EvidenceRecord.stored(row.getLong("seq"), time(row, "recorded_at"), row.getString("previous_hash"),
                entry, row.getString("record_hash"));
    }

    private static Instant time(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** Work done in one transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private EvidenceStoreException failure(String what, SQLException e) {
        return new EvidenceStoreException(what + " in " + name + ": " + e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"), e);
    }

    @Override
    public String description() {
        return "database " + name;
    }

    @Override
    public void close() {
        // The DataSource belongs to the container.
    }
}
