package org.kura.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates as Japanese and Western catalogues write them (forms taken from NDL, CiNii and LC records). */
class DateParserTest {

    @ParameterizedTest(name = "{0} → {1}..{2}")
    @CsvSource(delimiter = '|', value = {
        "1965|1965-01-01|1965-12-31|false",
        "1965年|1965-01-01|1965-12-31|false",
        "１９６５年|1965-01-01|1965-12-31|false",
        "1965.4|1965-04-01|1965-04-30|false",
        "1965.04.01|1965-04-01|1965-04-01|false",
        "1965-04|1965-04-01|1965-04-30|false",
        "1965-04-01|1965-04-01|1965-04-01|false",
        "1965-04-01T10:00:00Z|1965-04-01|1965-04-01|false",
        "1965年4月1日|1965-04-01|1965-04-01|false",
        "1965年4月|1965-04-01|1965-04-30|false",
        "昭和40年|1965-01-01|1965-12-31|false",
        "昭和四十年|1965-01-01|1965-12-31|false",
        "昭和四〇年|1965-01-01|1965-12-31|false",
        "平成三十一年|2019-01-01|2019-12-31|false",
        "平成元年|1989-01-01|1989-12-31|false",
        "令和元年5月1日|2019-05-01|2019-05-01|false",
        "明治45年|1912-01-01|1912-12-31|false",
        "大正3年|1914-01-01|1914-12-31|false",
        "二〇一九年|2019-01-01|2019-12-31|false",
        "S40|1965-01-01|1965-12-31|false",
        "H2.3|1990-03-01|1990-03-31|false",
        "平成2-3年|1990-01-01|1991-12-31|false",
        "昭和40-45|1965-01-01|1970-12-31|false",
        "昭和40年(1965)|1965-01-01|1965-12-31|false",
        "1965(昭和40)|1965-01-01|1965-12-31|false",
        "[19--]|1900-01-01|1999-12-31|true",
        "[196-]|1960-01-01|1969-12-31|true",
        "196-|1960-01-01|1969-12-31|true",
        "19uu|1900-01-01|1999-12-31|true",
        "[1965?]|1965-01-01|1965-12-31|true",
        "1965?|1965-01-01|1965-12-31|true",
        "c1900|1900-01-01|1900-12-31|true",
        "ca. 1900|1900-01-01|1900-12-31|true",
        "circa 1900|1900-01-01|1900-12-31|true",
        "[ca. 1900]|1900-01-01|1900-12-31|true",
        "1990-1995|1990-01-01|1995-12-31|false",
        "1990-95|1990-01-01|1995-12-31|false",
        "1990/1995|1990-01-01|1995-12-31|false",
        "1990～1995|1990-01-01|1995-12-31|false",
        "April 1965|1965-04-01|1965-04-30|false",
        "1 Apr. 1965|1965-04-01|1965-04-01|false",
        "Apr 1, 1965|1965-04-01|1965-04-01|false",
        "18th century|1700-01-01|1799-12-31|true",
        "19th cent.|1800-01-01|1899-12-31|true",
        "1960s|1960-01-01|1969-12-31|false",
        "昭和40年頃|1965-01-01|1965-12-31|true",
    })
    void parsesToARange(String text, String start, String end, boolean approximate) {
        DateValue d = DateParser.parse(text, DateType.ISSUED);
        assertThat(d.original()).isEqualTo(text);
        assertThat(d.start()).isEqualTo(LocalDate.parse(start));
        assertThat(d.end()).isEqualTo(LocalDate.parse(end));
        assertThat(d.approximate()).isEqualTo(approximate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "unknown", "不明", "n.d.", "s.a.", "昭和99年13月", "1995-1990", "2001-02-30"})
    void keepsWhatItCannotParseWithoutARange(String text) {
        DateValue d = DateParser.parse(text, DateType.ISSUED);
        assertThat(d.original()).isEqualTo(text);
        assertThat(d.isParsed()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1990-,1990-01-01", "1990～,1990-01-01"})
    void openRangesHaveOnlyAStart(String text, String start) {
        DateValue d = DateParser.parse(text, DateType.ISSUED);
        assertThat(d.start()).isEqualTo(LocalDate.parse(start));
        assertThat(d.end()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"四十,40", "三十一,31", "十,10", "二〇一九,2019", "千九百六十五,1965", "百,100"})
    void kanjiNumerals(String kanji, int value) {
        assertThat(KanjiNumerals.value(kanji)).isEqualTo(value);
    }
}
