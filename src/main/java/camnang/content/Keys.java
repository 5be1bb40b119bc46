package camnang.content;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean": the closest known key to a key that looks misspelt. */
final class Keys {
    private Keys() {
    }

    /**
     * The known key that {@code key} is probably a misspelling of, or null. Case
     * differences count as misspellings ({@code Title}); otherwise short keys may
     * differ by one edit and keys of seven letters or more by two, so that other
     * generators' keys ({@code note}, {@code code}) are not mistaken for ours.
     */
    static String misspelled(String key, Collection<String> known) {
        if (known.contains(key)) {
            return null;
        }
        String lower = key.toLowerCase(Locale.ROOT).replace('-', '_');
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            if (k.equals(lower)) {
                return k;
            }
            int d = camnang.EditDistance.of(lower, k);
            int allowed = k.length() >= 7 ? 2 : (k.length() >= 3 ? 1 : 0);
            if (d <= allowed && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }
}
