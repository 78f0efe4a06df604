package io.github.cieservlet.testidp;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import java.util.Set;

/**
 * Starts the test IdP with every web application that has the jar in {@code WEB-INF/lib}, also when web.xml is
 * {@code metadata-complete="true"} (the container runs initializers named in {@code META-INF/services}
 * regardless): runs the {@link TestIdpListener} startup while the context still accepts servlets. A
 * {@link TestIdpListener} also declared in web.xml finds it done and does nothing.
 */
public final class TestIdpInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        new TestIdpListener().contextInitialized(new ServletContextEvent(context));
    }
}
