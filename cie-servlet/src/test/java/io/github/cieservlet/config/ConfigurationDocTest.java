package io.github.cieservlet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly the params of {@link CieParam}, with their variables and defaults. */
class ConfigurationDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(cie\\.[A-Za-z0-9.]+)` \\| `([A-Z0-9_]+)` \\| ([^|]+) \\|",
            Pattern.MULTILINE);

    @Test
    void documentedParamsAreExactlyTheParamsOfTheCode() throws IOException {
        Path doc = Paths.get("..", "docs", "configuration.md");
        String text = new String(Files.readAllBytes(doc), StandardCharsets.UTF_8);
        Map<String, String[]> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(text);
        while (row.find()) {
            documented.put(row.group(1), new String[] {row.group(2), row.group(3).trim()});
        }
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CieParam.values()).map(CieParam::key).collect(Collectors.toList()));
        for (CieParam param : CieParam.values()) {
            String[] columns = documented.get(param.key());
            assertThat(columns[0]).as(param.key() + " environment variable").isEqualTo(param.envName());
            assertThat(columns[1]).as(param.key() + " default")
                    .isEqualTo(param.defaultValue().map(d -> "`" + d + "`").orElse("—"));
        }
    }
}
