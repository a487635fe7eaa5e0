package org.kura.ingest.crosswalk;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kura.model.MaterialType;

/**
 * Maps the type words providers use onto Kura's one {@link MaterialType} vocabulary: DCMI Type,
 * COAR resource types (labels and URIs), NII/JPCOAR type words, NDL material types (ndltype URIs)
 * and common Japanese and English words. Matching is on NFKC lower case, whole value first, then
 * by keyword.
 */
public final class MaterialTypes {
    private static final Map<String, MaterialType> EXACT = new LinkedHashMap<>();
    private static final Map<String, MaterialType> KEYWORDS = new LinkedHashMap<>();

    static {
        // NDL material types (http://ndl.go.jp/ndltype/…)
        exact("book", MaterialType.BOOK);
        exact("serial", MaterialType.SERIAL);
        exact("article", MaterialType.ARTICLE);
        exact("newspaper", MaterialType.SERIAL);
        exact("map", MaterialType.MAP);
        exact("music", MaterialType.AUDIO);
        exact("musicscore", MaterialType.MUSIC_SCORE);
        exact("doctoraldissertation", MaterialType.THESIS);
        exact("webpage", MaterialType.WEBSITE);
        exact("website", MaterialType.WEBSITE);
        exact("stillimage", MaterialType.IMAGE);
        exact("image", MaterialType.IMAGE);
        exact("movingimage", MaterialType.VIDEO);
        exact("sound", MaterialType.AUDIO);
        exact("dataset", MaterialType.DATASET);
        exact("software", MaterialType.SOFTWARE);
        exact("physicalobject", MaterialType.ART_OBJECT);
        exact("text", MaterialType.BOOK);
        exact("collection", MaterialType.OTHER);
        exact("interactiveresource", MaterialType.OTHER);
        exact("event", MaterialType.OTHER);
        exact("service", MaterialType.OTHER);
        // COAR resource types (labels) and NII type words
        exact("journal article", MaterialType.ARTICLE);
        exact("departmental bulletin paper", MaterialType.ARTICLE);
        exact("conference paper", MaterialType.CONFERENCE_PAPER);
        exact("conference object", MaterialType.CONFERENCE_PAPER);
        exact("presentation", MaterialType.CONFERENCE_PAPER);
        exact("thesis or dissertation", MaterialType.THESIS);
        exact("doctoral thesis", MaterialType.THESIS);
        exact("master thesis", MaterialType.THESIS);
        exact("bachelor thesis", MaterialType.THESIS);
        exact("research paper", MaterialType.REPORT);
        exact("technical report", MaterialType.REPORT);
        exact("report", MaterialType.REPORT);
        exact("research report", MaterialType.REPORT);
        exact("book part", MaterialType.BOOK);
        exact("learning material", MaterialType.OTHER);
        exact("cartographic material", MaterialType.MAP);
        exact("still image", MaterialType.IMAGE);
        exact("moving image", MaterialType.VIDEO);
        exact("video", MaterialType.VIDEO);
        exact("sound", MaterialType.AUDIO);
        exact("musical notation", MaterialType.MUSIC_SCORE);
        exact("periodical", MaterialType.SERIAL);
        exact("journal", MaterialType.SERIAL);
        exact("newspaper", MaterialType.SERIAL);
        // Japanese
        exact("図書", MaterialType.BOOK);
        exact("和図書", MaterialType.BOOK);
        exact("洋図書", MaterialType.BOOK);
        exact("古典籍", MaterialType.BOOK);
        exact("和古書", MaterialType.BOOK);
        exact("雑誌", MaterialType.SERIAL);
        exact("新聞", MaterialType.SERIAL);
        exact("記事", MaterialType.ARTICLE);
        exact("紀要論文", MaterialType.ARTICLE);
        exact("学術雑誌論文", MaterialType.ARTICLE);
        exact("雑誌記事", MaterialType.ARTICLE);
        exact("博士論文", MaterialType.THESIS);
        exact("学位論文", MaterialType.THESIS);
        exact("会議発表論文", MaterialType.CONFERENCE_PAPER);
        exact("会議録", MaterialType.CONFERENCE_PAPER);
        exact("報告書", MaterialType.REPORT);
        exact("研究報告書", MaterialType.REPORT);
        exact("地図", MaterialType.MAP);
        exact("楽譜", MaterialType.MUSIC_SCORE);
        exact("録音資料", MaterialType.AUDIO);
        exact("映像資料", MaterialType.VIDEO);
        exact("写真", MaterialType.IMAGE);
        exact("絵画", MaterialType.ART_OBJECT);
        exact("美術品", MaterialType.ART_OBJECT);
        exact("工芸品", MaterialType.ART_OBJECT);
        exact("彫刻", MaterialType.ART_OBJECT);
        exact("文書", MaterialType.ARCHIVAL_DOCUMENT);
        exact("古文書", MaterialType.ARCHIVAL_DOCUMENT);
        exact("公文書", MaterialType.ARCHIVAL_DOCUMENT);
        exact("データセット", MaterialType.DATASET);
        exact("ウェブサイト", MaterialType.WEBSITE);
        exact("標本", MaterialType.NATURAL_HISTORY_SPECIMEN);

        keyword("thesis", MaterialType.THESIS);
        keyword("dissertation", MaterialType.THESIS);
        keyword("論文", MaterialType.ARTICLE);
        keyword("article", MaterialType.ARTICLE);
        keyword("paper", MaterialType.ARTICLE);
        keyword("conference", MaterialType.CONFERENCE_PAPER);
        keyword("report", MaterialType.REPORT);
        keyword("報告", MaterialType.REPORT);
        keyword("book", MaterialType.BOOK);
        keyword("図書", MaterialType.BOOK);
        keyword("journal", MaterialType.SERIAL);
        keyword("serial", MaterialType.SERIAL);
        keyword("雑誌", MaterialType.SERIAL);
        keyword("map", MaterialType.MAP);
        keyword("地図", MaterialType.MAP);
        keyword("image", MaterialType.IMAGE);
        keyword("photograph", MaterialType.IMAGE);
        keyword("写真", MaterialType.IMAGE);
        keyword("画像", MaterialType.IMAGE);
        keyword("painting", MaterialType.ART_OBJECT);
        keyword("絵", MaterialType.ART_OBJECT);
        keyword("video", MaterialType.VIDEO);
        keyword("film", MaterialType.VIDEO);
        keyword("映像", MaterialType.VIDEO);
        keyword("audio", MaterialType.AUDIO);
        keyword("sound", MaterialType.AUDIO);
        keyword("録音", MaterialType.AUDIO);
        keyword("score", MaterialType.MUSIC_SCORE);
        keyword("data", MaterialType.DATASET);
        keyword("データ", MaterialType.DATASET);
        keyword("archiv", MaterialType.ARCHIVAL_DOCUMENT);
        keyword("文書", MaterialType.ARCHIVAL_DOCUMENT);
        keyword("web", MaterialType.WEBSITE);
        keyword("specimen", MaterialType.NATURAL_HISTORY_SPECIMEN);
        keyword("標本", MaterialType.NATURAL_HISTORY_SPECIMEN);
    }

