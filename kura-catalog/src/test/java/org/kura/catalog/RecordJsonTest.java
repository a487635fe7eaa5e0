package org.kura.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kura.model.GeoLocation;
import org.kura.model.Record;
import org.kura.model.Title;
import org.kura.model.TitleType;

/** The stored JSON form: geo locations round-trip, and records stored before them still read. */
class RecordJsonTest {

    @Test
    void geoLocationsRoundTrip() {
        Record r = Record.builder("id:1", "p").title(new Title("遠野物語", null, TitleType.MAIN, null))
                .geoLocation(GeoLocation.point(39.3364, 141.5322, "遠野"))
                .geoLocation(new GeoLocation(null, new GeoLocation.Box(138.5, 35.1, 139.0, 35.6), null)).build();
        String json = RecordJson.write(r);
        assertThat(json).contains("\"geoLocations\":[{\"point\":{\"lat\":39.3364,\"lon\":141.5322},\"place\":\"遠野\"}");
        assertThat(RecordJson.read(json)).isEqualTo(r);
    }

    @Test
    void aRecordStoredBeforeGeoLocationsReadsWithNone() {
        Record r = RecordJson.read("{\"id\":\"id:1\",\"providerId\":\"p\",\"materialType\":\"BOOK\","
                + "\"titles\":[{\"value\":\"吾輩は猫である\",\"type\":\"MAIN\"}],\"rights\":{\"condition\":\"UNKNOWN\"}}");
        assertThat(r.geoLocations()).isEmpty();
        assertThat(r.mainTitle()).isEqualTo("吾輩は猫である");
        assertThat(RecordJson.write(r)).doesNotContain("geoLocations");
    }
}
