package org.kura.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsWorkWithoutAnyFile() {
        KuraConfig c = new ConfigLoader(Map.of()).load(null, null);
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.catalog().embedded()).isTrue();
        assertThat(c.search().embedded()).isTrue();
        assertThat(c.data()).isEqualTo("./kura-data");
    }

    @Test
    void fileThenEnvironmentThenCommandLine() throws Exception {
        Path file = dir.resolve("kura.yaml");
        Files.writeString(file, "server:\n  port: 9000\nharvest:\n  politenessDelayMs: 5\ndata: /from/file\n");
        Map<String, String> env = Map.of("KURA_SERVER_PORT", "9100", "KURA_DATA_DIR", "/from/env");
        KuraConfig c = new ConfigLoader(env).load(file, null);
        assertThat(c.server().port()).isEqualTo(9100);
        assertThat(c.harvest().politenessDelayMs()).isEqualTo(5);
        assertThat(c.data()).isEqualTo("/from/env");
        assertThat(new ConfigLoader(env).load(file, "/from/cli").data()).isEqualTo("/from/cli");
    }

    @Test
    void environmentNamesFollowTheKeyPath() {
        assertThat(ConfigLoader.envName("harvest.politenessDelayMs")).isEqualTo("KURA_HARVEST_POLITENESS_DELAY_MS");
        assertThat(ConfigLoader.envName("catalog.url")).isEqualTo("KURA_CATALOG_URL");
        assertThat(ConfigLoader.environmentVariables()).containsEntry("server.adminToken", "KURA_SERVER_ADMIN_TOKEN");
    }

    @Test
    void unknownKeyIsAnErrorNotASilentDefault() throws Exception {
        Path file = dir.resolve("kura.yaml");
        Files.writeString(file, "server:\n  prot: 9000\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.prot");
    }

    @Test
    void badValueNamesTheProblem() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("KURA_SERVER_PORT", "eighty")).load(null, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("eighty");
    }

    @Test
    void missingExplicitFileIsAnError() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir.resolve("nope.yaml"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not found");
    }

    @Test
    void secretsAreMaskedWhenPrinted() {
        KuraConfig c = new ConfigLoader(Map.of("KURA_CATALOG_PASSWORD", "s3cret")).load(null, null);
        assertThat(ConfigLoader.toYaml(c)).doesNotContain("s3cret").contains("********");
    }
}
