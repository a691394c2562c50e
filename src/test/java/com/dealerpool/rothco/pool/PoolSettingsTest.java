package com.dealerpool.rothco.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoolSettingsTest {

    @Test
    void otherDatabaseIsRejected() {
        assertThatThrownBy(() -> new PoolSettings("jdbc:mysql://db/pool", "u", "p", 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://db/pool")
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void zeroPoolSizeIsRejected() {
        assertThatThrownBy(() -> new PoolSettings(PoolSettings.DEFAULT_H2_URL, "sa", "", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }

    @Test
    void toStringHidesPassword() {
        PoolSettings settings = new PoolSettings("jdbc:postgresql://db/pool?password=secret", "pool", "secret", 4);

        assertThat(settings.toString()).doesNotContain("secret");
    }
}
