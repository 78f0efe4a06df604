package io.github.cieservlet.tools.evidence;

import io.github.cieservlet.evidence.Checkpoint;
import io.github.cieservlet.evidence.EvidenceJson;
import io.github.cieservlet.evidence.EvidenceQuery;
import io.github.cieservlet.evidence.EvidenceRecord;
import io.github.cieservlet.evidence.EvidenceSource;
import io.github.cieservlet.evidence.EvidenceStoreException;
import io.github.cieservlet.evidence.FileEvidenceSource;
import io.github.cieservlet.tools.Args;
import io.github.cieservlet.tools.Command;
import io.github.cieservlet.tools.Env;
import io.github.cieservlet.tools.ExitCode;
import io.github.cieservlet.tools.Option;
import io.github.cieservlet.tools.Output;
import io.github.cieservlet.tools.ToolException;
import io.github.cieservlet.tools.UsageException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code export-evidence}: copies the records of one fiscal code, or of a time range, into a new directory an
 * auditor can check on their own: the records as JSON lines (the evidence directory layout, so
 * {@code verify-evidence --dir} works on it), each AuthnRequest and Response as the exact XML files sent and
 * received (to verify the identity provider's signature with any XML signature tool), a manifest and a README.
 */
public final class ExportEvidenceCommand implements Command {

    private static final Option FISCAL_CODE = Option.value("fiscal-code", "CODE",
            "export the accepted logins of this fiscal code, as recorded (e.g. TINIT-RSSMRA80A01H501U)");
    private static final Option FROM = Option.value("from", "TIME",
            "export the records from this time (ISO-8601 instant, or a date meaning 00:00 UTC)");
    private static final Option TO = Option.value("to", "TIME", "...up to this time, excluded");
    private static final Option OUT = Option.value("out", "DIRECTORY", "where to write the export (new or empty)");

    private final Clock clock;

    /** A command stamping exports with the system clock. */
    public ExportEvidenceCommand() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock of the export time */
    ExportEvidenceCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "export-evidence";
    }

    @Override
    public String summary() {
        return "export the login evidence of a fiscal code or a time range for an auditor";
    }

    @Override
    public String operands() {
        return "";
    }

    @Override
    public List<Option> options() {
        List<Option> options = new ArrayList<>(EvidenceLocationOptions.OPTIONS);
        options.addAll(List.of(FISCAL_CODE, FROM, TO, OUT));
        return options;
    }

    @Override
    public String notes() {
        return "Give --fiscal-code, or --from and --to. The export holds records.jsonl-style evidence files,\n"
                + "xml/<seq>-authnrequest.xml and xml/<seq>-response.xml (the exact bytes), export.json and README.txt.\n"
                + "A time range exports a contiguous piece of the chain with its checkpoint, which verify-evidence\n"
                + "checks link by link; a fiscal code exports separate records, each checked against its hash.";
    }

    @Override
    public int run(Args args, Env env, Output output) throws UsageException, ToolException {
        args.operands(0, "no operands");
        EvidenceQuery query = query(args);
        Path out = Path.of(args.required(OUT.name()));
        prepare(out);
        EvidenceSource source = EvidenceLocationOptions.open(args, env);
        Instant exportedAt = clock.instant();
        Export export = new Export(out);
        try {
            source.forEach(query, export::add);
        } catch (EvidenceStoreException e) {
            throw new ToolException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ToolException("cannot write the export to " + out + ": " + e.getCause(), e);
        } finally {
            export.close();
        }
        try {
            if (export.count > 0 && export.contiguous) {
                Files.writeString(out.resolve(FileEvidenceSource.CHECKPOINT_FILE), EvidenceJson.write(new Checkpoint(
                        export.first.seq() - 1, export.first.previousHash(), exportedAt)) + "\n");
            }
            Files.writeString(out.resolve(ExportManifest.FILE), ExportManifest.json(query.toString(),
                    export.contiguous, export.count, export.count == 0 ? 0 : export.first.seq(), export.lastSeq,
                    describe(args), exportedAt.toString()));
            Files.writeString(out.resolve("README.txt"), readme(query, export.contiguous));
        } catch (IOException e) {
            throw new ToolException("cannot write the export to " + out + ": " + e, e);
        }
        if (export.count == 0) {
            output.println("No record matches " + query + "; " + out + " holds an empty export.");
        } else {
            output.println("Exported " + export.count + " records (seq " + export.first.seq() + " to " + export.lastSeq
                    + ", " + query + ") to " + out);
            output.println("Verify with: java -jar cie-servlet-tools.jar verify-evidence --dir " + out);
        }
        return ExitCode.OK;
    }

    private static EvidenceQuery query(Args args) throws UsageException {
        boolean byCode = args.value(FISCAL_CODE.name()).isPresent();
        boolean byTime = args.value(FROM.name()).isPresent() || args.value(TO.name()).isPresent();
        if (byCode == byTime) {
            throw new UsageException("give either --fiscal-code, or --from and --to");
        }
        if (byCode) {
            return EvidenceQuery.fiscalCode(args.required(FISCAL_CODE.name()).trim());
        }
        Instant from = time(args.required(FROM.name()), FROM);
        Instant to = time(args.required(TO.name()), TO);
        if (!from.isBefore(to)) {
            throw new UsageException("--from must be before --to");
        }
        return EvidenceQuery.recordedBetween(from, to);
    }

    private static Instant time(String text, Option option) throws UsageException {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + option.name() + " '" + text + "' is neither a date (2026-01-31) nor an"
                    + " instant (2026-01-31T10:00:00Z)");
        }
    }

    private static void prepare(Path out) throws ToolException {
        try {
            if (Files.exists(out)) {
                try (Stream<Path> entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw new ToolException(out + " is not empty; name a new directory for the export");
                    }
                }
            }
            Files.createDirectories(out.resolve("xml"));
        } catch (IOException e) {
            throw new ToolException("cannot create " + out + ": " + e, e);
        }
    }

    private static String describe(Args args) {
        return args.value(EvidenceLocationOptions.DIR.name()).map(d -> "directory " + d)
                .orElseGet(() -> "database " + args.value(EvidenceLocationOptions.JDBC_URL.name()).orElse("")
                        .replaceAll("[?;].*", ""));
    }

    private static String readme(EvidenceQuery query, boolean contiguous) {
        return "Evidence of CIE logins exported by cie-servlet-tools (" + query + ").\n\n"
                + "evidence-*.jsonl  one record a line: times, request ID, outcome and error code, fiscal code,\n"
                + "                  IdP entity ID, the AuthnRequest XML and the Response (base64 of the exact bytes),\n"
                + "                  the SHA-256 hash of the record and the hash of the record before it\n"
                + "xml/              <seq>-authnrequest.xml as sent and <seq>-response.xml as received\n"
                + (contiguous ? "checkpoint.json   the link (seq and hash) just before the first exported record\n" : "")
                + "export.json       what was selected and from where\n\n"
                + "To verify: java -jar cie-servlet-tools.jar verify-evidence --dir <this directory>\n"
                + (contiguous ? "The records form one piece of the chain: each links to the one before.\n"
                        : "The records are a selection: each is checked against its own hash.\n")
                + "To check a record's hash by other means, follow 'Record hash' in docs/operations.md; compare\n"
                + "the last hash with the one the service provider's verify-evidence reports for the whole store.\n"
                + "To check the identity provider's signature, verify xml/<seq>-response.xml with any XML signature\n"
                + "tool against the IdP metadata certificate, e.g.\n"
                + "  xmlsec1 --verify --pubkey-cert-pem idp.pem --id-attr:ID urn:oasis:names:tc:SAML:2.0:assertion:Assertion"
                + " xml/<seq>-response.xml\n";
    }

    /** Writes records as they are read. */
    private static final class Export {
        private final Path out;
        private BufferedWriter lines;
        private EvidenceRecord first;
        private long lastSeq;
        private long count;
        private boolean contiguous = true;

        Export(Path out) {
            this.out = out;
        }

        void add(EvidenceRecord record) {
            try {
                if (lines == null) {
                    // One file named after the first day, so the file order is the chain order.
                    String day = LocalDate.ofInstant(record.recordedAt(), ZoneOffset.UTC).toString();
                    lines = Files.newBufferedWriter(out.resolve("evidence-" + day + ".jsonl"), StandardCharsets.UTF_8);
                    first = record;
                } else if (record.seq() != lastSeq + 1) {
                    contiguous = false;
                }
                lines.write(EvidenceJson.write(record));
                lines.write('\n');
                if (record.entry().authnRequestXml() != null) {
                    Files.writeString(out.resolve("xml/" + record.seq() + "-authnrequest.xml"),
                            record.entry().authnRequestXml(), StandardCharsets.UTF_8);
                }
                Files.write(out.resolve("xml/" + record.seq() + "-response.xml"), record.entry().response());
                lastSeq = record.seq();
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() throws ToolException {
            if (lines != null) {
                try {
                    lines.close();
                } catch (IOException e) {
                    throw new ToolException("cannot write the export to " + out + ": " + e, e);
                }
            }
        }
    }
}
