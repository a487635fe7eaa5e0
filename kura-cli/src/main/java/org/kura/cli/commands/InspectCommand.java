package org.kura.cli.commands;

import java.net.URI;
import java.util.concurrent.Callable;
import org.kura.cli.Wiring;
import org.kura.ingest.oai.Identify;
import org.kura.ingest.oai.OaiPmhClient;
import org.kura.ingest.oai.OaiResponseParser;
import org.kura.model.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Ask a provider's OAI-PMH endpoint what it is (Identify), which formats it offers "
                + "(ListMetadataFormats) and its sets (ListSets), before harvesting.")
public final class InspectCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "PROVIDER|URL", description = "A provider id, or an OAI-PMH base URL.") String target;

    @Override
    public Integer call() throws Exception {
        try (Wiring w = new Wiring(common.load())) {
            String endpoint = target.startsWith("http://") || target.startsWith("https://") ? target
                    : w.catalog().provider(target).map(Provider::oaiEndpoint)
                    .orElseThrow(() -> new IllegalArgumentException("no provider " + target));
            if (endpoint == null) {
                throw new IllegalArgumentException("provider " + target + " has no OAI-PMH endpoint");
            }
            OaiPmhClient client = new OaiPmhClient(w.oaiClientSettings());
            URI base = URI.create(endpoint);
            Identify id = client.identify(base);
            System.out.println("repository:      " + id.repositoryName());
            System.out.println("protocol:        " + id.protocolVersion());
            System.out.println("earliest:        " + id.earliestDatestamp());
            System.out.println("deleted records: " + id.deletedRecord());
            System.out.println("granularity:     " + id.granularity());
            System.out.println("formats:");
            for (OaiResponseParser.MetadataFormat f : client.listMetadataFormats(base)) {
                System.out.println("  " + f.prefix() + "  " + f.namespace()
                        + (w.crosswalks().forFormat(f.prefix()).isPresent() ? "  (Kura has a crosswalk)" : ""));
            }
            System.out.println("sets:");
            for (OaiResponseParser.OaiSet s : client.listSets(base)) {
                System.out.println("  " + s.spec() + "  " + (s.name() == null ? "" : s.name()));
            }
        }
        return 0;
    }
}
