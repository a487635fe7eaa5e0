package org.kura.ingest.crosswalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kura.ingest.Fixtures;
import org.kura.model.GeoLocation;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.SubjectScheme;

/** Coordinates from JPCOAR (DataCite geoLocation), DC-NDL and oai_dc (spatial, coverage) and CSV rows. */
class GeoLocationCrosswalkTest {
    final StandardCrosswalks crosswalks = new StandardCrosswalks();

    Record apply(String format, byte[] bytes) throws CrosswalkException {
        return crosswalks.forFormat(format).orElseThrow().apply(new RawRecord("p", "id:1", format, null, false, List.of(), bytes));
    }

    Record apply(String format, String text) throws CrosswalkException {
        return apply(format, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jpcoarOfficialDatasetSampleHasItsBox() throws Exception {
        Record r = apply("jpcoar", Fixtures.bytes(Fixtures.shared("jpcoar/2.0/samples/07_dataset.xml")));
        assertThat(r.geoLocations()).singleElement().satisfies(g -> {
            assertThat(g.box()).isEqualTo(new GeoLocation.Box(-140.4875, 60.255, 109.618333, 75.589167));
            assertThat(g.point()).isNull();
            assertThat(g.center().lat()).isCloseTo(67.922, within(1e-3));
        });
    }

    @Test
    void jpcoarPointsBoxesPlacesAndASwappedPointDroppedWithAWarning() throws Exception {
        Record r = apply("jpcoar", Fixtures.bytes(Fixtures.local("jpcoar/jpcoar-2.0-geolocation-point-box-place.xml")));
        assertThat(r.geoLocations()).hasSize(4);
        assertThat(r.geoLocations().get(0)).isEqualTo(GeoLocation.point(35.3606, 138.7274, "富士山頂"));
        assertThat(r.geoLocations().get(1).box()).isEqualTo(new GeoLocation.Box(138.5, 35.1, 139.0, 35.6));
        assertThat(r.geoLocations().get(1).place()).isEqualTo("富士山麓");
        assertThat(r.geoLocations().get(2)).isEqualTo(new GeoLocation(null, null, "御殿場"));
        assertThat(r.geoLocations().get(3).point().lat()).isCloseTo(35.35, within(1e-9));
        assertThat(r.warnings()).singleElement().asString().contains("geoLocationPoint", "latitude 138.7274");
    }

    @Test
    void oaiDcCoverageWithCoordinatesIsALocationAndOtherCoverageAKeyword() throws Exception {
        Record r = apply("oai_dc", """
                <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <dc:title>浅草寺</dc:title>
                  <dc:coverage>北緯35度42分 東経139度47分</dc:coverage>
                  <dc:coverage>east=139.7967; north=35.7148; name=浅草寺</dc:coverage>
                  <dc:coverage>江戸時代</dc:coverage>
                  <dc:coverage>95.0,139.0</dc:coverage>
                </oai_dc:dc>""");
        assertThat(r.geoLocations()).hasSize(2);
        assertThat(r.geoLocations().get(0).point().lat()).isCloseTo(35.7, within(1e-9));
        assertThat(r.geoLocations().get(1).place()).isEqualTo("浅草寺");
        assertThat(r.subjects()).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo("江戸時代");
            assertThat(s.scheme()).isEqualTo(SubjectScheme.KEYWORD);
        });
        assertThat(r.warnings()).singleElement().asString().contains("dc:coverage", "95.0,139.0", "latitude");
    }

    @Test
    void dcndlSpatialIso6709() throws Exception {
        Record r = apply("dcndl", """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcterms="http://purl.org/dc/terms/"
                    xmlns:dcndl="http://ndl.go.jp/dcndl/terms/">
                  <dcndl:BibResource rdf:about="https://kura.example/1">
                    <dcterms:title>遠野物語</dcterms:title>
                    <dcterms:spatial>+392011+1413156/</dcterms:spatial>
                    <dcterms:spatial>岩手県遠野</dcterms:spatial>
                    <dc:coverage xmlns:dc="http://purl.org/dc/elements/1.1/">明治時代</dc:coverage>
                  </dcndl:BibResource>
                </rdf:RDF>""");
        assertThat(r.geoLocations()).hasSize(2);
        assertThat(r.geoLocations().get(0)).satisfies(g -> {
            assertThat(g.point().lat()).isCloseTo(39.3364, within(1e-4));
            assertThat(g.point().lon()).isCloseTo(141.5322, within(1e-4));
        });
        // a place by name is kept (searchable, listed on the record), not put on a map
        assertThat(r.geoLocations().get(1)).isEqualTo(new GeoLocation(null, null, "岩手県遠野"));
        assertThat(r.geoLocations().get(1).hasCoordinates()).isFalse();
        assertThat(r.subjects()).singleElement().satisfies(sub -> {
            assertThat(sub.value()).isEqualTo("明治時代");
            assertThat(sub.scheme()).isEqualTo(SubjectScheme.KEYWORD);
        });
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void jpcoarSpatialPlaceNameIsALocationByName() throws Exception {
        Record r = apply("jpcoar", """
                <jpcoar:jpcoar xmlns:jpcoar="https://github.com/JPCOAR/schema/blob/master/2.0/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
                  <dc:title xml:lang="ja">遠野の民話</dc:title>
                  <dcterms:spatial>岩手県遠野市</dcterms:spatial>
                  <dcterms:spatial>95.0,139.0</dcterms:spatial>
                </jpcoar:jpcoar>""");
        assertThat(r.geoLocations()).containsExactly(new GeoLocation(null, null, "岩手県遠野市"));
        assertThat(r.warnings()).singleElement().asString().contains("dcterms:spatial", "95.0,139.0");
    }

    @Test
    void csvCoordinatesColumn() throws Exception {
        Record r = apply("csv", "{\"id\":\"x\",\"title\":\"神奈川沖浪裏\",\"coordinates\":[\"35.4437 139.6380\",\"横浜\",\"35.0,200.0\"]}");
        assertThat(r.geoLocations()).singleElement().isEqualTo(GeoLocation.point(35.4437, 139.638, null));
        assertThat(r.warnings()).hasSize(2).anySatisfy(w -> assertThat(w).contains("not recognised", "横浜"))
                .anySatisfy(w -> assertThat(w).contains("longitude 200.0"));
    }
}
