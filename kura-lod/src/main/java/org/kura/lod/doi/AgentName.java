package org.kura.lod.doi;

/**
 * A name as catalogues write it, taken apart for registration metadata: an inverted personal name
 * {@code 夏目, 漱石, 1867-1916} gives family {@code 夏目}, given {@code 漱石} and the display form {@code 夏目, 漱石}
 * (life dates are dropped: DataCite and JaLC names carry none); anything else is kept whole as one name.
 *
 * @param display  the name without life dates
 * @param family   the family name, or null when the name is not inverted
 * @param given    the given name, or null when the name is not inverted
 */
record AgentName(String display, String family, String given) {

    static AgentName of(String name) {
        String n = name.strip().replaceFirst(",\\s*(生没年不詳|[0-9?]{3,4}[-\\u2010-\\u2015~〜]?([0-9?]{3,4})?[年]?)$", "").strip();
        int comma = n.indexOf(',');
        if (comma > 0 && comma < n.length() - 1) {
            String family = n.substring(0, comma).strip();
            String given = n.substring(comma + 1).strip();
            if (!family.isEmpty() && !given.isEmpty() && !given.contains(",")) {
                return new AgentName(family + ", " + given, family, given);
            }
        }
        return new AgentName(n.isEmpty() ? name.strip() : n, null, null);
    }

    boolean inverted() {
        return family != null;
    }
}
