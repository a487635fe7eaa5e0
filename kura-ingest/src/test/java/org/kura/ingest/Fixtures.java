package org.kura.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where test fixtures live: this module's resources, and the shared fixtures beside the repository. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path local(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    /** A file of {@code ../shared/fixtures} (the surefire property kura.shared.fixtures points there). */
    public static Path shared(String name) {
        String base = System.getProperty("kura.shared.fixtures", "../../shared/fixtures");
        Path p = Path.of(base).resolve(name);
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared fixture not found: " + p.toAbsolutePath());
        }
        return p;
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
