package org.kura.cli.commands;

import java.util.List;
import java.util.Map;
import org.kura.server.portal.Curation;
import org.kura.server.portal.Gallery;
import org.kura.server.portal.Theme;

/** The demo's theme portal and gallery over the sample records; left alone when staff have edited them. */
final class DemoCuration {
    private static final String CLASSICS = "ndl:https://kura.example/demo/ndl-classics/";

    private DemoCuration() {
    }

    static void load(Curation curation) {
        if (curation.theme("ndl-collection").isEmpty()) {
            curation.save(new Theme("ndl-collection", "国立国会図書館の資料でたどる近代", "Modern Japan through NDL's collection",
                    "サンプルの国立国会図書館の書誌を出版年の順に。テーマの中だけを検索でき、年表と年代の分布で時代を一望できます。",
                    "The sample NDL records in order of publication: search within the theme, and see the period at a glance "
                            + "on the timeline and the decade histogram.",
                    "", Map.of("provider", List.of("ndl", "demo-oai")),
                    List.of(CLASSICS + "001", CLASSICS + "002", CLASSICS + "003")));
        }
        if (curation.gallery("soseki-hokusai").isEmpty()) {
            curation.save(new Gallery("soseki-hokusai", "漱石と北斎", "Soseki and Hokusai",
                    "デジタル化された資料から、明治の小説と江戸の浮世絵を。",
                    "From the digitized items: novels of the Meiji era and a print of the Edo period.",
                    List.of(new Gallery.Section("夏目漱石の小説", "Novels by Natsume Soseki",
                                    "明治の終わりから大正にかけて書かれた三作。", "Three novels from the end of Meiji into Taisho.",
                                    List.of(new Gallery.Item(CLASSICS + "001", "インターネット公開", "Open on the Internet"),
                                            new Gallery.Item(CLASSICS + "002", "図書館送信", "For participating libraries"),
                                            new Gallery.Item(CLASSICS + "003", "館内限定", "On site only"))),
                            new Gallery.Section("浮世絵", "Ukiyo-e", "葛飾北斎の代表作。", "Hokusai's best-known print.",
                                    List.of(new Gallery.Item("museum:hokusai-001", "冨嶽三十六景より", "From the Thirty-six Views of Mount Fuji"))))));
        }
    }
}
