package io.github.cieservlet.tools.evidence;

import io.github.cieservlet.tools.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code export.json} an export carries: what was selected and whether the records form one contiguous
 * piece of the chain (then {@code checkpoint.json} is the link before the first, and the export verifies as a
 * chain) or a selection (each record verifies alone, neighbours by their link).
 */
final class ExportManifest {

    static final String FILE = "export.json";
    private static final String SELECTION_MARK = "\"contiguous\":false";

    private ExportManifest() {
    }

    static boolean isSelection(Path directory) throws ToolException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return false;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains(SELECTION_MARK);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + ": " + e, e);
        }
    }

    static String json(String selection, boolean contiguous, long records, long firstSeq, long lastSeq,
            String source, String exportedAt) {
        return "{\"selection\":\"" + escape(selection) + "\",\"contiguous\":" + contiguous + ",\"records\":" + records
                + ",\"firstSeq\":" + firstSeq + ",\"lastSeq\":" + lastSeq + ",\"source\":\"" + escape(source)
                + "\",\"exportedAt\":\"" + exportedAt + "\"}\n";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
