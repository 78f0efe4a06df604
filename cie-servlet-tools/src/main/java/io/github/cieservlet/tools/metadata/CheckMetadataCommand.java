package io.github.cieservlet.tools.metadata;

import io.github.cieservlet.tools.Args;
import io.github.cieservlet.tools.Command;
import io.github.cieservlet.tools.Env;
import io.github.cieservlet.tools.ExitCode;
import io.github.cieservlet.tools.Option;
import io.github.cieservlet.tools.Output;
import io.github.cieservlet.tools.Report;
import io.github.cieservlet.tools.ToolException;
import io.github.cieservlet.tools.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code check-metadata}: checks an SP metadata file against the CIE metadata rules (or, with {@code --profile},
 * the SPID public, SPID private or FICEP ones), the SAML schema and its signature, and prints each rule passed or
 * failed.
 */
public final class CheckMetadataCommand implements Command {

    /** Largest metadata file read. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    @Override
    public String name() {
        return "check-metadata";
    }

    @Override
    public String summary() {
        return "check SP metadata against the CIE (or SPID, FICEP) rules, the SAML schema and its signature";
    }

    @Override
    public String operands() {
        return "<metadata.xml>";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("profile", "NAME", "the rules to apply: " + MetadataProfile.ids()
                + " (default cie)"));
    }

    @Override
    public String notes() {
        return "Works on any SP metadata, not only this tool's. Exit code 1 when a rule fails; warnings (such as\n"
                + "an http://localhost ACS) do not fail the check but the federation portal will refuse them.";
    }

    @Override
    public int run(Args args, Env env, Output output) throws UsageException, ToolException {
        Path file = Path.of(args.operands(1, "one metadata file").get(0));
        String profileName = args.value("profile").orElse(MetadataProfile.CIE.id());
        MetadataProfile profile = MetadataProfile.fromId(profileName).orElseThrow(() -> new UsageException(
                "--profile " + profileName + " is not a profile; use one of " + MetadataProfile.ids()));
        byte[] xml;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ToolException(file + " is larger than " + MAX_BYTES + " bytes; it is not SP metadata");
            }
            xml = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + " (" + e + ")", e);
        }
        Report report = MetadataChecker.check(xml, profile);
        output.report(file.toString(), report);
        return report.failed() ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }
}
