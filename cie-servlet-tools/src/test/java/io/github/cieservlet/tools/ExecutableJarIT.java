package io.github.cieservlet.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar the build publishes ({@code target/cie-servlet-tools-<version>-all.jar}, classifier
 * {@code all}) as a separate process, as users do after {@code mvn dependency:copy}.
 */
class ExecutableJarIT {

    private static final Path JAR = Path.of("target", "cie-servlet-tools-" + System.getProperty("project.version",
            "0.1.0-SNAPSHOT") + "-all.jar");

    @TempDir
    Path dir;

    @Test
    void helpStarts() throws Exception {
        Result result = java("--help");
        assertThat(result.exitCode()).as(result.output()).isEqualTo(0);
        assertThat(result.output()).contains("keygen", "check-cert", "metadata", "check-metadata");
    }

    @Test
    void openSamlInitialisesInsideTheShadedJar() throws Exception {
        // check-metadata bootstraps OpenSAML, which finds its configuration through META-INF/services.
        Path metadata = Files.writeString(dir.resolve("m.xml"), "<md:EntityDescriptor"
                + " xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://sp.example.it\"/>");
        Result result = java("check-metadata", metadata.toString());
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("FAIL  signature").doesNotContain("Exception");
    }

    private Result java(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("run 'verify' so the package phase builds the jar").exists();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
