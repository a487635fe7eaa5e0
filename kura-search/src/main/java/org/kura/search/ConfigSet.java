package org.kura.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The project's Solr configset, shipped in the jar and written out where Solr wants it. */
public final class ConfigSet {
    public static final String NAME = "kura";
    private static final List<String> FILES = List.of("solrconfig.xml", "schema.xml", "mapping-kyujitai.txt",
            "mapping-kana.txt", "mapping-reading.txt", "stoptypes-cjk.txt");

    private ConfigSet() {
    }

    /** Writes the configset's files into {@code confDir} (created), replacing older copies. */
    public static Path writeTo(Path confDir) throws IOException {
        Files.createDirectories(confDir);
        for (String f : FILES) {
            try (InputStream in = ConfigSet.class.getResourceAsStream("/solr/configsets/kura/conf/" + f)) {
                if (in == null) {
                    throw new IOException("configset file missing from the class path: " + f);
                }
                Files.copy(in, confDir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return confDir;
    }
}
