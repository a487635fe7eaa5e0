package org.kura.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When a run left RUNNING in a shared catalog can no longer finish. */
class RunOwnerTest {
    private final Instant now = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void anOpenStoreOfThisProcessIsAliveAndAClosedOneIsGone() {
        String owner = RunOwner.register();
        assertThat(RunOwner.abandoned(owner, now, now)).isFalse();
        RunOwner.unregister(owner);
        assertThat(RunOwner.abandoned(owner, now, now)).as("its store was closed").isTrue();
    }

    @Test
    void aProcessOfThisHostThatHasEndedIsGone() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String start = child.info().startInstant().map(Instant::toString).orElse("?");
        String owner = RunOwner.register();
        String[] self = owner.split("/", 4);
        String childOwner = self[0] + "/" + child.pid() + "/" + start + "/instance";
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(RunOwner.abandoned(childOwner, now, now)).isTrue();
        // the same pid started at another time is another process (pids are reused)
        String reused = self[0] + "/" + self[1] + "/1999-01-01T00:00:00Z/instance";
        assertThat(RunOwner.gone(reused)).isTrue();
        RunOwner.unregister(owner);
    }

    @Test
    void anotherHostIsJudgedByItsHeartbeat() {
        String elsewhere = "another-host.example/4242/2026-12-01T00:00:00Z/instance";
        assertThat(RunOwner.abandoned(elsewhere, now.minusSeconds(60), now)).as("beat a minute ago").isFalse();
        assertThat(RunOwner.abandoned(elsewhere, now.minus(RunOwner.STALE).minusSeconds(1), now)).as("silent too long").isTrue();
    }

    @Test
    void runsFromBeforeOwnersAndOddOwnersAreHandled() {
        assertThat(RunOwner.abandoned(null, null, now)).as("written by an older Kura").isTrue();
        assertThat(RunOwner.abandoned("not an owner", now, now)).as("unknown form: the heartbeat decides").isFalse();
        assertThat(RunOwner.abandoned("not an owner", now.minus(RunOwner.STALE).minusSeconds(1), now)).isTrue();
    }
}
