package io.github.cieservlet.tools.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.saml.EnvelopedSignatureVerifier;
import io.github.cieservlet.saml.SecureXml;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.tools.Cli;
import io.github.cieservlet.tools.ExitCode;
import io.github.cieservlet.tools.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;

class MetadataCommandTest {

    private static final String SECRET = "keystore-secret-1";
    private static final TestEnv ENV = TestEnv.of(Map.of("CIE_KEYSTORE_SECRET", SECRET));
    private static final String ENTITY_ID = "https://portale.comune.example.it/cie";

    @TempDir
    Path dir;
    private Path keystore;

    @BeforeEach
    void keystore() throws Exception {
        keystore = Files.write(dir.resolve("sp.p12"), TestCredentials.pkcs12(TestCredentials.sp(), "sp", SECRET.toCharArray()));
    }

    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("cie.environment", "preproduction");
        params.put("cie.entityId", ENTITY_ID);
        params.put("cie.publicBaseUrl", "https://portale.comune.example.it/servizi");
        params.put("cie.keystore", keystore.toString());
        params.put("cie.keystorePassword", "${env:CIE_KEYSTORE_SECRET}");
        params.put("cie.organizationName", "Comune di Esempio");
        params.put("cie.organizationDisplayName", "Comune di Esempio");
        params.put("cie.organizationUrl", "https://www.comune.example.it");
        params.put("cie.subjectType", "public");
        params.put("cie.ipaCode", "c_x999");
        params.put("cie.municipality", "X000");
        params.put("cie.contactEmail", "protocollo@comune.example.it");
        // A class of the web application, absent from the tool: it must not stop the metadata.
        params.put("cie.authenticationListeners", "it.comune.example.AuditListener");
        return params;
    }

    private Path webXml(Map<String, String> params) throws Exception {
        String body = params.entrySet().stream().map(e -> "  <context-param><param-name>" + e.getKey()
                + "</param-name><param-value>" + e.getValue() + "</param-value></context-param>")
                .collect(Collectors.joining("\n"));
        return Files.writeString(dir.resolve("web.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n" + body + "\n</web-app>\n");
    }

    private Path properties(Map<String, String> params) throws Exception {
        String body = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n"));
        return Files.writeString(dir.resolve("cie.properties"), body + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void fromWebXmlToAFileThatPassesTheCheck() throws Exception {
        Path out = dir.resolve("metadata.xml");
        Cli cli = Cli.run(ENV, "metadata", "--web-xml", webXml(params()).toString(), "--out", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("Wrote the signed metadata of " + ENTITY_ID + " for preproduction", "check-metadata");

        byte[] xml = Files.readAllBytes(out);
        EntityDescriptor entity = SecureXml.parse(xml, EntityDescriptor.class);
        assertThat(entity.getEntityID()).isEqualTo(ENTITY_ID);
        assertThat(EnvelopedSignatureVerifier.isValid(entity, List.of(TestCredentials.sp().certificate()))).isTrue();

        Cli check = Cli.run(ENV, "check-metadata", out.toString());
        assertThat(check.exitCode()).as(check.out()).isEqualTo(ExitCode.OK);
    }

    @Test
    void fromPropertiesToStandardOutput() throws Exception {
        Cli cli = Cli.run(ENV, "metadata", "--properties", properties(params()).toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
        EntityDescriptor entity = SecureXml.parse(cli.out().getBytes(StandardCharsets.UTF_8), EntityDescriptor.class);
        assertThat(entity.getEntityID()).isEqualTo(ENTITY_ID);
        assertThat(entity.getOrganization().getOrganizationNames().get(0).getValue()).isEqualTo("Comune di Esempio");
    }

    @Test
    void environmentVariablesOverrideTheFileAsInTheWebApplication() throws Exception {
        TestEnv env = TestEnv.of(Map.of("CIE_KEYSTORE_SECRET", SECRET, "CIE_ENTITY_ID", "https://altro.example.it/cie"));
        Cli cli = Cli.run(env, "metadata", "--properties", properties(params()).toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("entityID=\"https://altro.example.it/cie\"");
    }

    @Test
    void localEnvironmentOnLocalhostPassesTheCheckWithAWarning() throws Exception {
        Map<String, String> params = params();
        params.put("cie.publicBaseUrl", "http://localhost:8080");
        Path out = dir.resolve("local.xml");
        Cli cli = Cli.run(ENV, "metadata", "--properties", properties(params).toString(), "--environment", "local",
                "--out", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
        Cli check = Cli.run(ENV, "check-metadata", out.toString());
        assertThat(check.exitCode()).as(check.out()).isEqualTo(ExitCode.OK);
        assertThat(check.warnedRules()).containsExactly("acs");
    }

    @Test
    void everyConfigurationProblemIsListed() throws Exception {
        Map<String, String> params = params();
        params.remove("cie.entityId");
        params.put("cie.municipality", "roma");
        params.put("cie.colour", "blue");
        Cli cli = Cli.run(ENV, "metadata", "--properties", properties(params).toString(), "--environment", "nowhere");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
        assertThat(cli.err()).contains("cie.entityId: is missing", "cie.municipality", "cie.colour", "cie.environment")
                .doesNotContain("\tat ");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void missingKeystorePasswordVariableIsReported() throws Exception {
        Cli cli = Cli.run(TestEnv.of(Map.of()), "metadata", "--web-xml", webXml(params()).toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
        assertThat(cli.err()).contains("CIE_KEYSTORE_SECRET");
    }

    @Test
    void webXmlWithDoctypeIsRefused() throws Exception {
        Path webXml = Files.writeString(dir.resolve("web.xml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE web-app [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<web-app><context-param><param-name>cie.entityId</param-name><param-value>&secret;</param-value>"
                + "</context-param></web-app>");
        Cli cli = Cli.run(ENV, "metadata", "--web-xml", webXml.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
        assertThat(cli.err()).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void exactlyOneSourceOfSettings() throws Exception {
        assertThat(Cli.run(ENV, "metadata").exitCode()).isEqualTo(ExitCode.USAGE);
        Path props = properties(params());
        Path web = webXml(params());
        assertThat(Cli.run(ENV, "metadata", "--web-xml", web.toString(), "--properties", props.toString()).exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void withSpidTheSpidMetadataIsProducedAndPassesItsProfile() throws Exception {
        Map<String, String> params = params();
        params.put("cie.schemes", "cie spid eidas");
        Path out = dir.resolve("spid-metadata.xml");
        Cli cli = Cli.run(ENV, "metadata", "--properties", properties(params).toString(), "--spid", "--out", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("check-metadata --profile ficep " + out).contains("AgID");
        assertThat(Files.readString(out)).contains("https://spid.gov.it/saml-extensions")
                .contains("eIDAS Natural Person Full Attribute Set");
        Cli check = Cli.run(ENV, "check-metadata", "--profile", "ficep", out.toString());
        assertThat(check.exitCode()).as(check.out()).isEqualTo(ExitCode.OK);
    }

    @Test
    void spidWithoutSpidOrEidasInTheSchemesIsAUsageError() throws Exception {
        Cli cli = Cli.run(ENV, "metadata", "--properties", properties(params()).toString(), "--spid");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--spid needs spid or eidas in cie.schemes (it is cie)");
    }
}
