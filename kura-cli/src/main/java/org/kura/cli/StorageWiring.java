package org.kura.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.kura.cli.config.ConfigException;
import org.kura.cli.config.KuraConfig;
import org.kura.repository.ObjectStore;
import org.kura.repository.OcflObjectStore;
import org.kura.repository.s3.S3OcflRoot;
import org.kura.repository.s3.S3Settings;

/**
 * Turns the {@code storage} section of the configuration into the {@link ObjectStore}: OCFL under
 * {@code <data>/ocfl}, or OCFL in an S3 bucket, read with the secret from an environment variable or a
 * file. Versions are staged under {@code <data>/work/ocfl} either way. A bucket that cannot be reached
 * fails here, at start, with the reason.
 */
final class StorageWiring {
    private StorageWiring() {
    }

    static ObjectStore objectStore(KuraConfig.Storage storage, Path dataDir, Map<String, String> environment) {
        Path work = dataDir.resolve("work").resolve("ocfl");
        String backend = storage.backend() == null ? "" : storage.backend().strip().toLowerCase(Locale.ROOT);
        return switch (backend) {
            case "", KuraConfig.Storage.FILE_SYSTEM -> new OcflObjectStore(dataDir.resolve("ocfl"), work);
            case KuraConfig.Storage.S3 -> new OcflObjectStore(new S3OcflRoot(s3Settings(storage.s3(), environment)), work);
            default -> throw new ConfigException("storage.backend must be " + KuraConfig.Storage.FILE_SYSTEM + " or "
                    + KuraConfig.Storage.S3 + ", not " + storage.backend());
        };
    }

    static S3Settings s3Settings(KuraConfig.S3 s3, Map<String, String> environment) {
        if (blank(s3.bucket())) {
            throw new ConfigException("storage.s3.bucket is required for the " + KuraConfig.Storage.S3 + " backend");
        }
        URI endpoint = null;
        if (!blank(s3.endpoint())) {
            try {
                endpoint = URI.create(s3.endpoint().strip());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("storage.s3.endpoint is not a URL: " + s3.endpoint(), e);
            }
            if (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?") || endpoint.getHost() == null) {
                throw new ConfigException("storage.s3.endpoint must be an http(s) URL such as http://minio:9000, not " + s3.endpoint());
            }
        }
        S3Settings.Builder b = S3Settings.bucket(s3.bucket().strip()).endpoint(endpoint).region(s3.region()).prefix(s3.prefix())
                .timeouts(Duration.ofSeconds(positive(s3.connectTimeoutSeconds(), "connectTimeoutSeconds")),
                        Duration.ofSeconds(positive(s3.readTimeoutSeconds(), "readTimeoutSeconds")));
        b.pathStyle(endpoint != null && s3.pathStyle());
        if (!blank(s3.accessKeyId())) {
            b.credentials(s3.accessKeyId().strip(), secret(s3, environment));
        } else if (!blank(s3.secretAccessKeyEnv()) || !blank(s3.secretAccessKeyFile())) {
            throw new ConfigException("storage.s3: a secret is configured but no accessKeyId");
        }
        return b.build();
    }

    private static String secret(KuraConfig.S3 s3, Map<String, String> environment) {
        boolean fromEnv = !blank(s3.secretAccessKeyEnv());
        boolean fromFile = !blank(s3.secretAccessKeyFile());
        if (fromEnv == fromFile) {
            throw new ConfigException("storage.s3: give the secret of access key " + s3.accessKeyId()
                    + " by exactly one of secretAccessKeyEnv (an environment variable's name) or secretAccessKeyFile");
        }
        if (fromEnv) {
            String value = environment.get(s3.secretAccessKeyEnv().strip());
            if (blank(value)) {
                throw new ConfigException("storage.s3.secretAccessKeyEnv: the environment variable "
                        + s3.secretAccessKeyEnv().strip() + " is not set");
            }
            return value.strip();
        }
        Path file = Path.of(s3.secretAccessKeyFile().strip());
        try {
            String value = Files.readString(file).strip();
            if (value.isEmpty()) {
                throw new ConfigException("storage.s3.secretAccessKeyFile: " + file + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new ConfigException("storage.s3.secretAccessKeyFile: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int positive(int seconds, String key) {
        if (seconds < 1) {
            throw new ConfigException("storage.s3." + key + " must be at least 1");
        }
        return seconds;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
