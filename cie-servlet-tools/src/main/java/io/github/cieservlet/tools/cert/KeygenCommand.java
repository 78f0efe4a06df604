package io.github.cieservlet.tools.cert;

import io.github.cieservlet.config.SpCredentials;
import io.github.cieservlet.tools.Args;
import io.github.cieservlet.tools.Command;
import io.github.cieservlet.tools.Env;
import io.github.cieservlet.tools.ExitCode;
import io.github.cieservlet.tools.Option;
import io.github.cieservlet.tools.Output;
import io.github.cieservlet.tools.Passwords;
import io.github.cieservlet.tools.ToolException;
import io.github.cieservlet.tools.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code keygen}: a new RSA key and a self-signed certificate following the compliant SP certificate profile,
 * written to a PKCS#12 keystore and a PEM certificate (and, only on request, a PEM private key).
 */
public final class KeygenCommand implements Command {

    private static final List<Option> OPTIONS = List.of(
            Option.value("entity-id", "URI", "the SP entity ID (subject uri), e.g. https://servizi.comune.example.it/cie"),
            Option.value("organization-name", "TEXT", "full legal name, as OrganizationName (subject organizationName)"),
            Option.value("display-name", "TEXT", "short name, as OrganizationDisplayName (subject commonName)"),
            Option.value("ipa-code", "CODE", "public body: IPA code, gives organizationIdentifier PA:IT-CODE"),
            Option.value("vat-number", "NUMBER", "private subject: VAT number, gives VATIT-NUMBER"),
            Option.value("fiscal-code", "CODE", "private subject without VAT number: gives CF:IT-CODE"),
            Option.value("locality", "CITY", "city of the registered office, full name with accents"),
            Option.value("country", "CC", "two-letter country code (default IT)"),
            Option.value("key-size", "BITS", "RSA key size: 2048, 3072 (default) or 4096"),
            Option.value("days", "DAYS", "validity in days, 1 to 3650 (default " + CertificateProfile.DEFAULT_VALIDITY_DAYS + ")"),
            Option.value("out", "PREFIX", "write PREFIX.p12 and PREFIX.crt (default cie-sp)"),
            Option.value("alias", "NAME", "alias of the key in the keystore (default cie-sp)"),
            Passwords.OPTION,
            Option.flag("key-pem", "also write the private key UNENCRYPTED to PREFIX.key (avoid it)"),
            Option.flag("force", "replace existing files"));

    private final Clock clock;

