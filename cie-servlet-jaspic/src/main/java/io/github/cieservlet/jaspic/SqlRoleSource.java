package io.github.cieservlet.jaspic;

import io.github.cieservlet.CieIdentity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A citizen's roles from the application's database: {@code cie.rolesQuery} (one {@code ?}, bound to the fiscal
 * code, e.g. {@code SELECT role FROM user_roles WHERE fiscal_code = ?}) run on the DataSource named by
 * {@code cie.rolesDataSource}; the first column of each row is a role.
 */
public final class SqlRoleSource implements CieRoleSource {

    private final Supplier<DataSource> dataSource;
    private final String query;

    /**
     * @param dataSource the DataSource, looked up at first use (JNDI)
     * @param query the SQL, with one parameter
     */
    public SqlRoleSource(Supplier<DataSource> dataSource, String query) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.query = Objects.requireNonNull(query, "query");
    }

    @Override
    public Set<String> rolesOf(CieIdentity citizen) throws SQLException {
        Set<String> roles = new LinkedHashSet<>();
        try (Connection connection = dataSource.get().getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, citizen.getUserId());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String role = rows.getString(1);
                    if (role != null && !role.isBlank()) {
                        roles.add(role.trim());
                    }
                }
            }
        }
        return roles;
    }

    @Override
    public String toString() {
        return "SQL query " + query;
    }
}
