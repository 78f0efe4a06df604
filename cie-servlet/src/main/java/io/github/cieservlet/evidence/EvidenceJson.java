package io.github.cieservlet.evidence;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one-line JSON form of records and checkpoints in evidence files and exports: flat objects whose values
 * are strings, whole numbers or null; times as ISO-8601 UTC strings to the millisecond. Readable by any JSON
 * tool an auditor has; read back here with a strict parser for exactly that shape.
 */
public final class EvidenceJson {

    private EvidenceJson() {
    }

    /**
     * @param record a record
     * @return its JSON line (without the line break)
     */
    public static String write(EvidenceRecord record) {
        EvidenceEntry e = record.entry();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", record.seq());
        fields.put("recordedAt", text(record.recordedAt()));
        fields.put("previousHash", record.previousHash());
        fields.put("hash", record.hash());
        fields.put("requestId", e.requestId());
        fields.put("requestedAt", text(e.requestedAt()));
        fields.put("receivedAt", text(e.receivedAt()));
        fields.put("idpEntityId", e.idpEntityId());
        fields.put("outcome", e.outcome().name());
        fields.put("errorCode", e.errorCode());
        fields.put("fiscalCode", e.fiscalCode());
        fields.put("authnRequestXml", e.authnRequestXml());
        fields.put("responseBase64", e.responseBase64());
        return object(fields);
    }

    /**
     * @param checkpoint a checkpoint
     * @return its JSON line
     */
    public static String write(Checkpoint checkpoint) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", checkpoint.seq());
        fields.put("hash", checkpoint.hash());
        fields.put("purgedAt", text(checkpoint.purgedAt()));
        return object(fields);
    }

    /**
     * @param line a JSON line written by {@link #write(EvidenceRecord)}
     * @return the record, with its stored hash
     * @throws IllegalArgumentException when the line is not such a record
     */
    public static EvidenceRecord readRecord(String line) {
        Map<String, Object> f = parse(line);
        EvidenceOutcome outcome;
        try {
            outcome = EvidenceOutcome.valueOf(string(f, "outcome"));
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw new IllegalArgumentException("unknown outcome " + f.get("outcome"), ex);
        }
        EvidenceEntry entry = EvidenceEntry.stored(string(f, "requestId"), string(f, "authnRequestXml"),
                required(f, "responseBase64"), outcome, string(f, "errorCode"), time(f, "requestedAt"),
                time(f, "receivedAt"), string(f, "fiscalCode"), string(f, "idpEntityId"));
        return EvidenceRecord.stored(number(f, "seq"), time(f, "recordedAt"), required(f, "previousHash"), entry,
                required(f, "hash"));
    }

    /**
     * @param line a JSON line written by {@link #write(Checkpoint)}
     * @return the checkpoint
     * @throws IllegalArgumentException when the line is not a checkpoint
     */
    public static Checkpoint readCheckpoint(String line) {
        Map<String, Object> f = parse(line);
        Instant purgedAt = time(f, "purgedAt");
        if (purgedAt == null) {
            throw new IllegalArgumentException("purgedAt is missing");
        }
        return new Checkpoint(number(f, "seq"), required(f, "hash"), purgedAt);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String object(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder(256);
        out.append('{');
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(field.getKey(), out);
            out.append(':');
            Object value = field.getValue();
            if (value == null) {
                out.append("null");
            } else if (value instanceof Long) {
                out.append(value);
            } else {
                quote((String) value, out);
            }
        }
        return out.append('}').toString();
    }

    private static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static Map<String, Object> parse(String line) {
        Parser parser = new Parser(line);
        Map<String, Object> fields = parser.object();
        parser.end();
        return fields;
    }

    private static Object value(Map<String, Object> fields, String name) {
        if (!fields.containsKey(name)) {
            throw new IllegalArgumentException("field " + name + " is missing");
        }
        return fields.get(name);
    }

    private static String string(Map<String, Object> fields, String name) {
        Object value = value(fields, name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("field " + name + " is not a string");
        }
        return (String) value;
    }

    private static String required(Map<String, Object> fields, String name) {
        String value = string(fields, name);
        if (value == null) {
            throw new IllegalArgumentException("field " + name + " is null");
        }
        return value;
    }

    private static long number(Map<String, Object> fields, String name) {
        Object value = value(fields, name);
        if (!(value instanceof Long)) {
            throw new IllegalArgumentException("field " + name + " is not a whole number");
        }
        return (Long) value;
    }

    private static Instant time(Map<String, Object> fields, String name) {
        String value = string(fields, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field " + name + " is not an ISO-8601 instant", e);
        }
    }

    /** A strict reader of one flat JSON object: string, whole-number and null values only. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Map<String, Object> object() {
            Map<String, Object> fields = new LinkedHashMap<>();
            expect('{');
            if (peek() == '}') {
                pos++;
                return fields;
            }
            do {
                String name = string();
                expect(':');
                if (fields.put(name, value()) != null) {
                    throw new IllegalArgumentException("field " + name + " appears twice");
                }
            } while (next() == ',');
            pos--;
            expect('}');
            return fields;
        }

        void end() {
            if (pos != text.length()) {
                throw new IllegalArgumentException("text after the object at " + pos);
            }
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (text.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            int start = pos;
            if (c == '-') {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            try {
                return Long.parseLong(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a string, whole number or null at " + start, e);
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escape = next();
                switch (escape) {
                    case '"': case '\\': case '/': out.append(escape); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u':
                        if (pos + 4 > text.length()) {
                            throw new IllegalArgumentException("truncated \\u escape");
                        }
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                        break;
                    default: throw new IllegalArgumentException("bad escape \\" + escape + " at " + pos);
                }
            }
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (pos - 1));
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("unexpected end of line");
            }
            return text.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }
    }
}
