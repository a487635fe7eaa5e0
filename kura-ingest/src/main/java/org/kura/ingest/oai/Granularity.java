package org.kura.ingest.oai;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Datestamp granularity a repository declares in Identify (OAI-PMH 2.0, section 3.3.2). */
public enum Granularity {
    DAY("YYYY-MM-DD"), SECOND("YYYY-MM-DDThh:mm:ssZ");

    private final String declared;

    Granularity(String declared) {
        this.declared = declared;
    }

    public static Granularity parse(String s) {
        return s != null && s.trim().equals(DAY.declared) ? DAY : SECOND;
    }

    /** Formats a from/until argument; for DAY the date is truncated (harvests overlap, never miss). */
    public String format(Instant t) {
        return this == DAY
                ? DateTimeFormatter.ISO_LOCAL_DATE.format(t.atZone(ZoneOffset.UTC))
                : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
