package org.kura.model;

import java.util.Objects;

/**
 * A title as the provider wrote it, with its reading (ヨミ, transcription) when known.
 *
 * @param value   the title for display, as received (not normalized)
 * @param reading the transcription in kana or romaji, or null
 * @param type    main, alternative, parallel…
 * @param lang    BCP 47 / ISO 639 language tag of the value, or null
 */
public record Title(String value, String reading, TitleType type, String lang) {
    public Title {
        Objects.requireNonNull(value, "value");
        type = type == null ? TitleType.MAIN : type;
    }

    public static Title main(String value) {
        return new Title(value, null, TitleType.MAIN, null);
    }
}
