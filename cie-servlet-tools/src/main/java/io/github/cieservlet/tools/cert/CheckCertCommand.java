package io.github.cieservlet.tools.cert;

import io.github.cieservlet.tools.Args;
import io.github.cieservlet.tools.Command;
import io.github.cieservlet.tools.Env;
import io.github.cieservlet.tools.ExitCode;
import io.github.cieservlet.tools.Option;
import io.github.cieservlet.tools.Output;
import io.github.cieservlet.tools.Passwords;
import io.github.cieservlet.tools.Report;
import io.github.cieservlet.tools.ToolException;
import io.github.cieservlet.tools.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code check-cert}: checks the certificate of a PKCS#12 keystore, or a PEM/DER certificate file, against the
 * compliant SP certificate profile and prints each rule passed or failed.
 */
public final class CheckCertCommand implements Command {

    private static final List<Option> OPTIONS = List.of(Passwords.OPTION,
            Option.value("alias", "NAME", "keystore entry to check (default: the only key entry)"));

    private final Clock clock;

    /** A command checking validity against the system clock. */
    public CheckCertCommand() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock validity is checked against */
    CheckCertCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "check-cert";
    }

    @Override
    public String summary() {
        return "check a keystore's or PEM certificate's compliance with the SPID/CIE certificate profile";
    }

    @Override
    public String operands() {
        return "<keystore.p12 | certificate.crt>";
    }

    @Override
    public List<Option> options() {
        return OPTIONS;
    }

    @Override
    public String notes() {
        return "A PEM or DER certificate needs no password; for a PKCS#12 keystore the password is asked on the\n"
                + "console or read from the variable named by --password-env. Exit code 1 when a rule fails.";
    }

    @Override
    public int run(Args args, Env env, Output output) throws UsageException, ToolException {
        Path file = Path.of(args.operands(1, "one keystore or certificate file").get(0));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + " (" + e + ")", e);
        }
        X509Certificate certificate = isKeystore(file, bytes) ? fromKeystore(bytes, args, env)
                : CredentialFiles.certificate(bytes);
        Report report = CertificateChecker.check(certificate, clock.instant());
        output.report(file + " (" + SubjectNames.describe(certificate) + ")", report);
        return report.failed() ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    private static X509Certificate fromKeystore(byte[] bytes, Args args, Env env) throws UsageException, ToolException {
        char[] password = Passwords.existing(args, env);
        try {
            return CredentialFiles.certificate(bytes, password, args.value("alias").orElse(null));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** PKCS#12 by name, or any binary file that does not parse as a DER certificate. */
    private static boolean isKeystore(Path file, byte[] bytes) {
        if (CredentialFiles.isPem(bytes)) {
            return false;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return true;
        }
        try {
            CredentialFiles.certificate(bytes);
            return false;
        } catch (ToolException e) {
            return true;
        }
    }
}
