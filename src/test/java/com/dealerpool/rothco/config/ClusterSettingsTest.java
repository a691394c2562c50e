package com.dealerpool.rothco.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading and checking the cluster.* settings. */
class ClusterSettingsTest {

    @Test
    void defaultsRunAlone() {
        ClusterSettings settings = ClusterSettings.read(Map.<String, String>of()::get, "jdbc:h2:file:./data/pool");

        assertThat(settings.enabled()).as("enabled").isFalse();
        assertThat(settings.heartbeatSeconds()).as("heartbeat seconds").isEqualTo(10);
        assertThat(settings.staleAfterSeconds()).as("stale-after seconds").isEqualTo(60);
    }

    @Test
    void clusterRequiresPostgres() {
        Map<String, String> settings = Map.of("cluster.enabled", "true");

        assertThatThrownBy(() -> ClusterSettings.read(settings::get, "jdbc:h2:file:./data/pool;AUTO_SERVER=TRUE"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("cluster.enabled=true requires a PostgreSQL pool")
                .hasMessageContaining("jdbc:h2:file:./data/pool")
                .hasMessageNotContaining("AUTO_SERVER");
    }

    @Test
    void staleAgeBelowTwoHeartbeatsRejected() {
        Map<String, String> settings = Map.of("cluster.heartbeat-seconds", "10", "cluster.stale-after-seconds", "15");

        assertThatThrownBy(() -> ClusterSettings.read(settings::get, "jdbc:postgresql://db:5432/pool"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("cluster.stale-after-seconds=15")
                .hasMessageContaining("at least 20");
    }
}
