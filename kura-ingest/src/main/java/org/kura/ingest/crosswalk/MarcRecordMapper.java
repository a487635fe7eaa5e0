package org.kura.ingest.crosswalk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.Identifier;
import org.kura.model.IdentifierType;
import org.kura.model.Identifiers;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.model.MaterialType;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Relation;
import org.kura.model.RelationType;
import org.kura.model.Rights;
import org.kura.model.Role;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.marc4j.MarcError;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Subfield;

/**
 * MARC 21 bibliographic records (https://www.loc.gov/marc/bibliographic/) into the common model,
 * shared by the ISO 2709 and MARCXML crosswalks. Linked 880 fields (vernacular Japanese, Chinese,
 * Korean script) become the main forms, their romanized 245/100/… the parallel forms.
 */
final class MarcRecordMapper {
    private MarcRecordMapper() {
    }

    static Record map(RawRecord raw, org.marc4j.marc.Record marc) throws CrosswalkException {
        Record.Builder b = Record.builder(raw.identifier(), raw.providerId());
        if (marc.hasErrors()) {
            for (MarcError e : marc.getErrors()) {
                if (e.severity >= MarcError.MAJOR_ERROR) {
                    b.warning("MARC: " + e.message + (e.curField == null ? "" : " (field " + e.curField + ")"));
                }
                if (e.severity >= MarcError.FATAL) {
                    throw new CrosswalkException("MARC record unusable: " + e.message);
                }
            }
        }
        String leader = marc.getLeader() == null ? "" : marc.getLeader().marshal();
        b.materialType(materialType(leader));
        String f008 = control(marc, "008");

        titles(marc, b);
        if (!b.hasTitle()) {
            throw new CrosswalkException("MARC record without a title (245)");
        }
        for (DataField f : fields(marc, "100", "110", "111", "700", "710", "711")) {
            String name = join(f, "abcdq").replaceAll("[,.:;/\\s]+$", "");
            if (name.isEmpty()) {
                continue;
            }
            Role role = null;
            for (Subfield s : f.getSubfields('e')) {
                role = role == null ? Roles.fromRelator(s.getData()) : role;
            }
            for (Subfield s : f.getSubfields('4')) {
                role = role == null ? Roles.fromRelator(s.getData()) : role;
            }
            if (role == null) {
                role = f.getTag().startsWith("1") ? Role.AUTHOR : Role.CONTRIBUTOR;
            }
            String dates = sub(f, 'd');
            List<Identifier> ids = new ArrayList<>();
            for (Subfield s : f.getSubfields('0')) {
                ids.add(Identifiers.detect(s.getData()).orElse(new Identifier(IdentifierType.OTHER, s.getData(), s.getData(), true)));
            }
            DataField vernacular = linked880(marc, f);
            if (vernacular != null) {
                String v = join(vernacular, "abcdq").replaceAll("[,.:;/\\s]+$", "");
                b.agent(new Agent(v, null, role, ids, null, List.of(name)));
            } else {
                b.agent(new Agent(name, null, role, ids, dates == null ? null : null, List.of()));
            }
        }
        for (DataField f : fields(marc, "260", "264")) {
            if (f.getTag().equals("264") && f.getIndicator2() != '1' && f.getIndicator2() != ' ') {
                continue;
            }
            DataField v = linked880(marc, f);
            DataField use = v != null ? v : f;
            for (Subfield s : use.getSubfields('a')) {
                b.place(clean(s.getData()));
            }
            for (Subfield s : use.getSubfields('b')) {
                b.publisher(Agent.of(clean(s.getData()), Role.PUBLISHER));
            }
            for (Subfield s : f.getSubfields('c')) {
                b.date(DateValue.parse(clean(s.getData()), DateType.ISSUED));
            }
        }
        if (f008 != null && f008.length() >= 15) {
            String d1 = f008.substring(7, 11);
            String d2 = f008.substring(11, 15);
            char kind = f008.charAt(6);
            if (d1.matches("\\d{4}|\\d{2,3}[u|]{1,2}")) {
                String text = (kind == 'm' || kind == 'i' || kind == 'k' || kind == 'd' || kind == 'c')
                        && d2.matches("\\d{4}") ? d1 + "-" + d2 : d1.replace('|', 'u');
                b.date(DateValue.parse(text, DateType.OTHER));
            }
            if (f008.length() >= 38) {
                String lang = f008.substring(35, 38).strip();
                if (lang.matches("[a-z]{3}") && !lang.equals("und") && !lang.equals("zxx")) {
                    b.language(lang);
                }
            }
        }
        for (DataField f : fields(marc, "041")) {
            for (Subfield s : f.getSubfields('a')) {
                String l = s.getData().strip().toLowerCase(Locale.ROOT);
                if (l.matches("[a-z]{3}")) {
                    b.language(l);
                }
            }
        }
        DataField extent = first(marc, "300");
        if (extent != null) {
            b.extent(clean(join(extent, "abc")));
        }
        identifiers(marc, b);
        subjects(marc, b);
        for (DataField f : fields(marc, "490", "830", "440")) {
            String series = clean(join(f, "a"));
            if (!series.isEmpty()) {
                String vol = sub(f, 'v');
                Identifier issn = sub(f, 'x') == null ? null : Identifiers.normalize(IdentifierType.ISSN, sub(f, 'x'));
                b.relation(new Relation(RelationType.SERIES, series, issn, vol == null ? null : clean(vol)));
            }
        }
        for (DataField f : fields(marc, "773")) {
            String t = sub(f, 't');
            String x = sub(f, 'x');
            b.relation(new Relation(RelationType.IS_PART_OF, t == null ? null : clean(t),
                    x == null ? null : Identifiers.normalize(IdentifierType.ISSN, x), sub(f, 'g')));
        }
        for (DataField f : fields(marc, "520", "500", "505")) {
            String text = join(f, "a");
            if (!text.isBlank()) {
                b.description(text.strip());
            }
        }
        for (DataField f : fields(marc, "856")) {
            String url = sub(f, 'u');
            if (url != null) {
                LinkKind kind = f.getIndicator2() == '0' ? LinkKind.FULL_TEXT : LinkKind.LANDING_PAGE;
                b.link(new Link(url.strip(), kind, sub(f, '3') != null ? sub(f, '3') : sub(f, 'z')));
            }
        }
        for (DataField f : fields(marc, "540", "506")) {
            String text = join(f, "au");
            if (!text.isBlank()) {
                Rights r = Rights.fromStatement(text);
                if (r.condition() != org.kura.model.ReuseCondition.UNKNOWN) {
                    b.rights(r);
                }
            }
        }
        return b.build();
    }

