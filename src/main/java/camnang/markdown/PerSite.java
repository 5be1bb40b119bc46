package camnang.markdown;

import camnang.content.Site;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * A value made once per site being built (the legal registry, the glossary): every page of a
 * build asks for the same one, from several threads. Sites are held weakly, so a long-running
 * {@code serve} does not keep each rebuild's site.
 */
final class PerSite<T> {
    private record Last<T>(Site site, T value) {
    }

    private final Map<Site, T> values = Collections.synchronizedMap(new WeakHashMap<>());
    private final Function<Site, T> make;
    /** The value last asked for: nearly every call is for the same site as the one before. */
    private volatile Last<T> last;

    PerSite(Function<Site, T> make) {
        this.make = make;
    }

    T of(Site site) {
        Last<T> l = last;
        if (l != null && l.site() == site) {
            return l.value();
        }
        T v;
        synchronized (values) {
            v = values.computeIfAbsent(site, make);
        }
        last = new Last<>(site, v);
        return v;
    }
}
