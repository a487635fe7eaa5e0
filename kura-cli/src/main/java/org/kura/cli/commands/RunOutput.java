package org.kura.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.kura.catalog.HarvestRun;
import org.kura.ingest.pipeline.ConsoleProgress;
import org.kura.ingest.pipeline.Progress;
import org.kura.ingest.pipeline.ProgressListener;

/** How a command reports a run: a progress line on stderr, then a summary (or one JSON object) on stdout. */
final class RunOutput {
    private final boolean json;
    private final ConsoleProgress console = new ConsoleProgress(System.err);
    private Progress last;

    RunOutput(boolean json) {
        this.json = json;
    }

    ProgressListener listener() {
        return p -> {
            last = p;
            console.onProgress(p);
        };
    }

    /** Prints the summary; exit code 0 when the run completed, 1 otherwise. */
    int finish(HarvestRun run) throws JsonProcessingException {
        console.finish(last);
        if (json) {
            System.out.println(Json.line(run));
        } else {
            System.out.printf("run %d %s %s: harvested %d = stored %d + unchanged %d + deleted %d + quarantined %d%n",
                    run.id(), run.kind(), run.state(), run.harvested(), run.stored(), run.unchanged(), run.deleted(),
                    run.quarantined());
            if (run.error() != null) {
                System.out.println("error: " + run.error());
            }
            if (run.quarantined() > 0) {
                System.out.println("see the reasons with: kura quarantine " + run.providerId());
            }
        }
        return run.state() == HarvestRun.State.COMPLETED ? 0 : 1;
    }
}