    private static void titles(org.marc4j.marc.Record marc, Record.Builder b) {
        DataField t245 = first(marc, "245");
        if (t245 != null) {
            String romanized = clean(join(t245, "abnp"));
            DataField vern = linked880(marc, t245);
            if (vern != null) {
                b.title(new Title(clean(join(vern, "abnp")), null, TitleType.MAIN, null));
                if (!romanized.isEmpty()) {
                    b.title(new Title(romanized, null, TitleType.PARALLEL, "ja-Latn"));
                }
            } else if (!romanized.isEmpty()) {
                b.title(new Title(romanized, null, TitleType.MAIN, null));
            }
        }
        for (DataField f : fields(marc, "246", "240", "130", "242")) {
            String v = clean(join(f, "abnp"));
            if (!v.isEmpty()) {
                TitleType type = f.getTag().equals("242") ? TitleType.PARALLEL
                        : f.getTag().equals("246") ? TitleType.ALTERNATIVE : TitleType.UNIFORM;
                b.title(new Title(v, null, type, null));
            }
        }
    }

    private static void identifiers(org.marc4j.marc.Record marc, Record.Builder b) {
        for (DataField f : fields(marc, "020")) {
            for (Subfield s : f.getSubfields('a')) {
                b.identifier(Identifiers.normalize(IdentifierType.ISBN, s.getData()));
            }
            for (Subfield s : f.getSubfields('z')) {
                Identifier bad = Identifiers.normalize(IdentifierType.ISBN, s.getData());
                b.identifier(new Identifier(IdentifierType.ISBN, bad.value(), bad.original(), false));
            }
        }
        for (DataField f : fields(marc, "022")) {
            for (Subfield s : f.getSubfields('a')) {
                b.identifier(Identifiers.normalize(IdentifierType.ISSN, s.getData()));
            }
        }
        for (DataField f : fields(marc, "024")) {
            String v = sub(f, 'a');
            if (v != null) {
                String scheme = sub(f, '2');
                b.identifier(scheme != null && scheme.equalsIgnoreCase("doi") ? Identifiers.normalize(IdentifierType.DOI, v)
                        : Identifiers.detect(v).orElse(new Identifier(IdentifierType.OTHER, v, v, true)));
            }
        }
        for (DataField f : fields(marc, "010")) {
            String v = sub(f, 'a');
            if (v != null) {
                b.identifier(new Identifier(IdentifierType.LCCN, v.strip(), v, true));
            }
        }
        for (DataField f : fields(marc, "015")) {
            String v = sub(f, 'a');
            String scheme = sub(f, '2');
            if (v != null) {
                b.identifier(scheme != null && scheme.startsWith("jp") ? Identifiers.normalize(IdentifierType.JPNO, v)
                        : new Identifier(IdentifierType.OTHER, v.strip(), v, true));
            }
        }
        for (DataField f : fields(marc, "035")) {
            String v = sub(f, 'a');
            if (v != null) {
                IdentifierType t = v.startsWith("(OCoLC)") ? IdentifierType.OCLC : IdentifierType.CONTROL_NUMBER;
                b.identifier(new Identifier(t, v.replaceFirst("^\\(OCoLC\\)(ocm|ocn|on)?", "").strip(), v, true));
            }
        }
        String cn = control(marc, "001");
        if (cn != null) {
            b.identifier(new Identifier(IdentifierType.CONTROL_NUMBER, cn.strip(), cn, true));
        }
    }

