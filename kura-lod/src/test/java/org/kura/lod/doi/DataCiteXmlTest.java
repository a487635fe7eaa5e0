package org.kura.lod.doi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.MaterialType;
import org.kura.model.Record;
import org.kura.model.Role;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.xml.sax.SAXException;

/** DataCite 4.5 XML for real records, validated against the published kernel-4.5 XSD. */
class DataCiteXmlTest {

    @Test
    void aDigitizedEdoBookFromJpcoarIsValidDataCite() throws Exception {
        String xml = DataCiteXml.write(Samples.registration(Samples.wakunNoShiori()));
        if (Boolean.getBoolean("kura.print")) {
            System.out.println(xml + "\n" + new JalcXml(new JalcSettings("SI/X", "02")).write(Samples.registration(Samples.wakunNoShiori())));
        }
        DataCiteSchema.validate(xml);
        Xml x = new Xml(xml);
        assertThat(x.at("resource/identifier")).containsExactly("10.99999/kura.item-1");
        assertThat(x.at("resource/identifier/@identifierType")).containsExactly("DOI");
        assertThat(x.at("resource/titles/title[not(@titleType)]")).containsExactly("和訓栞");
        assertThat(x.one(Xml.path("resource/titles/title[not(@titleType)]/@xml:lang").replace("/@xml:lang", "/@*[local-name()='lang']")))
                .isEqualTo("ja");
        // the reading is an alternative title in katakana, tagged ja-Kana
        assertThat(x.all(Xml.path("resource/titles/title") + "[@*[local-name()='lang']='ja-Kana']")).contains("ワクンノシオリ");
        assertThat(x.at("resource/creators/creator/creatorName")).contains("谷川, 士清");
        assertThat(x.at("resource/creators/creator/creatorName/@nameType")).contains("Personal");
        assertThat(x.at("resource/creators/creator/familyName")).contains("谷川");
        assertThat(x.at("resource/creators/creator/nameIdentifier/@nameIdentifierScheme")).contains("VIAF");
        assertThat(x.at("resource/publisher")).containsExactly("須原屋, 茂兵衞");
        assertThat(x.at("resource/publicationYear")).containsExactly("1777");
        assertThat(x.at("resource/resourceType/@resourceTypeGeneral")).containsExactly("Book");
        assertThat(x.at("resource/dates/date")).contains("1777/1830");
        assertThat(x.at("resource/language")).containsExactly("ja");
        assertThat(x.at("resource/relatedIdentifiers/relatedIdentifier")).contains("10.20730/200017323");
        assertThat(x.at("resource/relatedIdentifiers/relatedIdentifier/@relationType")).containsOnly("IsVariantFormOf");
        assertThat(x.at("resource/rightsList/rights/@rightsURI")).anySatisfy(u -> assertThat(u).contains("creativecommons.org/licenses/by-sa"));
        assertThat(x.at("resource/sizes/size")).contains("4 page images");
    }

    @Test
    void everyJpcoarSampleWithAYearGivesValidDataCite() throws Exception {
        int validated = 0;
        for (String file : List.of("01_departmental_bulletin_paper_oa.xml", "03_journal_article_oa.xml", "05_doctoral_thesis_oa.xml",
                "07_dataset.xml", "08_conference_object.xml", "13_digital_archive_dataset_series.xml",
                "14_common_metadata_elements_cao.xml")) {
            Record r = Samples.jpcoar(file);
            if (r.issued() == null || r.issued().year() == null) {
                continue;
            }
            validated++;
            String xml = DataCiteXml.write(Samples.registration(r));
            try {
                DataCiteSchema.validate(xml);
            } catch (SAXException e) {
                throw new AssertionError(file + ": " + e.getMessage() + "\n" + xml, e);
            }
        }
        assertThat(validated).as("samples with a publication year").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aRecordWithoutCreatorsGetsDataCitesUnavailableValue() throws Exception {
        Record r = Record.builder("r1", "lib").materialType(MaterialType.MAP).title(new Title("江戸図", "エドズ", TitleType.MAIN, null))
                .agent(Agent.of("東京都", Role.PUBLISHER)).date(DateValue.parse("明治5年", DateType.ISSUED)).build();
        String xml = DataCiteXml.write(new DoiRegistration(DoiName.parse("10.99999/x.1"), "https://k.example/r", r, 0, "デモ図書館"));
        DataCiteSchema.validate(xml);
        Xml x = new Xml(xml);
        assertThat(x.at("resource/creators/creator/creatorName")).containsExactly("(:unav)");
        assertThat(x.at("resource/contributors/contributor/@contributorType")).containsExactly("Other");
        assertThat(x.at("resource/publisher")).containsExactly("デモ図書館");
        assertThat(x.at("resource/publicationYear")).containsExactly("1872");
        assertThat(x.at("resource/resourceType/@resourceTypeGeneral")).containsExactly("Image");
    }

    @Test
    void aRecordWithoutAYearIsRefusedWithAClearReason() {
        Record r = Record.builder("r2", "lib").title(Title.main("無題の巻物")).date(DateValue.parse("年代不明", DateType.ISSUED)).build();
        assertThatThrownBy(() -> DataCiteXml.write(new DoiRegistration(DoiName.parse("10.99999/x.2"), "https://k.example/r", r, 0, null)))
                .isInstanceOf(DoiException.class).hasMessageContaining("publication year").hasMessageContaining("lib:r2")
                .satisfies(e -> assertThat(((DoiException) e).reason()).isEqualTo(DoiException.Reason.NOT_REGISTRABLE));
    }

    @Test
    void theSchemaCheckCanFail() throws Exception {
        String xml = DataCiteXml.write(Samples.registration(Samples.wakunNoShiori()));
        String broken = xml.replace("resourceTypeGeneral=\"Book\"", "resourceTypeGeneral=\"Scroll\"");
        assertThat(broken).isNotEqualTo(xml);
        assertThatThrownBy(() -> DataCiteSchema.validate(broken)).isInstanceOf(SAXException.class).hasMessageContaining("Scroll");
    }

    @Test
    void controlCharactersInTheCatalogCannotBreakTheXml() throws Exception {
        Record r = Record.builder("r3", "lib").title(Title.main("題\u0001名\uFFFF")).date(DateValue.parse("2001", DateType.ISSUED))
                .agent(Agent.of("A, B\u0007", Role.AUTHOR)).build();
        String xml = DataCiteXml.write(new DoiRegistration(DoiName.parse("10.99999/x.3"), "https://k.example/r", r, 1, null));
        DataCiteSchema.validate(xml);
        assertThat(new Xml(xml).at("resource/titles/title")).containsExactly("題名");
    }
}
