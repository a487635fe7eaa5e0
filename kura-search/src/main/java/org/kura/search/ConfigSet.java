package org.kura.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The project's Solr configset, shipped in the jar and written out where Solr wants it. */
public final class ConfigSet {
    public static final String NAME = "kura";
    private static final List<String> FILES = List.of("solrconfig.xml", "schema.xml", "mapping-kyujitai.txt",
            "mapping-kana.txt", "mapping-reading.txt", "stoptypes-cjk.txt");

    private ConfigSet() {
    }

    /**
     * A SHA-256 of the configset's files, in order: what an index was built with. An index built with another
     * configuration still answers, but analysis may differ between its documents and today's queries.
     */
    public static String digest() throws IOException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String f : FILES) {
            sha.update(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(bytes(f));
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** Counts an index's documents. */
    @FunctionalInterface
    interface DocumentCount {
        long get() throws IOException, org.apache.solr.client.solrj.SolrServerException;
    }

    /**
     * True when an index that {@code existed} before this start, built with the configset {@code builtWith} ("" when
     * it never said), holds documents analysed by another configset than this one; logs the warning that says so,
     * naming the index as {@code where}. An empty index is simply taken over.
     */
    static boolean outdated(boolean existed, String builtWith, DocumentCount documents, String where)
            throws IOException, org.apache.solr.client.solrj.SolrServerException {
        boolean other = existed && !digest().equals(builtWith) && documents.get() > 0;
        if (other) {
            org.slf4j.LoggerFactory.getLogger(ConfigSet.class).warn("{} was built with an earlier search configuration: it"
                    + " keeps answering, but run `kura index --full` to rebuild it with this one (CHANGELOG.md)", where);
        }
        return other;
    }

    /** Writes the configset's files into {@code confDir} (created), replacing older copies. */
    public static Path writeTo(Path confDir) throws IOException {
        Files.createDirectories(confDir);
        for (String f : FILES) {
            Files.write(confDir.resolve(f), bytes(f));
        }
        return confDir;
    }

    /** One file of the configset as shipped in the jar. */
    private static byte[] bytes(String file) throws IOException {
        try (InputStream in = ConfigSet.class.getResourceAsStream("/solr/configsets/kura/conf/" + file)) {
            if (in == null) {
                throw new IOException("configset file missing from the class path: " + file);
            }
            return in.readAllBytes();
        }
    }
}
