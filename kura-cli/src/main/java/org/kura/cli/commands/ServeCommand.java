package org.kura.cli.commands;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.kura.cli.Wiring;
import org.kura.server.KuraServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the portal and APIs over the existing data until interrupted (Ctrl-C).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Option(names = "--port", defaultValue = "-1", description = "Port (default from configuration, 8080).") int port;

    @Override
    public Integer call() throws Exception {
        Wiring wiring = new Wiring(common.load());
        KuraServer server = wiring.server(port).start();
        wiring.followChangeLog(java.time.Duration.ofSeconds(5));
        serveUntilInterrupted(wiring, server);
        return 0;
    }

    /** Blocks until the JVM is asked to stop, then closes the server and the wiring. */
    static void serveUntilInterrupted(Wiring wiring, KuraServer server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            wiring.close();
            stopped.countDown();
        }, "kura-shutdown"));
        System.out.println("Kura is serving on http://localhost:" + server.port() + "/  (Ctrl-C to stop)");
        System.out.println("  health:   http://localhost:" + server.port() + "/health");
        System.out.println("  metrics:  http://localhost:" + server.port() + "/metrics");
        System.out.println("  admin API token: " + wiring.dataDir().resolve("admin-token")
                + (wiring.config().server().adminToken().isBlank() ? "" : " (configured)"));
        stopped.await();
    }
}
