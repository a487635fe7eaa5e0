package org.kura.lod.doi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.Record;
import org.kura.model.Role;
import org.kura.model.Title;

/**
 * JaLC deposit XML. JaLC's XSD is not available offline, so the structure JaLC documents is checked element by
 * element: head (the four processing codes), body/site_id, content with doi, url, title_list (ja and the ja-Kana
 * reading), creator_list, publisher, publication_date.
 */
class JalcXmlTest {
    static final JalcXml JALC = new JalcXml(new JalcSettings("SI/KURA.DEMO", "02"));

    @Test
    void aDigitizedEdoBookHasTheStructureJalcAsksFor() throws Exception {
        Xml x = new Xml(JALC.write(Samples.registration(Samples.wakunNoShiori())));
        assertThat(x.at("root/head/error_process")).containsExactly("0");
        assertThat(x.at("root/head/result_method")).containsExactly("0");
        assertThat(x.at("root/head/content_classification")).containsExactly("02");
        assertThat(x.at("root/head/request_kind")).containsExactly("01");
        assertThat(x.at("root/body/site_id")).containsExactly("SI/KURA.DEMO");
        assertThat(x.at("root/body/content/@sequence")).containsExactly("001");
        assertThat(x.at("root/body/content/doi")).containsExactly("10.99999/kura.item-1");
        assertThat(x.at("root/body/content/url")).singleElement().satisfies(u -> assertThat(u).startsWith("https://"));
        assertThat(x.at("root/body/content/title_list/titles[@lang='ja']/title")).containsExactly("和訓栞");
        assertThat(x.at("root/body/content/title_list/titles[@lang='ja-Kana']/title")).containsExactly("ワクンノシオリ");
        assertThat(x.at("root/body/content/creator_list/creator/@sequence")).containsExactly("1");
        assertThat(x.at("root/body/content/creator_list/creator/names[@lang='ja']/last_name")).containsExactly("谷川");
        assertThat(x.at("root/body/content/creator_list/creator/names[@lang='ja']/first_name")).containsExactly("士清");
        assertThat(x.at("root/body/content/creator_list/creator/names[@lang='ja-Kana']/last_name")).containsExactly("タニガワ");
        assertThat(x.at("root/body/content/publisher/publisher_name")).containsExactly("須原屋, 茂兵衞");
        assertThat(x.at("root/body/content/publication_date/publication_year")).containsExactly("1777");
        assertThat(x.at("root/body/content/publication_date/publication_month")).isEmpty();
    }

    @Test
    void aDayIsGivenWhenTheRecordKnowsIt() throws Exception {
        Record r = Record.builder("r1", "lib").title(Title.main("日報")).agent(Agent.of("日報社", Role.CREATOR))
                .date(DateValue.parse("1965-04-03", DateType.ISSUED)).build();
        Xml x = new Xml(JALC.write(new DoiRegistration(DoiName.parse("10.99999/x.1"), "https://k.example/r", r, 0, null)));
        assertThat(x.at("root/body/content/publication_date/*")).containsExactly("1965", "04", "03");
        assertThat(x.at("root/body/content/creator_list/creator/names/last_name")).containsExactly("日報社");
        assertThat(x.at("root/body/content/creator_list/creator/names/first_name")).isEmpty();
    }

    @Test
    void jalcMandatoryValuesAreNeverMadeUp() {
        Record noCreator = Record.builder("r2", "lib").title(Title.main("無署名")).date(DateValue.parse("1900", DateType.ISSUED)).build();
        assertThatThrownBy(() -> JALC.write(new DoiRegistration(DoiName.parse("10.99999/x.2"), "https://k.example/r", noCreator, 0, null)))
                .isInstanceOf(DoiException.class).hasMessageContaining("no creator");
        Record noYear = Record.builder("r3", "lib").title(Title.main("無年")).agent(Agent.of("A", Role.AUTHOR)).build();
        assertThatThrownBy(() -> JALC.write(new DoiRegistration(DoiName.parse("10.99999/x.3"), "https://k.example/r", noYear, 0, null)))
                .isInstanceOf(DoiException.class).hasMessageContaining("publication year");
        assertThatThrownBy(() -> new JalcXml(new JalcSettings("", "02")).write(Samples.registration(noYear)))
                .hasMessageContaining("doi.jalc.siteId");
        assertThatThrownBy(() -> new JalcSettings("SI/X", "7")).hasMessageContaining("contentClassification");
    }
}
