package io.github.cieservlet.tools.metadata;

import io.github.cieservlet.LoginScheme;
import io.github.cieservlet.config.CertificateSubject;
import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.CieParam;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.CieSettingsReader;
import io.github.cieservlet.config.ConfigProblem;
import io.github.cieservlet.config.ParamSource;
import io.github.cieservlet.config.SubjectType;
import io.github.cieservlet.saml.SpMetadataFactory;
import io.github.cieservlet.saml.spid.SpidSpMetadataFactory;
import io.github.cieservlet.tools.Args;
import io.github.cieservlet.tools.Command;
import io.github.cieservlet.tools.Env;
import io.github.cieservlet.tools.ExitCode;
import io.github.cieservlet.tools.Option;
import io.github.cieservlet.tools.Output;
import io.github.cieservlet.tools.ToolException;
import io.github.cieservlet.tools.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code metadata}: the signed SP metadata to upload to the federation portal, built by the library itself
 * ({@link SpMetadataFactory}) from the same {@code cie.*} settings the web application reads, without deploying
 * anything.
 */
public final class MetadataCommand implements Command {

    private static final List<Option> OPTIONS = List.of(
            Option.value("web-xml", "FILE", "read the cie.* context-params of this web.xml"),
            Option.value("properties", "FILE", "read the cie.* settings from this .properties file instead"),
            Option.value("environment", "ENV", "override cie.environment: production, preproduction or local"),
            Option.value("out", "FILE", "write the metadata to FILE (default: standard output)"),
            Option.flag("spid", "produce the SPID metadata (/cie/metadata/spid) instead; cie.schemes must name spid or eidas"));

    @Override
    public String name() {
        return "metadata";
    }

    @Override
    public String summary() {
        return "produce the signed SP metadata from the web application's cie.* settings";
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
        return "Exactly one of --web-xml or --properties. As in the web application, CIE_* environment variables\n"
                + "override the file (e.g. CIE_KEYSTORE=/etc/portale/cie-sp.p12) and ${env:NAME} placeholders are\n"
                + "resolved, so cie.keystorePassword=${env:CIE_KEYSTORE_SECRET} works unchanged. Relative keystore\n"
                + "paths are relative to the current directory; classpath: ones are looked up in the tool only.\n"
                + "Every configuration problem is listed at once (exit code 3).";
    }

    @Override
    public int run(Args args, Env env, Output output) throws UsageException, ToolException {
        args.operands(0, "no operands");
        // Authentication listeners are classes of the web application, absent here, and play no part in the
        // metadata: leave them out rather than report them as missing.
        Map<String, String> params = new HashMap<>(params(args));
        params.remove(CieParam.AUTHENTICATION_LISTENERS.key());
        Map<String, String> variables = new HashMap<>(env.variables());
        variables.remove(CieParam.AUTHENTICATION_LISTENERS.envName());
        Map<String, String> overrides = args.value("environment")
                .map(e -> Map.of(CieParam.ENVIRONMENT.key(), e)).orElse(Map.of());
        CieSettings settings;
        try {
            settings = new CieSettingsReader(new ParamSource(params, variables, overrides),
                    MetadataCommand.class.getClassLoader(), Clock.systemUTC()).read();
        } catch (CieConfigException e) {
            throw new ToolException("the cie.* settings cannot be used (" + e.problems().size()
                    + (e.problems().size() == 1 ? " problem):" : " problems):")
                    + e.problems().stream().map(ConfigProblem::toString)
                            .collect(Collectors.joining(System.lineSeparator() + "  - ", System.lineSeparator() + "  - ", "")),
                    e);
        }
        for (String mismatch : CertificateSubject.of(settings.credentials().certificate()).mismatches(settings.entityId(),
                settings.organization().name(), CertificateSubject.expectedIdentifier(settings.contact()))) {
            output.warn(mismatch + " (the federation portal will refuse this metadata)");
        }
        boolean spid = args.flag("spid");
        if (spid && !SpidSpMetadataFactory.isPublished(settings.spid())) {
            throw new UsageException("--spid needs spid or eidas in cie.schemes (it is "
                    + settings.spid().schemes().stream().map(LoginScheme::id).collect(Collectors.joining(" ")) + ")");
        }
        String xml = spid ? new SpidSpMetadataFactory(settings).signedXml() : new SpMetadataFactory(settings).signedXml();
        if (args.value("out").isEmpty()) {
            output.print(xml);
            return ExitCode.OK;
        }
        Path out = Path.of(args.value("out").get());
        try {
            Files.writeString(out, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("cannot write " + out + " (" + e + ")", e);
        }
        output.println("Wrote the signed metadata of " + settings.entityId() + " for "
                + settings.environment().name().toLowerCase(Locale.ROOT) + " to " + out);
        output.println(spid ? "Next: java -jar cie-servlet-tools.jar check-metadata --profile " + spidProfile(settings)
                + " " + out + ", then register it with AgID (docs/spid.md)"
                : "Next: java -jar cie-servlet-tools.jar check-metadata " + out
                + ", then upload it to https://federazione.servizicie.interno.gov.it/");
        return ExitCode.OK;
    }

    private static String spidProfile(CieSettings settings) {
        if (settings.spid().enables(LoginScheme.EIDAS)) {
            return MetadataProfile.FICEP.id();
        }
        return settings.contact().subjectType() == SubjectType.PRIVATE ? MetadataProfile.SPID_PRIVATE.id()
                : MetadataProfile.SPID_PUBLIC.id();
    }

    private static Map<String, String> params(Args args) throws UsageException, ToolException {
        boolean webXml = args.value("web-xml").isPresent();
        if (webXml == args.value("properties").isPresent()) {
            throw new UsageException("give exactly one of --web-xml or --properties");
        }
        return webXml ? ParamFiles.webXml(Path.of(args.value("web-xml").get()))
                : ParamFiles.properties(Path.of(args.value("properties").get()));
    }
}
