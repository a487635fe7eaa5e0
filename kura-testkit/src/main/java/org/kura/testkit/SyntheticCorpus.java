package org.kura.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic generator of realistic bibliographic records (Japanese and English titles with
 * readings, some in old character forms; creators like {@code 夏目, 漱石} with readings; era and
 * Western dates; valid ISBNs; NDC classes; NDLSH subjects) in oai_dc and DC-NDL RDF/XML.
 * Record {@code i} is always the same for the same seed.
 */
public final class SyntheticCorpus {
    private static final String[][] WORDS = {
        {"日本", "ニホン"}, {"近代", "キンダイ"}, {"文学", "ブンガク"}, {"歴史", "レキシ"}, {"研究", "ケンキュウ"},
        {"國學", "コクガク"}, {"図書館", "トショカン"}, {"經濟", "ケイザイ"}, {"思想", "シソウ"}, {"東京", "トウキョウ"},
        {"地震", "ジシン"}, {"記録", "キロク"}, {"社会", "シャカイ"}, {"藝術", "ゲイジュツ"}, {"科学", "カガク"},
        {"教育", "キョウイク"}, {"鉄道", "テツドウ"}, {"写真", "シャシン"}, {"民俗", "ミンゾク"}, {"資料", "シリョウ"},
        {"古典", "コテン"}, {"物語", "モノガタリ"}, {"概論", "ガイロン"}, {"入門", "ニュウモン"}, {"史料", "シリョウ"}
    };
    private static final String[][] PEOPLE = {
        {"夏目, 漱石", "ナツメ, ソウセキ"}, {"森, 鴎外", "モリ, オウガイ"}, {"樋口, 一葉", "ヒグチ, イチヨウ"},
        {"柳田, 國男", "ヤナギタ, クニオ"}, {"福沢, 諭吉", "フクザワ, ユキチ"}, {"宮沢, 賢治", "ミヤザワ, ケンジ"},
        {"芥川, 龍之介", "アクタガワ, リュウノスケ"}, {"与謝野, 晶子", "ヨサノ, アキコ"}, {"南方, 熊楠", "ミナカタ, クマグス"},
        {"岡倉, 天心", "オカクラ, テンシン"}, {"Smith, John", null}, {"Keene, Donald", null}
    };
    private static final String[] PUBLISHERS = {"岩波書店", "講談社", "新潮社", "筑摩書房", "吉川弘文館", "平凡社",
        "東京大学出版会", "University of Tokyo Press"};
    private static final String[] ERAS = {"明治", "大正", "昭和", "平成"};
    private static final int[] ERA_START = {1868, 1912, 1926, 1989};
    private static final String[] NDC = {"913.6", "210.6", "010.21", "331", "121", "369.31", "686.21", "748", "382.1"};
    private static final String[] NDLSH = {"日本文学", "日本--歴史--近代", "図書館", "地震", "経済学", "民俗学"};
    private static final String[] EN = {"Modern", "Japanese", "History", "Library", "Science", "Earthquake", "Records",
        "Society", "Literature", "Introduction"};

    private final long seed;
    private final Instant baseDatestamp;

    public SyntheticCorpus(long seed) {
        this(seed, Instant.parse("2020-01-01T00:00:00Z"));
    }

    public SyntheticCorpus(long seed, Instant baseDatestamp) {
        this.seed = seed;
        this.baseDatestamp = baseDatestamp;
    }

    /** Every record in both formats; sets "books" (even) and "articles" (odd). */
    public RecordSet records(int count) {
        return RecordSet.generated(count, this::record);
    }

    /** Fields of record {@code i}, before any serialization (useful for assertions). */
    public record Fields(String identifier, String title, String titleReading, String creator, String creatorReading,
                         String publisher, int year, String dateText, String isbn, String ndc, String subject,
                         String language) {
    }

