package io.github.cieservlet.tools.oidc;

import io.github.cieservlet.oidc.RpEntityConfiguration;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * {@code check-entity-configuration}: reads an OpenID Connect RP entity configuration from a file or from its entity
 * ID over https, prints its decoded content on request, and checks it against the SPID/CIE OIDC profile.
 */
public final class CheckEntityConfigurationCommand implements Command {

    /** Largest entity configuration read. */
    public static final int MAX_BYTES = 256 * 1024;

    @Override
    public String name() {
        return "check-entity-configuration";
    }

    @Override
    public String summary() {
        return "check an OpenID Connect RP entity configuration against the SPID/CIE OIDC profile";
    }

    @Override
    public String operands() {
        return "<file | entity ID URL>";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.flag("print", "also print the decoded header and payload"));
    }

    @Override
    public String notes() {
        return "An https URL is read at <URL>" + RpEntityConfiguration.WELL_KNOWN_PATH + " (unless it already ends so),\n"
                + "without following redirects. Exit code 1 when a rule fails; warnings do not fail the check.";
    }

    @Override
    public int run(Args args, Env env, Output output) throws UsageException, ToolException {
        String source = args.operands(1, "one file or entity ID").get(0);
        String jwt = source.startsWith("https://") || source.startsWith("http://") ? fetch(source) : read(Path.of(source));
        if (args.flag("print")) {
            String[] parts = jwt.trim().split("\\.");
            for (int i = 0; i < Math.min(2, parts.length); i++) {
                try {
                    output.println(new String(Base64.getUrlDecoder().decode(parts[i]), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new ToolException(source + " is not a JWT", e);
                }
            }
        }
        Report report = EntityConfigurationChecker.check(jwt);
        output.report(source, report);
        return report.failed() ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    private static String read(Path file) throws ToolException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ToolException(file + " is larger than " + MAX_BYTES + " bytes; it is not an entity configuration");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + " (" + e + ")", e);
        }
    }

    private static String fetch(String entityId) throws ToolException {
        String url = entityId.endsWith(RpEntityConfiguration.WELL_KNOWN_PATH) ? entityId
                : entityId.replaceAll("/+$", "") + RpEntityConfiguration.WELL_KNOWN_PATH;
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ToolException(url + " answered HTTP " + response.statusCode());
            }
            if (response.body().length > MAX_BYTES) {
                throw new ToolException(url + " answered more than " + MAX_BYTES + " bytes");
            }
            return new String(response.body(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ToolException("cannot read " + url + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while reading " + url, e);
        } catch (IllegalArgumentException e) {
            throw new ToolException("not a URL: " + entityId, e);
        }
    }
}
