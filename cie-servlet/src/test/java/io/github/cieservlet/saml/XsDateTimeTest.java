package io.github.cieservlet.saml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class XsDateTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"2018-09-04T00:00:00Z", "2025-03-14T10:15:28.123Z", "2025-03-14T10:15:28.123456789Z",
        "2025-03-14T11:15:28+01:00", "2025-03-14T05:15:28-05:00", "2024-02-29T23:59:59Z"})
    void fullDateTimesWithAZoneAreAccepted(String value) {
        assertThat(XsDateTime.isFullDateTime(value)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2018-09-04", "2018-09-04Z", "2018-09-04T10:00Z", "2018-09-04T10:00:00",
        "2018-09-04 10:00:00Z", " 2018-09-04T10:00:00Z", "2018-09-04T10:00:00Z ", "2018-09-04T10:00:00z",
        "2018-09-04T10:00:00.Z", "2018-09-04T10:00:00+0100", "2018-02-30T10:00:00Z", "2018-09-04T24:00:01Z",
        "+2018-09-04T10:00:00Z", "12018-09-04T10:00:00Z", "14/03/2025 10:15:28", "2018-09-04T10:00:00\u0660Z"})
    void anythingElseIsRefused(String value) {
        assertThat(XsDateTime.isFullDateTime(value)).isFalse();
    }
}