    private static void subjects(org.marc4j.marc.Record marc, Record.Builder b) {
        for (DataField f : fields(marc, "600", "610", "611", "630", "650", "651", "653")) {
            String heading = join(f, "abcdvxyz", " -- ").replaceAll("[.,\\s]+$", "");
            if (heading.isEmpty()) {
                continue;
            }
            SubjectScheme scheme = switch (f.getIndicator2()) {
                case '0' -> SubjectScheme.LCSH;
                case '2' -> SubjectScheme.MESH;
                case '7' -> {
                    String s = sub(f, '2');
                    yield s == null ? SubjectScheme.OTHER : s.toLowerCase(Locale.ROOT).startsWith("ndlsh")
                            ? SubjectScheme.NDLSH : s.toLowerCase(Locale.ROOT).startsWith("bsh") ? SubjectScheme.BSH
                            : SubjectScheme.OTHER;
                }
                default -> f.getTag().equals("653") ? SubjectScheme.KEYWORD : SubjectScheme.OTHER;
            };
            b.subject(new Subject(heading, scheme, sub(f, '0')));
        }
        for (DataField f : fields(marc, "082")) {
            String v = sub(f, 'a');
            if (v != null) {
                b.subject(new Subject(v.replace("/", "").strip(), SubjectScheme.DDC, null));
            }
        }
        for (DataField f : fields(marc, "050")) {
            String v = join(f, "ab");
            if (!v.isBlank()) {
                b.subject(new Subject(v.strip(), SubjectScheme.LCC, null));
            }
        }
        for (DataField f : fields(marc, "084")) {
            String v = sub(f, 'a');
            String s = sub(f, '2');
            if (v != null) {
                SubjectScheme scheme = s == null ? SubjectScheme.OTHER : s.startsWith("njb") || s.startsWith("ndc")
                        ? SubjectScheme.NDC : s.startsWith("kktb") || s.startsWith("ndlc") ? SubjectScheme.NDLC
                        : SubjectScheme.OTHER;
                b.subject(new Subject(v.strip(), scheme, null));
            }
        }
    }

    static MaterialType materialType(String leader) {
        if (leader.length() < 8) {
            return MaterialType.OTHER;
        }
        char type = leader.charAt(6);
        char level = leader.charAt(7);
        return switch (type) {
            case 'a', 't' -> level == 's' || level == 'i' ? MaterialType.SERIAL
                    : level == 'a' || level == 'b' ? MaterialType.ARTICLE : MaterialType.BOOK;
            case 'c', 'd' -> MaterialType.MUSIC_SCORE;
            case 'e', 'f' -> MaterialType.MAP;
            case 'g' -> MaterialType.VIDEO;
            case 'i', 'j' -> MaterialType.AUDIO;
            case 'k' -> MaterialType.IMAGE;
            case 'm' -> MaterialType.SOFTWARE;
            case 'p' -> MaterialType.ARCHIVAL_DOCUMENT;
            case 'r' -> MaterialType.ART_OBJECT;
            default -> MaterialType.OTHER;
        };
    }

    /** The 880 field linked to {@code f} by subfield 6, or null. */
    private static DataField linked880(org.marc4j.marc.Record marc, DataField f) {
        String link = sub(f, '6');
        if (link == null || !link.startsWith("880-") || link.length() < 6) {
            return null;
        }
        String occurrence = link.substring(4, 6);
        for (DataField v : fields(marc, "880")) {
            String back = sub(v, '6');
            if (back != null && back.startsWith(f.getTag() + "-" + occurrence)) {
                return v;
            }
        }
        return null;
    }

    private static List<DataField> fields(org.marc4j.marc.Record marc, String... tags) {
        List<DataField> out = new ArrayList<>();
        for (org.marc4j.marc.VariableField v : marc.getVariableFields(tags)) {
            if (v instanceof DataField d) {
                out.add(d);
            }
        }
        return out;
    }

    private static DataField first(org.marc4j.marc.Record marc, String tag) {
        List<DataField> f = fields(marc, tag);
        return f.isEmpty() ? null : f.get(0);
    }

    private static String control(org.marc4j.marc.Record marc, String tag) {
        org.marc4j.marc.VariableField v = marc.getVariableField(tag);
        return v instanceof ControlField c ? c.getData() : null;
    }

    private static String sub(DataField f, char code) {
        Subfield s = f.getSubfield(code);
        return s == null || s.getData() == null ? null : s.getData();
    }

    private static String join(DataField f, String codes) {
        return join(f, codes, " ");
    }

    private static String join(DataField f, String codes, String separator) {
        StringBuilder sb = new StringBuilder();
        for (Subfield s : f.getSubfields()) {
            if (codes.indexOf(s.getCode()) >= 0 && s.getData() != null && !s.getData().isBlank()) {
                if (sb.length() > 0) {
                    sb.append(separator);
                }
                sb.append(s.getData().strip());
            }
        }
        return sb.toString();
    }

    /** Strips ISBD punctuation at the end (" /", " :", " ;", ","). */
    static String clean(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*[/:;,=]\\s*$", "").replaceAll("(?<![A-Z])\\.$", "").strip();
    }
}
