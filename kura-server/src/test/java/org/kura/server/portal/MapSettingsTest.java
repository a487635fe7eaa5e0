package org.kura.server.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The operator's map tile setting: off by default, a real tile template when on, its origin for the CSP. */
class MapSettingsTest {

    @Test
    void offByDefault() {
        assertThat(MapSettings.none().tileUrl()).isNull();
        assertThat(MapSettings.none().tileOrigin()).isNull();
        assertThat(new MapSettings("  ", "").tileUrl()).isNull();
    }

    @Test
    void gsiTilesNameTheirOrigin() {
        MapSettings gsi = new MapSettings("https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png", "地理院タイル");
        assertThat(gsi.tileOrigin()).isEqualTo("https://cyberjapandata.gsi.go.jp");
        assertThat(new MapSettings("https://{s}.tiles.example:8443/{z}/{x}/{y}.png", null).tileOrigin())
                .isEqualTo("https://*.tiles.example:8443");
    }

    @Test
    void aTemplateThatIsNotOneIsRefused() {
        for (String bad : new String[] {"ftp://x/{z}/{x}/{y}", "https://x/tiles.png", "javascript:alert(1)//{z}{x}{y}",
            "https://x/{z}/{x}/{y}.png; script-src *", "https://x/\"{z}/{x}/{y}"}) {
            assertThatThrownBy(() -> new MapSettings(bad, null)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
