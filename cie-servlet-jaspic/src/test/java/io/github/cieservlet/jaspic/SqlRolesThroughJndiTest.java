package io.github.cieservlet.jaspic;

import static io.github.cieservlet.jaspic.SqlRoleSourceTest.citizen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.eclipse.jetty.plus.jndi.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code cie.rolesDataSource} + {@code cie.rolesQuery} as the initializer builds them, through a real JNDI: a
 * PostgreSQL DataSource declared the way a Jetty web application declares one (a {@code Resource}, linked into
 * {@code java:comp/env}), found by the library's own {@code new InitialContext().lookup(...)} of the web.xml name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlRolesThroughJndiTest {

    private static final String QUERY = "SELECT role FROM user_roles WHERE fiscal_code = ? ORDER BY role";

    private EmbeddedPostgres postgres;
    private Resource resource;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DataSource dataSource = postgres.getPostgresDatabase();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE user_roles (fiscal_code varchar(16), role varchar(40))");
            sql.execute("INSERT INTO user_roles VALUES ('RSSMRA80A01H501U', 'admin'), ('RSSMRA80A01H501U', 'operatore')");
        }
        // what Jetty's EnvConfiguration does for a web application: its java:comp/env
        ((Context) new InitialContext().lookup("java:comp")).createSubcontext("env");
        resource = new Resource("jdbc/portale", dataSource);
        resource.bindToENC("jdbc/portale");
    }

    @AfterAll
    void stop() throws Exception {
        resource.release();
        postgres.close();
    }

    @Test
    void theRolesComeFromTheDataSourceBoundInJndi() throws Exception {
        SqlRoleSource source = CieJaspicInitializer.sqlRoleSource("java:comp/env/jdbc/portale", QUERY);

        assertThat(source.rolesOf(citizen("RSSMRA80A01H501U"))).containsExactly("admin", "operatore");
        assertThat(source.rolesOf(citizen("VRDBNC92E57F205E"))).isEmpty();
    }

    @Test
    void aNameWithNothingBoundFailsAtTheFirstLoginNamingTheParamAndTheName() {
        SqlRoleSource source = CieJaspicInitializer.sqlRoleSource("java:comp/env/jdbc/missing", QUERY);

        assertThatThrownBy(() -> source.rolesOf(citizen("RSSMRA80A01H501U"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cie.rolesDataSource").hasMessageContaining("java:comp/env/jdbc/missing");
    }
}
