package org.kura.fulltext.export;

import java.util.Locale;

/**
 * The few fixed words the exports add around the text (headings, field names, the accessibility
 * summary), in Japanese for a Japanese text and in English otherwise.
 */
record Wording(String title, String creators, String publisher, String date, String identifier, String rights,
               String language, String contents, String pages, String about, String landmarks, String summary,
               String ocrNote, String listSeparator) {

    private static final Wording JA = new Wording("タイトル", "著者", "出版者", "出版年月日", "資料ID", "権利", "言語",
            "目次", "ページ", "この資料について", "ランドマーク",
            "デジタル化資料の本文テキストです。読み上げ順に並んだリフロー型のテキストで、原本のページ番号が"
                    + "ページ区切りとして示され、ページ一覧と目次から移動できます。画像は含みません。",
            "本文は画像から自動認識（OCR）したもので、誤りを含むことがあります。", "、");

    private static final Wording EN = new Wording("Title", "Creators", "Publisher", "Date", "Item", "Rights", "Language",
            "Contents", "Pages", "About this text", "Landmarks",
            "The text of a digitized item as reflowable text in reading order, with the print page numbers "
                    + "marked as page breaks and reachable through a page list and a table of contents. "
                    + "Images are not included.",
            "The text was recognized automatically from page images (OCR) and may contain errors.", "; ");

    /** The wording for a BCP 47 language tag. */
    static Wording forLanguage(String tag) {
        String lang = Locale.forLanguageTag(tag).getLanguage();
        return "ja".equals(lang) ? JA : EN;
    }
}
