package org.kura.catalog;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, throwaway PostgreSQL for integration tests, started from Debian's {@code postgresql}
 * binaries ({@code /usr/lib/postgresql/N/bin}) in a temporary directory on a free loopback port.
 * PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} system user via
 * {@code runuser}. With {@code KURA_TEST_PG_URL} set, that server is used instead. Without binaries,
 * the tests fail in CI ({@code CI=true}) and are skipped elsewhere, with the reason.
 */
public final class PostgresTestServer implements AutoCloseable {
    private final Path dir;
    private final Path bin;
    private final String url;
    private final String user;
    private final String password;

    private PostgresTestServer(Path dir, Path bin, String url, String user, String password) {
        this.dir = dir;
        this.bin = bin;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static PostgresTestServer start() throws IOException, InterruptedException {
        String external = System.getenv("KURA_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return new PostgresTestServer(null, null, external, env("KURA_TEST_PG_USER", "postgres"),
                    env("KURA_TEST_PG_PASSWORD", ""));
        }
        Optional<Path> bin = findBinaries();
        if (bin.isEmpty()) {
            String why = "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("kura-pg-");
        Path data = dir.resolve("data");
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        runAs(root, List.of(bin.get().resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"));
        runAs(root, List.of(bin.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-l", dir.resolve("log").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                        + "-c synchronous_commit=off -c full_page_writes=off", "start"));
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE kura_test");
        } catch (SQLException e) {
            throw new IOException("cannot create the test database: " + e.getMessage(), e);
        }
        return new PostgresTestServer(dir, bin.get(), "jdbc:postgresql://127.0.0.1:" + port + "/kura_test",
                "postgres", "");
    }

    public CatalogSettings settings() {
        return new CatalogSettings(url, user, password, 4);
    }

    /** Drops and recreates the public schema, for a clean catalog per test. */
    public void reset() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (dir == null) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        runAs(root, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                "-w", "stop"));
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Optional<Path> findBinaries() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(p -> p.getParent().getFileName().toString(),
                            Comparator.comparingInt(v -> v.matches("\\d+") ? Integer.parseInt(v) : 0)));
        }
    }

    private static void runAs(boolean root, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("command failed: " + String.join(" ", command) + "\n" + out);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
