package io.github.cieservlet.jaspic;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.auth.message.module.ServerAuthModule;
import java.util.Collections;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * Hands one {@link ServerAuthModule} to the container for one application (layer {@code HttpServlet}): the
 * provider, config and context that Jakarta Authentication asks for, written out so that JASPIC 1.1 servers
 * (Tomcat 9, through the javax variant) work as well as Jakarta Authentication 3.0 ones.
 */
final class CieAuthConfigProvider implements AuthConfigProvider {

    private final ServerAuthModule module;

    CieAuthConfigProvider(ServerAuthModule module) {
        this.module = module;
    }

    @Override
    public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler) {
        return null;
    }

    @Override
    public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler) {
        return new Config(layer, appContext, handler);
    }

    @Override
    public void refresh() {
        // nothing cached
    }

    /** The configuration of the one module for one application. */
    private final class Config implements ServerAuthConfig {
        private final String layer;
        private final String appContext;
        private final CallbackHandler handler;

        Config(String layer, String appContext, CallbackHandler handler) {
            this.layer = layer;
            this.appContext = appContext;
            this.handler = handler;
        }

        @Override
        public ServerAuthContext getAuthContext(String authContextId, Subject serviceSubject,
                @SuppressWarnings("rawtypes") Map properties) throws AuthException {
            module.initialize(null, null, handler, Collections.emptyMap());
            return new Context();
        }

        @Override
        public String getMessageLayer() {
            return layer;
        }

        @Override
        public String getAppContext() {
            return appContext;
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return appContext;
        }

        @Override
        public void refresh() {
            // nothing cached
        }

        @Override
        public boolean isProtected() {
            return false;
        }
    }

    /** Delegates each request to the module. */
    private final class Context implements ServerAuthContext {
        @Override
        public AuthStatus validateRequest(MessageInfo messageInfo, Subject client, Subject service) throws AuthException {
            return module.validateRequest(messageInfo, client, service);
        }

        @Override
        public AuthStatus secureResponse(MessageInfo messageInfo, Subject service) throws AuthException {
            return module.secureResponse(messageInfo, service);
        }

        @Override
        public void cleanSubject(MessageInfo messageInfo, Subject subject) throws AuthException {
            module.cleanSubject(messageInfo, subject);
        }
    }
}
