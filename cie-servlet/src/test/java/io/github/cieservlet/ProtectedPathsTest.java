package io.github.cieservlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which pages count as protected when a tag chooses where a login returns: the Servlet URL-pattern rules. */
class ProtectedPathsTest {

    @ParameterizedTest(name = "{0} protects {1}: {2}")
    @CsvSource({
        "/area-riservata/*, /area-riservata/, true",
        "/area-riservata/*, /area-riservata, true",
        "/area-riservata/*, /area-riservata/pratiche/7, true",
        "/area-riservata/*, /area-riservataX/, false",
        "/area-riservata/*, /login.jsp, false",
        "/pratica.jsp, /pratica.jsp, true",
        "/pratica.jsp, /pratica.jspx, false",
        "/pratica.jsp, /altro/pratica.jsp, false",
        "*.do, /pratiche/apri.do, true",
        "*.do, /pratiche.do/apri, false",
        "*.do, /pratiche/apri.doc, false",
        "/*, /qualsiasi/pagina, true",
        "/, /qualsiasi/pagina, true",
        "'', /, true",
        "'', /index.jsp, false",
    })
    void servletUrlPatternRules(String pattern, String path, boolean protects) {
        assertThat(new ProtectedPaths(List.of(pattern), "/").protects(path)).isEqualTo(protects);
    }

    @Test
    void anyOfSeveralPatterns_andNothingForNoPathOrNoPatterns() {
        ProtectedPaths paths = new ProtectedPaths(List.of("/area/*", "*.do"), "/area/");
        assertThat(paths.protects("/x.do")).isTrue();
        assertThat(paths.protects("/area/a")).isTrue();
        assertThat(paths.protects("/login.jsp")).isFalse();
        assertThat(paths.protects(null)).isFalse();
        assertThat(paths.protects("")).isFalse();
        assertThat(new ProtectedPaths(List.of(), "/").protects("/area/a")).isFalse();
        assertThat(paths.defaultTarget()).isEqualTo("/area/");
    }

    @Test
    void fromTheContext_orASayingWhenCieServletDidNotStart() {
        ProtectedPaths published = new ProtectedPaths(List.of("/a/*"), "/a/");
        assertThat(ProtectedPaths.from(context(published))).isSameAs(published);
        assertThatThrownBy(() -> ProtectedPaths.from(context(null))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not initialised");
    }

    private static ServletContext context(Object attribute) {
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if ("getAttribute".equals(method.getName()) && ProtectedPaths.CONTEXT_ATTRIBUTE.equals(args[0])) {
                        return attribute;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
