package org.kura.server.oai;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStore.DatestampKey;
import org.kura.catalog.StoredRecord;
import org.kura.model.Provider;
import org.kura.model.xml.XmlText;
import org.kura.server.RouteGroup;

/**
 * The OAI-PMH 2.0 provider at {@code /oai} (GET and POST): all six verbs over the catalog, in
 * {@code oai_dc}, {@code jpcoar_2.0} and whatever other {@link MetadataFormat}s are given (DC-NDL).
 * Sets: {@code provider}, {@code provider:<id>} and, when collections are given, {@code collection:<id>}. Datestamps are the catalog's (when Kura last
 * changed the record), at seconds granularity; deletions are persistent. Lists are paged in
 * datestamp order with signed, expiring resumption tokens that stay valid while the catalog changes,
 * so that an aggregator can harvest the whole catalog incrementally. Every error condition of the
 * protocol answers with its OAI-PMH error code, never an HTTP error.
 *
 * <pre>
 * GET|POST /oai   public   ?verb=Identify|ListMetadataFormats|ListSets|ListIdentifiers|ListRecords|GetRecord …
 * </pre>
 */
public final class OaiPmhRoutes implements RouteGroup {
    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final Map<String, Set<String>> ARGS = Map.of(
            "Identify", Set.of(),
            "ListMetadataFormats", Set.of("identifier"),
            "ListSets", Set.of("resumptionToken"),
            "ListIdentifiers", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
            "ListRecords", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
            "GetRecord", Set.of("identifier", "metadataPrefix"));

    /**
     * @param repositoryName       shown by Identify
     * @param baseUrl              the public URL of {@code /oai}
     * @param adminEmail           shown by Identify
     * @param repositoryIdentifier the oai-identifier namespace (a domain name, e.g. {@code kura.example.org})
     * @param pageSize             records per list response
     * @param tokenLifetime        how long a resumption token stays valid
     * @param secret               key that signs resumption tokens (keep it across restarts)
     */
    public record Settings(String repositoryName, String baseUrl, String adminEmail, String repositoryIdentifier,
                           int pageSize, Duration tokenLifetime, byte[] secret) {
        public Settings {
            if (secret == null || secret.length < 16) {
                throw new IllegalArgumentException("the resumption-token secret needs at least 16 bytes");
            }
            if (pageSize < 1) {
                throw new IllegalArgumentException("pageSize must be positive");
            }
        }
    }

    private final CatalogStore store;
    private final Settings settings;
    private final Map<String, MetadataFormat> formats = new LinkedHashMap<>();
    private final OaiIdentifiers identifiers;
    private final Clock clock;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    /** Catalog pages a collection-set request reads at most before answering (a token continues the scan). */
    static final int MAX_SCAN_PAGES = 20;
    private final CollectionSets collections;

    public OaiPmhRoutes(CatalogStore store, Settings settings, List<MetadataFormat> formats, Clock clock) {
        this(store, settings, formats, clock, null);
    }

    /** @param collections sets {@code collection:<id>} (null: provider sets only) */
    public OaiPmhRoutes(CatalogStore store, Settings settings, List<MetadataFormat> formats, Clock clock,
                        CollectionSets collections) {
        this.collections = collections;
        this.store = store;
        this.settings = settings;
        for (MetadataFormat f : formats) {
            this.formats.put(f.prefix(), f);
        }
        this.identifiers = new OaiIdentifiers(settings.repositoryIdentifier());
        this.clock = clock;
    }

    /** The OAI identifier Kura gives a catalog record. */
    public String oaiIdentifier(String providerId, String identifier) {
        return identifiers.toOai(providerId, identifier);
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/oai", this::handle);
        app.post("/oai", this::handle);
    }

    /** An OAI-PMH error: its code and a message for people. */
    private record OaiError(String code, String message) {
    }

    /** Thrown inside a verb when the request cannot be answered with data. */
    private static final class Failure extends Exception {
        final List<OaiError> errors;

        Failure(String code, String message) {
            super(message, null, false, false);
            this.errors = List.of(new OaiError(code, message));
        }
    }

