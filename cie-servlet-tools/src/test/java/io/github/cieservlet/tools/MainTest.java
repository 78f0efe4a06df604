package io.github.cieservlet.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    private static final TestEnv ENV = TestEnv.of(Map.of());

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Cli cli = Cli.run(ENV, "--help");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("keygen", "check-cert", "metadata", "check-metadata",
                "0 ok, 1 check failed, 2 usage error, 3 I/O or configuration error");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli cli = Cli.run(ENV);
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.out()).contains("usage:");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli cli = Cli.run(ENV, "sign-everything");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("unknown command 'sign-everything'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keygen", "check-cert", "metadata", "check-metadata"})
    void everyCommandHasHelp(String command) {
        Cli cli = Cli.run(ENV, command, "--help");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("usage: java -jar cie-servlet-tools.jar " + command, "--help", "--debug", "exit codes:");
    }

    @Test
    void unknownOptionIsAUsageErrorWithoutStackTrace() {
        Cli cli = Cli.run(ENV, "check-metadata", "--password", "secret", "x.xml");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("unknown option --password", "usage:").doesNotContain("at io.github");
    }

    @Test
    void debugPrintsTheStackTraceOfAnError() {
        Cli plain = Cli.run(ENV, "check-metadata", "does-not-exist.xml");
        Cli debug = Cli.run(ENV, "check-metadata", "does-not-exist.xml", "--debug");
        assertThat(plain.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
        assertThat(plain.err()).contains("cannot read does-not-exist.xml").doesNotContain("\tat ");
        assertThat(debug.exitCode()).isEqualTo(ExitCode.IO_OR_CONFIG);
        assertThat(debug.err()).contains("\tat ");
    }
}
