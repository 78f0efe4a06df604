package io.github.cieservlet.evidence;

import java.util.Locale;

/**
 * The few column types that differ between databases; everything else the stores send is portable SQL
 * (no sequences, no MERGE, no vendor locking syntax). Chosen from the JDBC driver's product name.
 */
enum SqlDialect {
    POSTGRESQL("BIGINT", "TEXT"),
    ORACLE("NUMBER(19)", "CLOB"),
    MYSQL("BIGINT", "LONGTEXT"),
    SQL_SERVER("BIGINT", "NVARCHAR(MAX)"),
    STANDARD("BIGINT", "CLOB");

    private final String bigint;
    private final String text;

    SqlDialect(String bigint, String text) {
        this.bigint = bigint;
        this.text = text;
    }

    /**
     * @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
     * @return the dialect
     */
    static SqlDialect of(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("oracle")) {
            return ORACLE;
        }
        if (name.contains("mysql") || name.contains("mariadb")) {
            return MYSQL;
        }
        if (name.contains("microsoft") || name.contains("sql server")) {
            return SQL_SERVER;
        }
        return STANDARD;
    }

    /** @return the 64-bit integer type */
    String bigint() {
        return bigint;
    }

    /** @return the unbounded text type */
    String text() {
        return text;
    }
}
