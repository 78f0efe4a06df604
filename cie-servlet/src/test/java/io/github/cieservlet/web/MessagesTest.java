package io.github.cieservlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cieservlet.CieError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {

    /** The logout confirmation page of {@code LogoutServlet}. */
    private static final String[] LOGOUT_KEYS = {"logout.title", "logout.text", "logout.confirm", "logout.cancel"};

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/io/github/cieservlet/web/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyErrorHasATitleAndTextInItalianAndEnglish() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_it.properties"}) {
            Properties messages = load(bundle);
            for (CieError error : CieError.values()) {
                assertThat(messages.getProperty("error." + error.name() + ".title")).as(bundle + " " + error).isNotBlank();
                assertThat(messages.getProperty("error." + error.name() + ".text")).as(bundle + " " + error).isNotBlank();
            }
            for (String key : LOGOUT_KEYS) {
                assertThat(messages.getProperty(key)).as(bundle + " " + key).isNotBlank();
            }
            assertThat(messages.stringPropertyNames()).hasSize(CieError.values().length * 2 + 3 + LOGOUT_KEYS.length);
        }
    }

    @Test
    void theFourMandatoryCieOutcomesHaveTheirOwnMessages() throws IOException {
        Properties it = load("messages_it.properties");
        assertThat(it.getProperty("error.IDP_TIMEOUT.text")).contains("tempo massimo");
        assertThat(it.getProperty("error.IDP_CONSENT_DENIED.text")).contains("non inviare i tuoi dati");
        assertThat(it.getProperty("error.IDP_CARD_EXPIRED_OR_REVOKED.text")).contains("scaduta o revocata");
        assertThat(it.getProperty("error.IDP_CANCELLED.text")).contains("annullato");
        assertThat(it.getProperty("error.IDP_CANCELLED.text")).isNotEqualTo(it.getProperty("error.IDP_TIMEOUT.text"));
    }

    @Test
    void citizenOutcomesAreRefusalsWithA4xxStatus() {
        for (CieError error : CieError.values()) {
            if (error != CieError.INTERNAL_ERROR && error != CieError.IDP_METADATA_UNAVAILABLE
                    && error != CieError.TRUST_CHAIN_INVALID && error != CieError.EVIDENCE_UNAVAILABLE
                    && error != CieError.STATE_STORE_UNAVAILABLE) {
                assertThat(error.httpStatus()).as(error.name()).isBetween(400, 499);
            }
        }
    }
}
