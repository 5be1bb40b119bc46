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
            int d = distance(lower, k);
            int allowed = k.length() >= 7 ? 2 : (k.length() >= 3 ? 1 : 0);
            if (d <= allowed && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
