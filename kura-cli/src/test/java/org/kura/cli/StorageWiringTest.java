package org.kura.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.cli.config.ConfigException;
import org.kura.cli.config.ConfigLoader;
import org.kura.cli.config.KuraConfig;
import org.kura.repository.ObjectStore;
import org.kura.repository.OcflObjectStore;
import org.kura.repository.RepositoryException;
import org.kura.repository.s3.S3Settings;

/**
 * The {@code storage} section chooses the object store: OCFL on the file system by default, OCFL in an
 * S3 bucket with the secret from an environment variable or a file (never inline), and an S3 service
 * that cannot be reached fails the start with the reason. (The S3 store itself is tested against a real
 * S3-compatible server in kura-repository.)
 */
class StorageWiringTest {
    @TempDir
    Path dir;

    KuraConfig load(Map<String, String> env, String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("kura.yaml"), yaml);
        return new ConfigLoader(env).load(file, dir.resolve("data").toString());
    }

    @Test
    void theDefaultIsOcflOnTheFileSystemUnderTheDataDirectory() throws Exception {
        KuraConfig c = load(Map.of(), "");
        assertThat(c.storage().onS3()).isFalse();
        try (ObjectStore store = StorageWiring.objectStore(c.storage(), c.dataDir(), Map.of())) {
            assertThat(((OcflObjectStore) store).location()).isEqualTo(c.dataDir().resolve("ocfl").toString());
        }
        assertThat(Files.exists(c.dataDir().resolve("ocfl/0=ocfl_1.1"))).isTrue();
    }

    @Test
    void s3SettingsComeFromTheFileAndTheEnvironmentWithTheSecretFromAVariableOrAFile() throws Exception {
        String yaml = """
                storage:
                  backend: ocfl-s3
                  s3:
                    endpoint: http://minio.internal:9000
                    bucket: kura-items
                    prefix: /prod/ocfl/
                    accessKeyId: kura
                    secretAccessKeyEnv: KURA_S3_SECRET
                """;
        KuraConfig c = load(Map.of("KURA_S3_SECRET", "from-env", "KURA_STORAGE_S3_REGION", "ap-northeast-1"), yaml);
        assertThat(c.storage().onS3()).isTrue();
        S3Settings s = StorageWiring.s3Settings(c.storage().s3(), Map.of("KURA_S3_SECRET", "from-env"));
        assertThat(s.endpoint()).isEqualTo(URI.create("http://minio.internal:9000"));
        assertThat(s.region()).isEqualTo("ap-northeast-1");
        assertThat(s.prefix()).isEqualTo("prod/ocfl");
        assertThat(s.pathStyle()).isTrue();
        assertThat(s.accessKeyId()).isEqualTo("kura");
        assertThat(s.secretAccessKey()).isEqualTo("from-env");
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.toString()).doesNotContain("from-env");
        assertThat(ConfigLoader.toYaml(c)).doesNotContain("from-env");

        Path secretFile = Files.writeString(dir.resolve("s3-secret"), "from-file\n");
        KuraConfig f = load(Map.of(), yaml.replace("secretAccessKeyEnv: KURA_S3_SECRET", "secretAccessKeyFile: " + secretFile));
        assertThat(StorageWiring.s3Settings(f.storage().s3(), Map.of()).secretAccessKey()).isEqualTo("from-file");
    }

    @Test
    void aWrongStorageSectionIsRefusedWithTheKeyToFix() throws Exception {
        assertThatThrownBy(() -> StorageWiring.objectStore(load(Map.of(), "storage:\n  backend: tape\n").storage(), dir, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("storage.backend must be ocfl-fs or ocfl-s3, not tape");
        assertThatThrownBy(() -> StorageWiring.s3Settings(load(Map.of(), "storage:\n  backend: ocfl-s3\n").storage().s3(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("storage.s3.bucket is required");
        String noSecret = "storage:\n  backend: ocfl-s3\n  s3:\n    bucket: b1\n    accessKeyId: kura\n    secretAccessKeyEnv: KURA_S3_SECRET\n";
        assertThatThrownBy(() -> StorageWiring.s3Settings(load(Map.of(), noSecret).storage().s3(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("the environment variable KURA_S3_SECRET is not set");
        assertThatThrownBy(() -> load(Map.of(), "storage:\n  s3:\n    secretAccessKey: inline\n"))
                .as("there is no key for an inline secret").isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown configuration key: storage.s3.secretAccessKey");
        assertThatThrownBy(() -> StorageWiring.s3Settings(load(Map.of(), "storage:\n  s3:\n    bucket: b1\n    endpoint: minio:9000\n")
                .storage().s3(), Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("must be an http(s) URL");
    }

    @Test
    void anS3ServiceThatCannotBeReachedFailsTheStartWithinSecondsSayingWhere() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path secret = Files.writeString(dir.resolve("s3-secret"), "x");
        KuraConfig c = load(Map.of(), """
                storage:
                  backend: ocfl-s3
                  s3:
                    endpoint: http://127.0.0.1:%d
                    bucket: kura-items
                    accessKeyId: kura
                    secretAccessKeyFile: %s
                    connectTimeoutSeconds: 1
                    readTimeoutSeconds: 1
                """.formatted(closedPort, secret));
        try (Wiring w = new Wiring(c)) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(w::objectStore)
                    .isInstanceOf(RepositoryException.class)
                    .hasMessageContaining("cannot reach the S3 service at http://127.0.0.1:" + closedPort));
        }
    }
}
