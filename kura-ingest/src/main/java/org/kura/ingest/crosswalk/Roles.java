package org.kura.ingest.crosswalk;

import java.util.Locale;
import java.util.regex.Pattern;
import org.kura.model.Role;

/** Role words of Japanese statements of responsibility (著, 編, 訳…), MARC relators and JPCOAR types. */
final class Roles {
    private static final Pattern ROLE_SUFFIX = Pattern.compile(
            "\\s*[\\[［(（]?(共著|著|作|文|編著|編集|編|監修|監訳|共訳|訳|翻訳|絵|画|イラスト|写真|撮影|作曲|演奏|校注|校訂|注|述|談|原作|脚本)[\\]］)）]?\\s*$");

    private Roles() {
    }

    static Role fromJapaneseSuffix(String statement) {
        var m = ROLE_SUFFIX.matcher(statement);
        if (!m.find()) {
            return Role.CREATOR;
        }
        return switch (m.group(1)) {
            case "著", "共著", "作", "文", "述", "談", "原作", "脚本" -> Role.AUTHOR;
            case "編", "編集", "編著", "校注", "校訂", "注" -> Role.EDITOR;
            case "監修" -> Role.SUPERVISOR;
            case "訳", "共訳", "翻訳", "監訳" -> Role.TRANSLATOR;
            case "絵", "画", "イラスト" -> Role.ILLUSTRATOR;
            case "写真", "撮影" -> Role.PHOTOGRAPHER;
            case "作曲" -> Role.COMPOSER;
            case "演奏" -> Role.PERFORMER;
            default -> Role.CREATOR;
        };
    }

    static String stripRoleWord(String statement) {
        String s = ROLE_SUFFIX.matcher(statement).replaceFirst("").strip();
        return s.isEmpty() ? statement.strip() : s;
    }

    /** MARC relator terms ($e) and codes ($4), JPCOAR contributorType values. */
    static Role fromRelator(String term) {
        if (term == null) {
            return null;
        }
        String t = term.toLowerCase(Locale.ROOT).replaceAll("[.,\\s]+$", "").strip();
        return switch (t) {
            case "aut", "author", "writer" -> Role.AUTHOR;
            case "edt", "editor", "ed", "compiler", "com", "editors" -> Role.EDITOR;
            case "trl", "translator", "tr" -> Role.TRANSLATOR;
            case "ill", "illustrator" -> Role.ILLUSTRATOR;
            case "pht", "photographer" -> Role.PHOTOGRAPHER;
            case "cmp", "composer" -> Role.COMPOSER;
            case "prf", "performer" -> Role.PERFORMER;
            case "art", "artist" -> Role.ARTIST;
            case "ths", "supervisor", "thesis advisor" -> Role.SUPERVISOR;
            case "pbl", "publisher" -> Role.PUBLISHER;
            case "dst", "distributor" -> Role.DISTRIBUTOR;
            case "dgg", "degree grantor" -> Role.DEGREE_GRANTOR;
            case "fnd", "funder" -> Role.FUNDER;
            case "cre", "creator" -> Role.CREATOR;
            case "ctb", "contributor", "other", "researcher", "projectmember", "datacollector", "datacurator",
                 "datamanager", "hostinginstitution", "producer", "projectleader", "projectmanager",
                 "registrationagency", "registrationauthority", "relatedperson", "researchgroup", "rightsholder",
                 "sponsor", "workpackageleader", "contactperson", "distributor_" -> Role.CONTRIBUTOR;
            default -> null;
        };
    }
}
