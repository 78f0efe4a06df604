package io.github.cieservlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/troubleshooting.md explains exactly the error codes of {@link CieError}, with their HTTP statuses. */
class TroubleshootingDocTest {

    @Test
    void everyErrorCodeIsDocumentedWithItsStatus() throws IOException {
        String text = new String(Files.readAllBytes(Paths.get("..", "docs", "troubleshooting.md")), StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("^\\| `(CIE-[A-Z_]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE).matcher(text);
        Map<String, Integer> documented = new LinkedHashMap<>();
        while (row.find()) {
            documented.put(row.group(1), Integer.valueOf(row.group(2)));
        }
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (CieError error : CieError.values()) {
            actual.put(error.code(), error.httpStatus());
        }
        assertThat(documented).isEqualTo(actual);
    }
}