    /** A command working with the system clock. */
    public KeygenCommand() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock that starts the validity */
    KeygenCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "keygen";
    }

    @Override
    public String summary() {
        return "make an RSA key and a SPID/CIE compliant self-signed certificate (PKCS#12 + PEM)";
    }

    @Override
    public String operands() {
        return "";
    }

    @Override
    public List<Option> options() {
        return OPTIONS;
    }

    @Override
    public String notes() {
        return "Exactly one of --ipa-code (public bodies), --vat-number or --fiscal-code (private subjects).\n"
                + "The keystore password is asked on the console, or read from the variable named by --password-env;\n"
                + "it is never a command-line argument. Example:\n"
                + "  CIE_KEYSTORE_SECRET=... java -jar cie-servlet-tools.jar keygen --password-env CIE_KEYSTORE_SECRET \\\n"
                + "    --entity-id https://servizi.comune.example.it/cie --organization-name \"Comune di Esempio\" \\\n"
                + "    --display-name \"Comune di Esempio\" --ipa-code c_x000 --locality Roma";
    }

    @Override
    public int run(Args args, Env env, Output output) throws UsageException, ToolException {
        args.operands(0, "no operands");
        CertificateSpec spec = spec(args);
        String prefix = args.value("out").orElse("cie-sp");
        String alias = args.value("alias").orElse("cie-sp");
        boolean force = args.flag("force");
        Path keystore = Path.of(prefix + ".p12");
        Path certificate = Path.of(prefix + ".crt");
        Path key = Path.of(prefix + ".key");
        List<Path> targets = new ArrayList<>(List.of(keystore, certificate));
        if (args.flag("key-pem")) {
            targets.add(key);
        }
        for (Path target : targets) {
            if (!force && Files.exists(target)) {
                throw new ToolException(target + " already exists; choose another --out or add --force to replace it");
            }
        }
        createFolder(keystore.toAbsolutePath().getParent(), output);
        char[] password = Passwords.fresh(args, env);
        SpCredentials credentials = CertificateGenerator.generate(spec, clock.instant());
        try {
            CredentialFiles.write(keystore, CredentialFiles.pkcs12(credentials, alias, password), force, true);
        } finally {
            Arrays.fill(password, '\0');
        }
        CredentialFiles.write(certificate, CredentialFiles.pem(credentials.certificate()).getBytes(StandardCharsets.US_ASCII), force, false);
        output.println("Wrote " + keystore + " (PKCS#12, alias " + alias + ") and " + certificate + " (certificate, PEM)");
        if (args.flag("key-pem")) {
            CredentialFiles.write(key, CredentialFiles.pem(credentials.privateKey()).getBytes(StandardCharsets.US_ASCII), force, true);
            output.warn(key + " holds the private key UNENCRYPTED: keep it off shared disks and backups, never commit"
                    + " it, and delete it once it is no longer needed (" + keystore + " already holds the key)");
        }
        output.println("Subject:     " + SubjectNames.describe(credentials.certificate()));
        output.println("Valid:       " + credentials.certificate().getNotBefore().toInstant() + " to "
                + credentials.certificate().getNotAfter().toInstant());
        output.println("SHA-256:     " + fingerprint(credentials));
        output.println("Next: point cie.keystore at " + keystore.toAbsolutePath() + ", set cie.keyAlias=" + alias
                + " and cie.keystorePassword=${env:CIE_KEYSTORE_SECRET}, then run the metadata command.");
        return ExitCode.OK;
    }

    private static CertificateSpec spec(Args args) throws UsageException {
        String entityId = args.required("entity-id");
        try {
            if (!new URI(entityId).isAbsolute()) {
                throw new UsageException("--entity-id must be an absolute URI, e.g. https://servizi.comune.example.it/cie");
            }
        } catch (URISyntaxException e) {
            throw new UsageException("--entity-id is not a valid URI (" + e.getReason() + ")");
        }
        String country = args.value("country").orElse("IT").trim().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new UsageException("--country must be a two-letter code such as IT");
        }
        int keyBits = args.integer("key-size", 2048, 4096, CertificateProfile.DEFAULT_KEY_SIZE);
        if (!CertificateProfile.KEY_SIZES.contains(keyBits)) {
            throw new UsageException("--key-size must be one of " + CertificateProfile.KEY_SIZES);
        }
        String organizationIdentifier = organizationIdentifier(args);
        if (OrganizationIdentifier.sectorOf(organizationIdentifier).isEmpty()) {
            throw new UsageException("'" + organizationIdentifier + "' is not a valid organizationIdentifier; expected "
                    + OrganizationIdentifier.forms());
        }
        return new CertificateSpec(args.required("display-name").trim(), args.required("organization-name").trim(),
                entityId.trim(), organizationIdentifier, country, args.required("locality").trim(), keyBits,
                args.integer("days", 1, 3650, CertificateProfile.DEFAULT_VALIDITY_DAYS));
    }

    private static String organizationIdentifier(Args args) throws UsageException {
        List<String> given = new ArrayList<>();
        args.value("ipa-code").ifPresent(v -> given.add(OrganizationIdentifier.publicBody(v)));
        args.value("vat-number").ifPresent(v -> given.add(OrganizationIdentifier.vatNumber(v)));
        args.value("fiscal-code").ifPresent(v -> given.add(OrganizationIdentifier.fiscalCode(v)));
        if (given.size() != 1) {
            throw new UsageException("give exactly one of --ipa-code (public bodies), --vat-number or --fiscal-code"
                    + " (private subjects)");
        }
        return given.get(0);
    }

    private static String fingerprint(SpCredentials credentials) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(credentials.certificate().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }

    /** Creates the folder of {@code --out} when it is missing (as {@code mkdir -p}), or says clearly why it cannot. */
    private static void createFolder(Path folder, Output output) throws ToolException {
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder);
            output.println("Created the folder " + folder);
        } catch (IOException e) {
            throw new ToolException("the folder " + folder + " does not exist and cannot be created ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); create it with the right owner"
                    + " (e.g. sudo mkdir -p " + folder + " && sudo chown $USER " + folder + ") or choose another --out", e);
        }
    }
}