    public Fields fields(int i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        boolean english = r.nextInt(10) == 0;
        String title;
        String reading;
        if (english) {
            title = EN[r.nextInt(EN.length)] + " " + EN[r.nextInt(EN.length)] + " " + EN[r.nextInt(EN.length)] + " " + i;
            reading = null;
        } else {
            StringBuilder t = new StringBuilder();
            StringBuilder y = new StringBuilder();
            int n = 2 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                String[] w = WORDS[r.nextInt(WORDS.length)];
                t.append(w[0]);
                y.append(w[1]);
                if (k == n - 2) {
                    t.append("の");
                    y.append("ノ");
                }
            }
            title = t + " 第" + (1 + i % 7) + "巻";
            reading = y + " ダイ" + (1 + i % 7) + "カン";
        }
        String[] person = PEOPLE[r.nextInt(PEOPLE.length)];
        int era = r.nextInt(ERAS.length);
        int eraYear = 1 + r.nextInt(era == 1 ? 14 : 30);
        int year = ERA_START[era] + eraYear - 1;
        String dateText = switch (r.nextInt(4)) {
            case 0 -> ERAS[era] + eraYear + "年";
            case 1 -> year + "." + (1 + r.nextInt(12));
            case 2 -> Integer.toString(year);
            default -> year + "-" + String.format("%02d", 1 + r.nextInt(12));
        };
        return new Fields("oai:kura.example:" + seed + ":" + i, title, reading, person[0], person[1],
                PUBLISHERS[r.nextInt(PUBLISHERS.length)], year, dateText, isbn(r), NDC[r.nextInt(NDC.length)],
                NDLSH[r.nextInt(NDLSH.length)], english ? "eng" : "jpn");
    }

    public TestRecord record(int i) {
        Fields f = fields(i);
        Instant datestamp = baseDatestamp.plusSeconds(i * 60L);
        return new TestRecord(f.identifier(), datestamp, List.of(i % 2 == 0 ? "books" : "articles"), false,
                Map.of("oai_dc", oaiDc(f), "dcndl", dcndl(f)));
    }

    public static String oaiDc(Fields f) {
        String e = "";
        return "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title>" + x(f.title()) + "</dc:title>"
                + "<dc:creator>" + x(f.creator()) + "</dc:creator>"
                + "<dc:publisher>" + x(f.publisher()) + "</dc:publisher>"
                + "<dc:date>" + x(f.dateText()) + "</dc:date>"
                + "<dc:type>Book</dc:type>"
                + "<dc:subject>" + x(f.subject()) + "</dc:subject>"
                + "<dc:subject>NDC:" + f.ndc() + "</dc:subject>"
                + "<dc:identifier>ISBN " + f.isbn() + "</dc:identifier>"
                + "<dc:language>" + f.language() + "</dc:language>"
                + "<dc:rights>CC BY 4.0</dc:rights>" + e
                + "</oai_dc:dc>";
    }

    public static String dcndl(Fields f) {
        String titleBlock = f.titleReading() == null
                ? "<dcterms:title>" + x(f.title()) + "</dcterms:title><dc:title><rdf:Description><rdf:value>" + x(f.title())
                + "</rdf:value></rdf:Description></dc:title>"
                : "<dcterms:title>" + x(f.title()) + "</dcterms:title><dc:title><rdf:Description><rdf:value>" + x(f.title())
                + "</rdf:value><dcndl:transcription>" + x(f.titleReading()) + "</dcndl:transcription></rdf:Description></dc:title>";
        String creator = "<dcterms:creator><foaf:Agent><foaf:name>" + x(f.creator()) + "</foaf:name>"
                + (f.creatorReading() == null ? "" : "<dcndl:transcription>" + x(f.creatorReading()) + "</dcndl:transcription>")
                + "</foaf:Agent></dcterms:creator><dc:creator>" + x(f.creator()) + "著</dc:creator>";
        String about = "http://ndlsearch.example/" + f.identifier().replace(':', '/');
        return "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcndl=\"http://ndl.go.jp/dcndl/terms/\" "
                + "xmlns:foaf=\"http://xmlns.com/foaf/0.1/\">"
                + "<dcndl:BibAdminResource rdf:about=\"" + about + "\"><dcndl:record rdf:resource=\"" + about
                + "#material\"/></dcndl:BibAdminResource>"
                + "<dcndl:BibResource rdf:about=\"" + about + "#material\">"
                + "<dcterms:identifier rdf:datatype=\"http://ndl.go.jp/dcndl/terms/ISBN\">" + f.isbn() + "</dcterms:identifier>"
                + titleBlock + creator
                + "<dcterms:publisher><foaf:Agent><foaf:name>" + x(f.publisher()) + "</foaf:name></foaf:Agent></dcterms:publisher>"
                + "<dcndl:publicationPlace rdf:datatype=\"http://purl.org/dc/terms/ISO3166\">JP</dcndl:publicationPlace>"
                + "<dcterms:date>" + x(f.dateText()) + "</dcterms:date>"
                + "<dcterms:issued rdf:datatype=\"http://purl.org/dc/terms/W3CDTF\">" + f.year() + "</dcterms:issued>"
                + "<dcterms:subject><rdf:Description rdf:about=\"http://id.ndl.go.jp/auth/ndlsh/00000000\"><rdf:value>"
                + x(f.subject()) + "</rdf:value></rdf:Description></dcterms:subject>"
                + "<dcterms:subject rdf:resource=\"http://id.ndl.go.jp/class/ndc9/" + f.ndc() + "\"/>"
                + "<dcterms:language rdf:datatype=\"http://purl.org/dc/terms/ISO639-2\">" + f.language() + "</dcterms:language>"
                + "<dcterms:extent>" + (100 + f.year() % 300) + "p ; 19cm</dcterms:extent>"
                + "<dcndl:materialType rdf:resource=\"http://ndl.go.jp/ndltype/Book\" rdfs:label=\"図書\"/>"
                + "</dcndl:BibResource></rdf:RDF>";
    }

    private static String isbn(SplittableRandom r) {
        StringBuilder d = new StringBuilder("9784");
        for (int k = 0; k < 8; k++) {
            d.append(r.nextInt(10));
        }
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            sum += (d.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
        }
        return d.append((10 - sum % 10) % 10).toString();
    }

    private static String x(String s) {
        return OaiPmhTestServer.escape(s);
    }
}
