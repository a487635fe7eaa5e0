package org.kura.ingest.oai;

/** What a repository says of itself (OAI-PMH 2.0, section 4.2). */
public record Identify(String repositoryName, String baseUrl, String protocolVersion, String earliestDatestamp,
                       String deletedRecord, Granularity granularity) {
}
