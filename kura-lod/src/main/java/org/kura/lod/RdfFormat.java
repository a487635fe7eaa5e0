package org.kura.lod;

import java.io.OutputStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;

/** The RDF serializations Kura offers, with their media types and file suffixes. */
public enum RdfFormat {
    RDF_XML("rdf", "application/rdf+xml", org.apache.jena.riot.RDFFormat.RDFXML_PRETTY),
    TURTLE("ttl", "text/turtle", org.apache.jena.riot.RDFFormat.TURTLE_PRETTY),
    N_TRIPLES("nt", "application/n-triples", org.apache.jena.riot.RDFFormat.NTRIPLES_UTF8),
    JSON_LD("jsonld", "application/ld+json", org.apache.jena.riot.RDFFormat.JSONLD11_PRETTY);

    private final String suffix;
    private final String mediaType;
    private final org.apache.jena.riot.RDFFormat jena;

    RdfFormat(String suffix, String mediaType, org.apache.jena.riot.RDFFormat jena) {
        this.suffix = suffix;
        this.mediaType = mediaType;
        this.jena = jena;
    }

    public String suffix() {
        return suffix;
    }

    public String mediaType() {
        return mediaType;
    }

    public void write(Model model, OutputStream out) {
        RDFDataMgr.write(out, model, jena);
    }
}
