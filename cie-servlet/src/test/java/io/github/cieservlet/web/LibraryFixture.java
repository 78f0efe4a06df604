package io.github.cieservlet.web;

import io.github.cieservlet.CieAuthenticationListener;
import io.github.cieservlet.CieUrls;
import io.github.cieservlet.bootstrap.CieServiceProvider;
import io.github.cieservlet.config.CieSettings;
import io.github.cieservlet.config.ResourceLocation;
import io.github.cieservlet.saml.IdpMetadataXml;
import io.github.cieservlet.spi.LoginProtocol;
import io.github.cieservlet.store.ReplayCache;
import io.github.cieservlet.testing.TestCredentials;
import io.github.cieservlet.testing.TestSettings;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The library as an application starts it ({@link TestSettings}, IdP metadata trusting {@link TestCredentials#idp()}
 * read from a file), without a container: its servlets and filter initialised on a {@link FakeHttp} context.
 */
final class LibraryFixture implements AutoCloseable {

    final CieServiceProvider provider;
    final ServletContext context;

    private LibraryFixture(CieServiceProvider provider) {
        this.provider = provider;
        this.context = FakeHttp.context(Map.of(CieServiceProvider.CONTEXT_ATTRIBUTE, provider, CieUrls.CONTEXT_ATTRIBUTE,
                new CieUrls(provider.settings().endpoints().path(""))));
    }

    /**
     * @param dir a folder for the IdP metadata file
     * @param clock the clock of every check
     * @param settings changes to the test settings
     * @param listeners the authentication listeners
     * @param protocol the login protocol replacing SAML, or empty
     * @return the started library
     */
    static LibraryFixture start(Path dir, Clock clock, Consumer<CieSettings.Builder> settings,
            List<CieAuthenticationListener> listeners, Function<ReplayCache, Optional<LoginProtocol>> protocol) {
        Path metadata = dir.resolve("idp-metadata.xml");
        try {
            Files.writeString(metadata, IdpMetadataXml.document(TestCredentials.idp().certificate(),
                    TestCredentials.attacker().certificate()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CieSettings.Builder builder = TestSettings.builder().idpMetadataLocation(ResourceLocation.parse("file:" + metadata));
        settings.accept(builder);
        return new LibraryFixture(new CieServiceProvider(builder.build(), clock, LibraryFixture.class.getClassLoader(),
                listeners, protocol));
    }

    /** @return the servlet, initialised on this library's context */
    <T extends HttpServlet> T init(T servlet) {
        try {
            servlet.init(FakeHttp.servletConfig(context));
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
        return servlet;
    }

    /** @return the filter, initialised on this library's context */
    <T extends Filter> T init(T filter) {
        try {
            filter.init(FakeHttp.filterConfig(context));
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
        return filter;
    }

    @Override
    public void close() {
        provider.close();
    }

    /**
     * Starts libraries for a test and closes them after it:
     * {@code @RegisterExtension final LibraryFixture.PerTest libraries = new LibraryFixture.PerTest();}
     */
    static final class PerTest implements AfterEachCallback {
        private final List<LibraryFixture> started = new ArrayList<>();

        /** @return the started library, as {@link LibraryFixture#start} */
        LibraryFixture start(Path dir, Clock clock, Consumer<CieSettings.Builder> settings,
                List<CieAuthenticationListener> listeners, Function<ReplayCache, Optional<LoginProtocol>> protocol) {
            LibraryFixture library = LibraryFixture.start(dir, clock, settings, listeners, protocol);
            started.add(library);
            return library;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            started.forEach(LibraryFixture::close);
            started.clear();
        }
    }
}
