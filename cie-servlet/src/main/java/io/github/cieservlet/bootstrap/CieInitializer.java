package io.github.cieservlet.bootstrap;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import java.util.Set;

/**
 * Starts cie-servlet with every web application that has the jar in {@code WEB-INF/lib}, also when web.xml is
 * {@code metadata-complete="true"} (the container runs initializers named in
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer} regardless): runs the
 * {@link CieContextListener} startup now, while the context still accepts servlets and filters, and adds the
 * listener for shutdown. A {@link CieContextListener} also declared in web.xml finds the library started and
 * does nothing, so nothing is registered twice.
 */
public final class CieInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        new CieContextListener().contextInitialized(new ServletContextEvent(context));
        context.addListener(CieContextListener.class);
    }
}
