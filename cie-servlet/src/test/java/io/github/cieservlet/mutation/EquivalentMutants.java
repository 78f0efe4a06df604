package io.github.cieservlet.mutation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reviewed list of equivalent mutants ({@code src/test/pit/equivalent-mutants.txt}): mutants no test can
 * kill because the mutated program behaves exactly like the original. One per line:
 *
 * <pre>
 * io.github.cieservlet.saml.validation.SignatureCheck#verify:82 RemoveConditionalMutator_EQUAL_ELSE -- why no input tells them apart
 * </pre>
 *
 * That is {@code class#method:line mutator -- reason}; the reason is required. Blank lines and lines starting with
 * {@code #} are comments. An entry covers every surviving mutant with that key.
 */
final class EquivalentMutants {

    private static final Pattern ENTRY = Pattern.compile("(\\S+#\\S+:\\d+ \\S+)\\s+--\\s+(\\S.*)");

    private final Map<String, String> reasons;

    private EquivalentMutants(Map<String, String> reasons) {
        this.reasons = Collections.unmodifiableMap(reasons);
    }

    /**
     * @param file the list; a missing file is an empty list
     * @return the entries
     * @throws IOException when it cannot be read, or a line is not {@code key -- reason}
     */
    static EquivalentMutants read(Path file) throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return new EquivalentMutants(reasons);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> malformed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                reasons.put(entry.group(1), entry.group(2));
            } else {
                malformed.add(file.getFileName() + ":" + (i + 1) + ": " + line);
            }
        }
        if (!malformed.isEmpty()) {
            throw new IOException("equivalent-mutant lines must read 'class#method:line Mutator -- reason': " + malformed);
        }
        return new EquivalentMutants(reasons);
    }

    /** @param mutant a mutant @return whether the list names it */
    boolean contains(Mutant mutant) {
        return reasons.containsKey(mutant.key());
    }

    /** @return every listed key, in file order */
    List<String> keys() {
        return List.copyOf(reasons.keySet());
    }
}
