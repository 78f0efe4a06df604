package io.github.cieservlet.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.tools.cert.CertRule;
import io.github.cieservlet.tools.cert.CheckCertCommand;
import io.github.cieservlet.tools.cert.KeygenCommand;
import io.github.cieservlet.tools.evidence.ExportEvidenceCommand;
import io.github.cieservlet.tools.evidence.VerifyEvidenceCommand;
import io.github.cieservlet.tools.metadata.CheckMetadataCommand;
import io.github.cieservlet.tools.metadata.MetadataCommand;
import io.github.cieservlet.tools.metadata.MetadataProfile;
import io.github.cieservlet.tools.metadata.MetadataRule;
import io.github.cieservlet.tools.metadata.SpidMetadataRule;
import io.github.cieservlet.tools.oidc.CheckEntityConfigurationCommand;
import io.github.cieservlet.tools.oidc.EntityConfigurationRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/tools.md documents every command, option, rule and exit code. */
class ToolsDocTest {

    @Test
    void everyCommandOptionRuleAndExitCodeIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "tools.md"));
        for (Command command : List.of(new KeygenCommand(), new CheckCertCommand(), new MetadataCommand(),
                new CheckMetadataCommand(), new VerifyEvidenceCommand(), new ExportEvidenceCommand(),
                new CheckEntityConfigurationCommand())) {
            assertThat(doc).contains("## `" + command.name() + "`");
            command.options().forEach(option -> assertThat(doc).as(command.name()).contains("--" + option.name()));
        }
        for (Rule rule : CertRule.values()) {
            assertThat(doc).contains("| `" + rule.id() + "` |");
        }
        for (Rule rule : EntityConfigurationRule.values()) {
            assertThat(doc).contains("| `" + rule.id() + "` |");
        }
        for (Rule rule : SpidMetadataRule.values()) {
            assertThat(doc).contains("| `" + rule.id() + "` |");
        }
        for (MetadataProfile profile : MetadataProfile.values()) {
            assertThat(doc).contains("`" + profile.id() + "`");
        }
        for (Rule rule : MetadataRule.values()) {
            assertThat(doc).contains("| `" + rule.id() + "` |");
        }
        for (int code : new int[] {ExitCode.OK, ExitCode.CHECK_FAILED, ExitCode.USAGE, ExitCode.IO_OR_CONFIG, ExitCode.INTERNAL}) {
            assertThat(doc).contains("| " + code + " |");
        }
    }
}
