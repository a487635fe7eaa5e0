package org.kura.model;

/** One controlled vocabulary of material types across books, art, archives, media and data. */
public enum MaterialType {
    BOOK("図書", "Book"),
    SERIAL("雑誌・逐次刊行物", "Serial"),
    ARTICLE("記事・論文", "Article"),
    THESIS("博士論文・学位論文", "Thesis"),
    REPORT("報告書", "Report"),
    CONFERENCE_PAPER("会議録・会議発表", "Conference paper"),
    IMAGE("画像・写真", "Image"),
    ART_OBJECT("美術品・工芸品", "Art object"),
    ARCHIVAL_DOCUMENT("文書・古文書", "Archival document"),
    MAP("地図", "Map"),
    MUSIC_SCORE("楽譜", "Music score"),
    AUDIO("録音資料", "Audio"),
    VIDEO("映像資料", "Video"),
    WEBSITE("ウェブサイト", "Web site"),
    DATASET("データセット", "Dataset"),
    SOFTWARE("ソフトウェア", "Software"),
    NATURAL_HISTORY_SPECIMEN("自然史標本", "Natural history specimen"),
    OTHER("その他", "Other");

    private final String labelJa;
    private final String labelEn;

    MaterialType(String labelJa, String labelEn) {
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    public String labelJa() { return labelJa; }

    public String labelEn() { return labelEn; }
}