    private void handle(Context ctx) throws IOException, XMLStreamException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<String>> params;
        if (ctx.method() == HandlerType.POST) {
            String type = ctx.contentType() == null ? "" : ctx.contentType();
            params = type.startsWith("application/x-www-form-urlencoded") ? ctx.formParamMap() : Map.of();
        } else {
            params = ctx.queryParamMap();
        }
        ctx.contentType("text/xml; charset=UTF-8");
        List<String> verbs = params.getOrDefault("verb", List.of());
        String verb = verbs.size() == 1 ? verbs.get(0) : null;
        List<OaiError> errors = new ArrayList<>();
        if (verb == null || !ARGS.containsKey(verb)) {
            errors.add(new OaiError("badVerb", verbs.isEmpty() ? "the verb argument is missing"
                    : verbs.size() > 1 ? "the verb argument is repeated" : "illegal verb " + verbs.get(0)));
        } else {
            for (Map.Entry<String, List<String>> p : params.entrySet()) {
                if (p.getKey().equals("verb")) {
                    continue;
                }
                if (!ARGS.get(verb).contains(p.getKey())) {
                    errors.add(new OaiError("badArgument", "illegal argument " + p.getKey() + " for " + verb));
                } else if (p.getValue().size() > 1) {
                    errors.add(new OaiError("badArgument", "repeated argument " + p.getKey()));
                }
            }
        }
        Map<String, String> args = new LinkedHashMap<>();
        params.forEach((k, v) -> args.put(k, v.isEmpty() ? "" : v.get(0)));
        if (!errors.isEmpty()) {
            write(ctx, now, null, out -> errors(out, errors));
            return;
        }
        Body body;
        try {
            body = switch (verb) {
                case "Identify" -> identify();
                case "ListMetadataFormats" -> listMetadataFormats(args);
                case "ListSets" -> listSets(args);
                case "GetRecord" -> getRecord(args);
                default -> list(verb, args, now);
            };
        } catch (Failure f) {
            boolean argumentError = f.errors.stream().anyMatch(e -> e.code().equals("badArgument"));
            write(ctx, now, argumentError ? null : args, out -> errors(out, f.errors));
            return;
        }
        write(ctx, now, args, body);
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter out) throws XMLStreamException;
    }

    private void write(Context ctx, Instant now, Map<String, String> args, Body body) throws IOException, XMLStreamException {
        OutputStream os = new BufferedOutputStream(ctx.outputStream(), 64 * 1024);
        XMLStreamWriter out = xml.createXMLStreamWriter(os, "UTF-8");
        out.writeStartDocument("UTF-8", "1.0");
        out.writeCharacters("\n");
        out.setDefaultNamespace(OAI);
        out.writeStartElement(OAI, "OAI-PMH");
        out.writeDefaultNamespace(OAI);
        out.writeNamespace("xsi", XSI);
        out.writeAttribute("xsi", XSI, "schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
        element(out, "responseDate", now.toString());
        out.writeStartElement(OAI, "request");
        if (args != null) {
            for (Map.Entry<String, String> a : args.entrySet()) {
                out.writeAttribute(a.getKey(), XmlText.clean(a.getValue()));
            }
        }
        out.writeCharacters(settings.baseUrl());
        out.writeEndElement();
        body.write(out);
        out.writeEndElement();
        out.writeEndDocument();
        out.flush();
        out.close();
        os.flush();
    }

    private static void errors(XMLStreamWriter out, List<OaiError> errors) throws XMLStreamException {
        for (OaiError e : errors) {
            out.writeStartElement(OAI, "error");
            out.writeAttribute("code", e.code());
            out.writeCharacters(XmlText.clean(e.message()));
            out.writeEndElement();
        }
    }

    private static void element(XMLStreamWriter out, String name, String text) throws XMLStreamException {
        out.writeStartElement(OAI, name);
        out.writeCharacters(text);
        out.writeEndElement();
    }

    // ---- verbs -----------------------------------------------------------------------------

    private Body identify() {
        Instant earliest = store.earliestDatestamp().orElse(Instant.EPOCH).truncatedTo(ChronoUnit.SECONDS);
        return out -> {
            out.writeStartElement(OAI, "Identify");
            element(out, "repositoryName", settings.repositoryName());
            element(out, "baseURL", settings.baseUrl());
            element(out, "protocolVersion", "2.0");
            element(out, "adminEmail", settings.adminEmail());
            element(out, "earliestDatestamp", earliest.toString());
            element(out, "deletedRecord", "persistent");
            element(out, "granularity", "YYYY-MM-DDThh:mm:ssZ");
            element(out, "compression", "gzip");
            out.writeStartElement(OAI, "description");
            String ns = "http://www.openarchives.org/OAI/2.0/oai-identifier";
            out.writeStartElement("", "oai-identifier", ns);
            out.writeDefaultNamespace(ns);
            out.writeAttribute("xsi", XSI, "schemaLocation", ns + " http://www.openarchives.org/OAI/2.0/oai-identifier.xsd");
            for (String[] e : new String[][] {{"scheme", "oai"}, {"repositoryIdentifier", settings.repositoryIdentifier()},
                {"delimiter", ":"}, {"sampleIdentifier", identifiers.toOai("ndl", "R100000002-I000000001")}}) {
                out.writeStartElement(ns, e[0]);
                out.writeCharacters(e[1]);
                out.writeEndElement();
            }
            out.writeEndElement();
            out.writeEndElement();
            out.writeEndElement();
        };
    }

    private Body listMetadataFormats(Map<String, String> args) throws Failure {
        String id = args.get("identifier");
        if (id != null) {
            find(id); // idDoesNotExist; every record (deleted ones as headers) is available in every format
        }
        return out -> {
            out.writeStartElement(OAI, "ListMetadataFormats");
            for (MetadataFormat f : formats.values()) {
                out.writeStartElement(OAI, "metadataFormat");
                element(out, "metadataPrefix", f.prefix());
                element(out, "schema", f.schema());
                element(out, "metadataNamespace", f.namespace());
                out.writeEndElement();
            }
            out.writeEndElement();
        };
    }

    private Body listSets(Map<String, String> args) throws Failure {
        if (args.containsKey("resumptionToken")) {
            throw new Failure("badResumptionToken", "ListSets is answered in one response; this token was not issued");
        }
        List<Provider> providers = store.providers();
        return out -> {
            out.writeStartElement(OAI, "ListSets");
            out.writeStartElement(OAI, "set");
            element(out, "setSpec", "provider");
            element(out, "setName", "Providers / 提供機関");
            out.writeEndElement();
            for (Provider p : providers) {
                out.writeStartElement(OAI, "set");
                element(out, "setSpec", "provider:" + p.id());
                element(out, "setName", XmlText.clean(p.nameEn() == null ? p.nameJa() : p.nameJa() + " / " + p.nameEn()));
                out.writeEndElement();
            }
            if (collections != null) {
                out.writeStartElement(OAI, "set");
                element(out, "setSpec", "collection");
                element(out, "setName", "Collections / コレクション");
                out.writeEndElement();
                for (CollectionSets.Info c : collections.collections()) {
                    out.writeStartElement(OAI, "set");
                    element(out, "setSpec", "collection:" + c.id());
                    element(out, "setName", XmlText.clean(c.name()));
                    out.writeEndElement();
                }
            }
            out.writeEndElement();
        };
    }

    private Body getRecord(Map<String, String> args) throws Failure {
        String id = args.get("identifier");
        String prefix = args.get("metadataPrefix");
        if (id == null || prefix == null) {
            throw new Failure("badArgument", "GetRecord needs identifier and metadataPrefix");
        }
        MetadataFormat format = format(prefix);
        StoredRecord r = find(id);
        return out -> {
            out.writeStartElement(OAI, "GetRecord");
            record(out, r, format);
            out.writeEndElement();
        };
    }

    private Body list(String verb, Map<String, String> args, Instant now) throws Failure {
        ResumptionToken state;
        String token = args.get("resumptionToken");
        if (token != null) {
            if (args.size() > 2) {
                throw new Failure("badArgument", "resumptionToken is an exclusive argument");
            }
            try {
                state = ResumptionToken.decode(token, verb, settings.secret(), now);
            } catch (ResumptionToken.Invalid e) {
                throw new Failure("badResumptionToken", e.getMessage());
            } catch (RuntimeException e) {
                throw new Failure("badResumptionToken", "not a resumption token of this repository");
            }
        } else {
            String prefix = args.get("metadataPrefix");
            if (prefix == null) {
                throw new Failure("badArgument", verb + " needs metadataPrefix (or a resumptionToken)");
            }
            Instant[] range = range(args.get("from"), args.get("until"));
            format(prefix);
            String set = args.get("set");
            state = new ResumptionToken(verb, prefix, set, range[0], range[1], null, 0, -1, null);
        }
        MetadataFormat format = format(state.prefix());
        String collection = collectionOfSet(state.set());
        if (collection != null) {
            return listCollection(verb, state, token, format, collection, now);
        }
        String providerId = providerOfSet(state.set());
        long total = state.completeListSize() >= 0 ? state.completeListSize()
                : store.countByDatestamp(providerId, state.from(), state.until());
        List<StoredRecord> page = store.recordsByDatestamp(providerId, state.from(), state.until(), state.after(),
                settings.pageSize() + 1);
        if (page.isEmpty() && token == null) {
            throw new Failure("noRecordsMatch", "no records match these arguments");
        }
        boolean more = page.size() > settings.pageSize();
        List<StoredRecord> shown = more ? page.subList(0, settings.pageSize()) : page;
        ResumptionToken next = more ? new ResumptionToken(verb, state.prefix(), state.set(), state.from(), state.until(),
                DatestampKey.of(shown.get(shown.size() - 1)), state.cursor() + shown.size(), total,
                now.plus(settings.tokenLifetime())) : null;
        boolean records = verb.equals("ListRecords");
        return out -> {
            out.writeStartElement(OAI, verb);
            for (StoredRecord r : shown) {
                if (records) {
                    record(out, r, format);
                } else {
                    header(out, r);
                }
            }
            if (next != null) {
                out.writeStartElement(OAI, "resumptionToken");
                out.writeAttribute("expirationDate", next.expires().toString());
                out.writeAttribute("completeListSize", Long.toString(Math.max(total, next.cursor() + 1)));
                out.writeAttribute("cursor", Long.toString(state.cursor()));
                out.writeCharacters(next.encode(settings.secret()));
                out.writeEndElement();
            } else if (token != null) {
                out.writeStartElement(OAI, "resumptionToken");
                out.writeAttribute("completeListSize", Long.toString(Math.max(total, state.cursor() + shown.size())));
                out.writeAttribute("cursor", Long.toString(state.cursor()));
                out.writeEndElement();
            }
            out.writeEndElement();
        };
    }

    /**
     * A collection set: catalog pages in datestamp order, kept where the index says the record is in the
     * collection. Deleted records cannot be judged (they left the index), so every tombstone is reported
     * in every collection set: a harvester deletes what it may not have had, and never misses a deletion.
     * At most {@link #MAX_SCAN_PAGES} catalog pages are read per request; the token continues the scan.
     */
    private Body listCollection(String verb, ResumptionToken state, String token, MetadataFormat format, String collection,
                                Instant now) throws Failure {
        int size = settings.pageSize();
        List<StoredRecord> shown = new java.util.ArrayList<>();
        DatestampKey after = state.after();
        DatestampKey resumeAfter = null;
        boolean exhausted = false;
        scan:
        for (int pages = 0; pages < MAX_SCAN_PAGES; pages++) {
            List<StoredRecord> chunk = store.recordsByDatestamp(null, state.from(), state.until(), after, size + 1);
            List<StoredRecord> live = chunk.stream().filter(r -> !r.deleted() && r.normalized() != null).toList();
            java.util.Set<String> members = live.isEmpty() ? java.util.Set.of() : collections.members(collection, live);
            for (StoredRecord r : chunk) {
                boolean in = r.deleted() || r.normalized() == null || members.contains(r.providerId() + "\u0000" + r.identifier());
                if (in && shown.size() == size) {
                    resumeAfter = DatestampKey.of(shown.get(shown.size() - 1));
                    break scan;
                }
                if (in) {
                    shown.add(r);
                }
                after = DatestampKey.of(r);
            }
            if (chunk.size() <= size) {
                exhausted = true;
                break;
            }
        }
        if (!exhausted && resumeAfter == null) {
            resumeAfter = after; // the scan limit: continue after the last record read
        }
        if (shown.isEmpty() && exhausted && token == null) {
            throw new Failure("noRecordsMatch", "no records match these arguments");
        }
        ResumptionToken next = exhausted ? null : new ResumptionToken(verb, state.prefix(), state.set(), state.from(),
                state.until(), resumeAfter, state.cursor() + shown.size(), -1, now.plus(settings.tokenLifetime()));
        boolean records = verb.equals("ListRecords");
        String setSpec = "collection:" + collection;
        return out -> {
            out.writeStartElement(OAI, verb);
            for (StoredRecord r : shown) {
                if (records) {
                    record(out, r, format, setSpec);
                } else {
                    header(out, r, setSpec);
                }
            }
            if (next != null) {
                out.writeStartElement(OAI, "resumptionToken");
                out.writeAttribute("expirationDate", next.expires().toString());
                out.writeAttribute("cursor", Long.toString(state.cursor()));
                out.writeCharacters(next.encode(settings.secret()));
                out.writeEndElement();
            } else if (token != null) {
                out.writeStartElement(OAI, "resumptionToken");
                out.writeAttribute("cursor", Long.toString(state.cursor()));
                out.writeEndElement();
            }
            out.writeEndElement();
        };
    }

    /** The collection a set selects, or null when the set is not a collection set. */
    private String collectionOfSet(String set) throws Failure {
        if (set == null || !(set.equals("collection") || set.startsWith("collection:"))) {
            return null;
        }
        String id = set.equals("collection") ? "" : set.substring("collection:".length());
        if (collections == null || id.isEmpty() || !collections.exists(id)) {
            throw new Failure("noRecordsMatch", "no set " + set + "; collection sets are collection:<id> (see ListSets)");
        }
        return id;
    }

    // ---- pieces ----------------------------------------------------------------------------

    private void record(XMLStreamWriter out, StoredRecord r, MetadataFormat format) throws XMLStreamException {
        record(out, r, format, null);
    }

    private void record(XMLStreamWriter out, StoredRecord r, MetadataFormat format, String extraSet) throws XMLStreamException {
        out.writeStartElement(OAI, "record");
        header(out, r, extraSet);
        if (!r.deleted() && r.normalized() != null) {
            out.writeStartElement(OAI, "metadata");
            format.write(out, r);
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private void header(XMLStreamWriter out, StoredRecord r) throws XMLStreamException {
        header(out, r, null);
    }

    private void header(XMLStreamWriter out, StoredRecord r, String extraSet) throws XMLStreamException {
        out.writeStartElement(OAI, "header");
        if (r.deleted() || r.normalized() == null) {
            out.writeAttribute("status", "deleted");
        }
        element(out, "identifier", identifiers.toOai(r.providerId(), r.identifier()));
        element(out, "datestamp", r.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        element(out, "setSpec", "provider:" + r.providerId());
        if (extraSet != null) {
            element(out, "setSpec", extraSet);
        }
        out.writeEndElement();
    }

    private MetadataFormat format(String prefix) throws Failure {
        MetadataFormat f = formats.get(prefix);
        if (f == null) {
            throw new Failure("cannotDisseminateFormat", "metadataPrefix " + prefix + " is not supported; formats: "
                    + String.join(", ", formats.keySet()));
        }
        return f;
    }

    private StoredRecord find(String oaiId) throws Failure {
        Optional<OaiIdentifiers.Key> key = identifiers.parse(oaiId);
        if (key.isEmpty()) {
            throw new Failure("idDoesNotExist", "not an identifier of this repository: " + oaiId);
        }
        return store.record(key.get().providerId(), key.get().identifier())
                .orElseThrow(() -> new Failure("idDoesNotExist", "no record " + oaiId));
    }

    /** The provider a set selects; null for all. */
    private static String providerOfSet(String set) throws Failure {
        if (set == null || set.equals("provider")) {
            return null;
        }
        if (set.startsWith("provider:") && Provider.ID.matcher(set.substring(9)).matches()) {
            return set.substring(9);
        }
        throw new Failure("noRecordsMatch", "no set " + set + "; sets are provider and provider:<id> (see ListSets)");
    }

    /** Parses from/until (day or seconds granularity, the same for both) into an inclusive instant range. */
    static Instant[] range(String from, String until) throws Failure {
        Instant f = from == null ? null : datestamp(from, false);
        Instant u = until == null ? null : datestamp(until, true);
        if (from != null && until != null && from.length() != until.length()) {
            throw new Failure("badArgument", "from and until must have the same granularity");
        }
        if (f != null && u != null && f.isAfter(u)) {
            throw new Failure("badArgument", "from (" + from + ") is later than until (" + until + ")");
        }
        return new Instant[] {f, u};
    }

    private static Instant datestamp(String s, boolean end) throws Failure {
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
                return end ? start.plus(1, ChronoUnit.DAYS).minusNanos(1) : start;
            }
            if (s.length() == 20 && s.endsWith("Z") && s.charAt(10) == 'T') {
                Instant t = Instant.parse(s);
                return end ? t.plusSeconds(1).minusNanos(1) : t;
            }
        } catch (DateTimeParseException e) {
            // fall through
        }
        throw new Failure("badArgument", "not a UTC datestamp of day (YYYY-MM-DD) or seconds (YYYY-MM-DDThh:mm:ssZ) "
                + "granularity: " + s);
    }
}
