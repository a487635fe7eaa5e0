package org.kura.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Coordinates in the forms metadata writes them (dcterms:spatial, dc:coverage). */
class CoordinateParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "35.6895,139.6917|35.6895|139.6917",
        "35.6895, 139.6917|35.6895|139.6917",
        "35.6895 139.6917|35.6895|139.6917",
        "-33.8688,151.2093|-33.8688|151.2093",
        "35.68N 139.69E|35.68|139.69",
        "33.87S, 151.21E|-33.87|151.21",
        "北緯35度41分 東経139度41分|35.68333|139.68333",
        "北緯35度41分22秒 東経139度41分30秒|35.68944|139.69167",
        "北緯３５度４１分、東経１３９度４１分|35.68333|139.68333",
        "南緯33度52分 西経151度12分|-33.86667|-151.2",
        "35°41′22″N 139°41′30″E|35.68944|139.69167",
        "+35.6895+139.6917/|35.6895|139.6917",
        "+354122+1394130/|35.68944|139.69167",
        "+3541+13941+10CRSWGS_84/|35.68333|139.68333",
        "-3352.5+15112.5/|-33.875|151.20833",
        "east=139.69; north=35.68|35.68|139.69",
        "name=東京; east=139.6917; north=35.6895; elevation=40|35.6895|139.6917",
    })
    void recognisedForms(String text, double lat, double lon) {
        GeoLocation g = CoordinateParser.parse(text).orElseThrow();
        assertThat(g.point().lat()).isCloseTo(lat, within(1e-4));
        assertThat(g.point().lon()).isCloseTo(lon, within(1e-4));
    }

    @org.junit.jupiter.api.Test
    void dcmiPointKeepsItsName() {
        assertThat(CoordinateParser.parse("name=東京; east=139.6917; north=35.6895").orElseThrow().place()).isEqualTo("東京");
    }

    @org.junit.jupiter.api.Test
    void dcmiBoxIsABoxWithItsCentre() {
        GeoLocation g = CoordinateParser.parse("northlimit=45.5; southlimit=24.0; eastlimit=146.0; westlimit=123.0; name=日本")
                .orElseThrow();
        assertThat(g.box()).isEqualTo(new GeoLocation.Box(123.0, 24.0, 146.0, 45.5));
        assertThat(g.center().lat()).isCloseTo(34.75, within(1e-9));
        assertThat(g.place()).isEqualTo("日本");
    }

    @ParameterizedTest
    @ValueSource(strings = {"東京", "Japan", "江戸時代", "1868", "1868-1912", "19th century", "name=Tokyo", "  "})
    void placeNamesAndOtherTextAreNoCoordinates(String text) {
        assertThat(CoordinateParser.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"95.0,139.0", "35.0,181.5", "北緯95度 東経139度", "+9512+13941/", "east=200; north=10",
        "北緯35度75分 東経139度"})
    void outOfRangeIsAnErrorNamingTheValue(String text) {
        assertThatThrownBy(() -> CoordinateParser.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".*(latitude|longitude|minutes).*");
    }

    @org.junit.jupiter.api.Test
    void boxAcrossTheAntimeridianHasItsCentreThere() {
        assertThat(new GeoLocation.Box(170, -10, -170, 10).center().lon()).isCloseTo(180.0, within(1e-9));
        assertThatThrownBy(() -> new GeoLocation.Box(0, 10, 1, 5)).hasMessageContaining("south");
    }
}
