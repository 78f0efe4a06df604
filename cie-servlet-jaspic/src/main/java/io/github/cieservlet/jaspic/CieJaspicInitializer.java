package io.github.cieservlet.jaspic;

import io.github.cieservlet.bootstrap.DeclaredSecurity;
import io.github.cieservlet.config.CieConfigException;
import io.github.cieservlet.config.CieParam;
import io.github.cieservlet.config.ConfigProblem;
import io.github.cieservlet.config.ParamSource;
import io.github.cieservlet.logging.Log;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * With {@code cie.containerSecurity=true}, registers the {@link CieServerAuthModule} for this application with
 * the server's {@link AuthConfigFactory} (layer {@code HttpServlet}, application context
 * {@code "<virtual server> <context path>"}), and removes it when the application stops, so a redeploy leaves
 * nothing of the old class loader in the server. Named in {@code META-INF/services}, so it runs also with a
 * {@code metadata-complete} web.xml; with the param unset it does nothing.
 */
public final class CieJaspicInitializer implements ServletContainerInitializer {

    private static final Log LOG = Log.of(CieJaspicInitializer.class);

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Map<String, String> params = new HashMap<>();
        for (String name : Collections.list(context.getInitParameterNames())) {
            params.put(name, context.getInitParameter(name));
        }
        ParamSource source = ParamSource.withProcessOverrides(params);
        List<ConfigProblem> problems = new ArrayList<>();
        if (!"true".equals(source.value(CieParam.CONTAINER_SECURITY, problems).orElse("false"))) {
            return;
        }
        String baseRole = source.value(CieParam.BASE_ROLE, problems).orElse(CieParam.BASE_ROLE.defaultValue().get());
        Optional<String> dataSource = source.value(CieParam.ROLES_DATA_SOURCE, problems);
        Optional<String> query = source.value(CieParam.ROLES_QUERY, problems);
        if (dataSource.isPresent() != query.isPresent()) {
            problems.add(new ConfigProblem(dataSource.isPresent() ? CieParam.ROLES_QUERY.key() : CieParam.ROLES_DATA_SOURCE.key(),
                    "cie.rolesDataSource and cie.rolesQuery go together: set both, or neither"));
        }
        if (query.isPresent() && query.get().chars().filter(c -> c == '?').count() != 1) {
            problems.add(new ConfigProblem(CieParam.ROLES_QUERY.key(), "must have exactly one ? (the fiscal code), e.g."
                    + " SELECT role FROM user_roles WHERE fiscal_code = ?"));
        }
        if (!problems.isEmpty()) {
            CieConfigException failure = new CieConfigException(problems);
            LOG.error(failure.getMessage());
            throw failure;
        }
        List<CieRoleSource> sources = new ArrayList<>();
        ServiceLoader.load(CieRoleSource.class, context.getClassLoader()).forEach(sources::add);
        if (dataSource.isPresent()) {
            sources.add(sqlRoleSource(dataSource.get(), query.get()));
        }
        CieServerAuthModule module = new CieServerAuthModule(context, baseRole, sources, DeclaredSecurity.of(context));
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        String registration = AuthConfigFactory.getFactory().registerConfigProvider(new CieAuthConfigProvider(module),
                "HttpServlet", appContext, "cie-servlet: the CIE login as the container's login");
        context.addListener(new Unregister(registration));
        LOG.info("cie-servlet container security on for [{}]: Jakarta Authentication module registered; every"
                + " citizen has role {}{}", appContext, baseRole, sources.isEmpty() ? "" : ", extra roles from " + sources);
    }

    /**
     * @param dataSourceName the JNDI name of {@code cie.rolesDataSource}, looked up at the first login
     * @param query {@code cie.rolesQuery}
     * @return the role source
     */
    static SqlRoleSource sqlRoleSource(String dataSourceName, String query) {
        return new SqlRoleSource(() -> lookup(dataSourceName), query);
    }

    private static DataSource lookup(String name) {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("cie.rolesDataSource: no DataSource named " + name + " (" + e + ")", e);
        }
    }

    /** Removes the registration when the application stops. */
    private static final class Unregister implements ServletContextListener {
        private final String registration;

        Unregister(String registration) {
            this.registration = registration;
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            AuthConfigFactory.getFactory().removeRegistration(registration);
        }
    }
}