    private MaterialTypes() {
    }

    private static void exact(String word, MaterialType t) {
        EXACT.putIfAbsent(word, t);
    }

    private static void keyword(String word, MaterialType t) {
        KEYWORDS.put(word, t);
    }

    /** The material type a value names, or empty. URIs are matched by their last path segment. */
    public static Optional<MaterialType> of(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("http://purl.org/coar/resource_type/") || v.startsWith("https://purl.org/coar/resource_type/")) {
            return coar(v.substring(v.lastIndexOf("resource_type/") + "resource_type/".length()).replace("/", ""));
        }
        if (v.startsWith("http") && v.contains("/")) {
            String last = v.replaceAll("/+$", "");
            v = last.substring(last.lastIndexOf('/') + 1);
        }
        if (v.startsWith("info:eu-repo/semantics/")) {
            v = v.substring("info:eu-repo/semantics/".length()).replaceAll("([a-z])([A-Z])", "$1 $2");
        }
        MaterialType t = EXACT.get(v);
        if (t != null) {
            return Optional.of(t);
        }
        for (Map.Entry<String, MaterialType> k : KEYWORDS.entrySet()) {
            if (v.contains(k.getKey())) {
                return Optional.of(k.getValue());
            }
        }
        return Optional.empty();
    }

    /** COAR resource type identifiers (c_xxxx). */
    private static Optional<MaterialType> coar(String id) {
        return Optional.ofNullable(switch (id) {
            case "c_6501", "c_0640", "c_2df8fbb1", "c_dcae04bc", "c_beb9", "c_3e5a", "c_998f", "c_545b", "c_b239",
                 "c_93fc", "c_ba08", "c_7a1f", "c_efa0", "c_ac62" -> MaterialType.ARTICLE;
            case "c_db06", "c_46ec", "c_bdcc", "c_7a1f_" -> MaterialType.THESIS;
            case "c_5794", "c_c94f", "c_f744", "c_6670", "c_18cp", "c_18co", "c_18cd" -> MaterialType.CONFERENCE_PAPER;
            case "c_93fd", "c_18ws", "c_18gh", "c_18wz", "c_186u", "c_18hj", "c_71bd", "c_8042", "c_ba1f" -> MaterialType.REPORT;
            case "c_2f33", "c_3248" -> MaterialType.BOOK;
            case "c_0857", "c_2659", "c_2cd9" -> MaterialType.SERIAL;
            case "c_ddb1" -> MaterialType.DATASET;
            case "c_5ce6" -> MaterialType.SOFTWARE;
            case "c_ecc8", "c_c513" -> MaterialType.IMAGE;
            case "c_8a7e", "c_12ce" -> MaterialType.VIDEO;
            case "c_18cc" -> MaterialType.AUDIO;
            case "c_12cd", "c_12cc" -> MaterialType.MAP;
            case "c_18cw" -> MaterialType.MUSIC_SCORE;
            case "c_7ad9" -> MaterialType.WEBSITE;
            default -> null;
        });
    }
}
