package io.github.cieservlet.jaspic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cieservlet.CieIdentity;
import io.github.cieservlet.CieLevel;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The roles query on a real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlRoleSourceTest {

    private EmbeddedPostgres postgres;
    private DataSource dataSource;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE user_roles (fiscal_code varchar(16), role varchar(40))");
            sql.execute("INSERT INTO user_roles VALUES ('RSSMRA80A01H501U', 'admin'), ('RSSMRA80A01H501U', 'operatore'),"
                    + " ('VRDBNC92E57F205E', 'operatore'), ('RSSMRA80A01H501U', NULL)");
        }
    }

    @AfterAll
    void stop() throws Exception {
        postgres.close();
    }

    static CieIdentity citizen(String fiscalCode) {
        return CieIdentity.builder().name("MARIO").familyName("ROSSI").dateOfBirth(LocalDate.of(1980, 1, 1))
                .fiscalNumber(CieIdentity.FISCAL_NUMBER_PREFIX + fiscalCode).level(CieLevel.L3).nameId("n")
                .nameIdQualifier("q").sessionIndex("s").authnInstant(Instant.EPOCH).idpEntityId("idp").build();
    }

    @Test
    void eachRowOfTheCitizenIsARole() throws Exception {
        SqlRoleSource source = new SqlRoleSource(() -> dataSource,
                "SELECT role FROM user_roles WHERE fiscal_code = ? ORDER BY role");
        assertThat(source.rolesOf(citizen("RSSMRA80A01H501U"))).containsExactly("admin", "operatore");
        assertThat(source.rolesOf(citizen("VRDBNC92E57F205E"))).containsExactly("operatore");
        assertThat(source.rolesOf(citizen("XXXXXX00X00X000X"))).isEmpty();
    }

    @Test
    void theFiscalCodeIsBoundNeverPastedIntoTheSql() throws Exception {
        SqlRoleSource source = new SqlRoleSource(() -> dataSource, "SELECT role FROM user_roles WHERE fiscal_code = ?");
        assertThat(source.rolesOf(citizen("' OR '1'='1"))).isEmpty();
    }

    @Test
    void aBrokenQueryFailsWithTheDatabasesReason() {
        SqlRoleSource source = new SqlRoleSource(() -> dataSource, "SELECT role FROM no_such_table WHERE fiscal_code = ?");
        assertThatThrownBy(() -> source.rolesOf(citizen("RSSMRA80A01H501U"))).isInstanceOf(SQLException.class)
                .hasMessageContaining("no_such_table");
    }
}
