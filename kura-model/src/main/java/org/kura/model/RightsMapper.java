package org.kura.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the rights statements providers write (licence URIs of every Creative Commons version and
 * port, rightsstatements.org URIs, free text in Japanese and English) onto {@link ReuseCondition}.
 * The exact URI given (with its version and port) is kept in {@link Rights#uri()}, the text in
 * {@link Rights#statement()}. Pure function.
 */
public final class RightsMapper {
    private static final Pattern CC_URI = Pattern.compile(
            "creativecommons\\.org/(licenses|licences|publicdomain)/([a-z\\-]+)/(\\d\\.\\d)(/[a-z]{2})?");
    private static final Pattern RS_URI = Pattern.compile("rightsstatements\\.org/(vocab|page)/([A-Za-z\\-]+)/");
    private static final Pattern CC_TEXT = Pattern.compile(
            "(?i)\\bcc[\\s\\-_]*(0|by(?:[\\s\\-_]*(?:nc|nd|sa))*)\\b(?:[\\s\\-_]*(\\d\\.\\d))?");

    private RightsMapper() {
    }

    public static Rights map(String statement) {
        if (statement == null || statement.isBlank()) {
            return Rights.UNKNOWN;
        }
        String original = statement.strip();
        String s = Normalizer.normalize(original, Normalizer.Form.NFKC);
        String lower = s.toLowerCase(Locale.ROOT);

        Matcher cc = CC_URI.matcher(lower);
        if (cc.find()) {
            String kind = cc.group(2);
            ReuseCondition c = kind.equals("zero") ? ReuseCondition.CC0
                    : kind.equals("mark") ? ReuseCondition.PDM : ccFamily(kind);
            if (c != null) {
                return new Rights(c, uriOf(s, cc.start()), original);
            }
        }
        Matcher rs = RS_URI.matcher(s);
        if (rs.find()) {
            ReuseCondition c = rightsStatement(rs.group(2));
            if (c != null) {
                return new Rights(c, "http://rightsstatements.org/vocab/" + rs.group(2) + "/1.0/", original);
            }
        }
        Matcher t = CC_TEXT.matcher(lower);
        if (t.find()) {
            String kind = t.group(1).replaceAll("[\\s_]+", "-").replaceAll("-+", "-");
            ReuseCondition c = kind.equals("0") ? ReuseCondition.CC0 : ccFamily(kind);
            if (c != null) {
                String version = t.group(2);
                String uri = c == ReuseCondition.CC0 ? c.uri()
                        : version == null ? c.uri() : c.uri().replace("4.0", version);
                return new Rights(c, uri, original);
            }
        }
        ReuseCondition c = fromWords(lower);
        return new Rights(c, c.uri(), original);
    }

    private static ReuseCondition ccFamily(String kind) {
        String k = kind.replace("_", "-");
        return switch (k) {
            case "by" -> ReuseCondition.CC_BY;
            case "by-sa" -> ReuseCondition.CC_BY_SA;
            case "by-nd" -> ReuseCondition.CC_BY_ND;
            case "by-nc" -> ReuseCondition.CC_BY_NC;
            case "by-nc-sa", "by-sa-nc" -> ReuseCondition.CC_BY_NC_SA;
            case "by-nc-nd", "by-nd-nc" -> ReuseCondition.CC_BY_NC_ND;
            default -> null;
        };
    }

    private static ReuseCondition rightsStatement(String code) {
        return switch (code) {
            case "InC" -> ReuseCondition.RS_INC;
            case "InC-EDU" -> ReuseCondition.RS_INC_EDU;
            case "InC-NC" -> ReuseCondition.RS_INC_NC;
            case "NoC-NC" -> ReuseCondition.RS_NOC_NC;
            case "NoC-OKLR" -> ReuseCondition.RS_NOC_OKLR;
            case "CNE" -> ReuseCondition.RS_CNE;
            case "UND" -> ReuseCondition.RS_UND;
            case "InC-OW-EU", "InC-RUU" -> ReuseCondition.RS_INC;
            case "NoC-CR", "NoC-US" -> ReuseCondition.RS_NOC_OKLR;
            case "NKC" -> ReuseCondition.RS_UND;
            default -> null;
        };
    }

    private static ReuseCondition fromWords(String s) {
        String t = s.replaceAll("[\\s・]", "");
        if (t.contains("パブリックドメイン") || t.contains("publicdomain") || t.contains("著作権保護期間満了")
                || t.contains("保護期間満了") || t.contains("著作権なし") || t.contains("nocopyright")) {
            return t.contains("非営利") || t.contains("noncommercial") ? ReuseCondition.RS_NOC_NC : ReuseCondition.PDM;
        }
        if (t.contains("クリエイティブコモンズ") || t.contains("creativecommons")) {
            boolean nc = t.contains("非営利") || t.contains("noncommercial");
            boolean nd = t.contains("改変禁止") || t.contains("noderiv");
            boolean sa = t.contains("継承") || t.contains("sharealike");
            if (t.contains("表示") || t.contains("attribution")) {
                if (nc && nd) {
                    return ReuseCondition.CC_BY_NC_ND;
                }
                if (nc && sa) {
                    return ReuseCondition.CC_BY_NC_SA;
                }
                return nc ? ReuseCondition.CC_BY_NC : nd ? ReuseCondition.CC_BY_ND : sa ? ReuseCondition.CC_BY_SA
                        : ReuseCondition.CC_BY;
            }
        }
        if (t.contains("自由に利用") || t.contains("自由利用") || t.contains("freetouse") || t.contains("nolimitations")) {
            return ReuseCondition.PDM;
        }
        if (t.contains("転載不可") || t.contains("無断転載") || t.contains("無断複製") || t.contains("allrightsreserved")
                || t.contains("要申請") || t.contains("許可なく") || t.contains("許諾なく") || t.contains("要許諾")
                || t.contains("permissionrequired") || t.contains("二次利用不可")) {
            return ReuseCondition.NO_REUSE_WITHOUT_PERMISSION;
        }
        if (t.contains("incopyright") || t.contains("著作権あり") || t.contains("©") || t.contains("(c)")
                || t.contains("copyright")) {
            return ReuseCondition.RS_INC;
        }
        return ReuseCondition.UNKNOWN;
    }

    private static String uriOf(String s, int hostStart) {
        int begin = s.lastIndexOf("http", hostStart);
        if (begin < 0) {
            begin = hostStart;
        }
        int end = begin;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '"' && s.charAt(end) != '<') {
            end++;
        }
        return s.substring(begin, end);
    }
}
