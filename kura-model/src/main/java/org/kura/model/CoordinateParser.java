package org.kura.model;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coordinates as metadata writes them in {@code dcterms:spatial} and {@code dc:coverage}:
 * <ul>
 *   <li>a decimal pair, latitude first: {@code 35.6895,139.6917}, {@code 35.68N 139.69E}</li>
 *   <li>degrees, minutes, seconds: {@code 北緯35度41分22秒 東経139度41分30秒}, {@code 35°41′22″N 139°41′30″E}</li>
 *   <li>ISO 6709 strings: {@code +35.6895+139.6917/}, {@code +354122+1394130/}, {@code +3541+13941+10/}</li>
 *   <li>DCMI Point ({@code east=139.69; north=35.68; name=Tokyo}) and DCMI Box
 *       ({@code northlimit=…; southlimit=…; eastlimit=…; westlimit=…})
 *       (https://www.dublincore.org/specifications/dublin-core/dcmi-point/, …/dcmi-box/)</li>
 * </ul>
 * Text that is none of these (a place name such as 東京) gives an empty result; text that is one of them
 * with a value out of range (latitude 95) is an {@link IllegalArgumentException} naming the value, so that
 * the caller can warn. Pure and thread-safe.
 */
public final class CoordinateParser {
    private static final String NUM = "(\\d{1,3}(?:\\.\\d+)?)";
    private static final Pattern DECIMAL_PAIR = Pattern.compile(
            "([+-]?\\d{1,3}(?:\\.\\d+)?)\\s*([NS])?\\s*[,;\\s]\\s*([+-]?\\d{1,3}(?:\\.\\d+)?)\\s*([EW])?");
    private static final Pattern JA_DMS = Pattern.compile(
            "(北緯|南緯)\\s*" + NUM + "\\s*度\\s*(?:" + NUM + "\\s*分)?\\s*(?:" + NUM + "\\s*秒)?\\s*[,、,\\s]*"
            + "(東経|西経)\\s*" + NUM + "\\s*度\\s*(?:" + NUM + "\\s*分)?\\s*(?:" + NUM + "\\s*秒)?");
    private static final Pattern DMS = Pattern.compile(
            NUM + "\\s*[°º度]\\s*(?:" + NUM + "\\s*['′分])?\\s*(?:" + NUM + "\\s*(?:\"|″|′′|''|秒))?\\s*([NS])\\s*[,;\\s]*\\s*"
            + NUM + "\\s*[°º度]\\s*(?:" + NUM + "\\s*['′分])?\\s*(?:" + NUM + "\\s*(?:\"|″|′′|''|秒))?\\s*([EW])");
    private static final Pattern ISO6709 = Pattern.compile(
            "([+-])(\\d{2}(?:\\d{2}(?:\\d{2})?)?(?:\\.\\d+)?)([+-])(\\d{3}(?:\\d{2}(?:\\d{2})?)?(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)?(CRS[^/]*)?/?");
    private static final Pattern DCMI_PART = Pattern.compile("\\s*([A-Za-z]+)\\s*=\\s*([^;]*)");

    private CoordinateParser() {
    }

    /**
     * The location the text gives, or empty when it holds no coordinates in a form named above.
     *
     * @throws IllegalArgumentException when it has the form of coordinates but a value is out of range
     */
    public static Optional<GeoLocation> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (s.contains("=")) {
            return dcmi(s);
        }
        Matcher m = ISO6709.matcher(s);
        if (m.matches()) {
            return Optional.of(GeoLocation.point(iso(m.group(1), m.group(2), 2), iso(m.group(3), m.group(4), 3), null));
        }
        m = JA_DMS.matcher(s);
        if (m.matches()) {
            double lat = dms(m.group(2), m.group(3), m.group(4)) * (m.group(1).equals("南緯") ? -1 : 1);
            double lon = dms(m.group(6), m.group(7), m.group(8)) * (m.group(5).equals("西経") ? -1 : 1);
            return Optional.of(GeoLocation.point(lat, lon, null));
        }
        m = DMS.matcher(s.toUpperCase(Locale.ROOT));
        if (m.matches()) {
            double lat = dms(m.group(1), m.group(2), m.group(3)) * ("S".equals(m.group(4)) ? -1 : 1);
            double lon = dms(m.group(5), m.group(6), m.group(7)) * ("W".equals(m.group(8)) ? -1 : 1);
            return Optional.of(GeoLocation.point(lat, lon, null));
        }
        m = DECIMAL_PAIR.matcher(s.toUpperCase(Locale.ROOT));
        if (m.matches() && (s.contains(".") || s.contains(",") || m.group(2) != null)) {
            double lat = Double.parseDouble(m.group(1)) * ("S".equals(m.group(2)) ? -1 : 1);
            double lon = Double.parseDouble(m.group(3)) * ("W".equals(m.group(4)) ? -1 : 1);
            return Optional.of(GeoLocation.point(lat, lon, null));
        }
        return Optional.empty();
    }

    /** DCMI Point or Box: {@code name=value} pairs separated by semicolons; empty when neither. */
    private static Optional<GeoLocation> dcmi(String s) {
        Map<String, String> parts = new HashMap<>();
        for (String part : s.split(";")) {
            Matcher m = DCMI_PART.matcher(part);
            if (m.matches()) {
                parts.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
            }
        }
        String name = parts.get("name");
        if (parts.containsKey("east") && parts.containsKey("north")) {
            return Optional.of(GeoLocation.point(number(parts.get("north")), number(parts.get("east")), name));
        }
        if (parts.containsKey("northlimit") && parts.containsKey("southlimit") && parts.containsKey("eastlimit")
                && parts.containsKey("westlimit")) {
            return Optional.of(new GeoLocation(null, new GeoLocation.Box(number(parts.get("westlimit")),
                    number(parts.get("southlimit")), number(parts.get("eastlimit")), number(parts.get("northlimit"))), name));
        }
        return Optional.empty();
    }

    private static double number(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + v);
        }
    }

    private static double dms(String degrees, String minutes, String seconds) {
        double m = minutes == null ? 0 : Double.parseDouble(minutes);
        double s = seconds == null ? 0 : Double.parseDouble(seconds);
        if (m >= 60 || s >= 60) {
            throw new IllegalArgumentException("minutes and seconds must be below 60: " + minutes + "′" + seconds + "″");
        }
        return Double.parseDouble(degrees) + m / 60 + s / 3600;
    }

    /** An ISO 6709 component: ±DD[MM[SS]][.fraction] (±DDD… for longitude) as degrees. */
    private static double iso(String sign, String digits, int degreeDigits) {
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        double value = switch (whole.length() - degreeDigits) {
            case 0 -> Double.parseDouble(whole + fraction);
            case 2 -> dms(whole.substring(0, degreeDigits), whole.substring(degreeDigits) + fraction, null);
            default -> dms(whole.substring(0, degreeDigits), whole.substring(degreeDigits, degreeDigits + 2),
                    whole.substring(degreeDigits + 2) + fraction);
        };
        return "-".equals(sign) ? -value : value;
    }
}
