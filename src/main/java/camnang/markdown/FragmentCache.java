package camnang.markdown;

import camnang.Problem;
import camnang.content.Page;
import camnang.content.Site;
import camnang.content.SiteConfig;
import camnang.content.StaticFile;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Rendered pages kept between builds, so a rebuild parses only the pages that changed.
 * An entry is found by a hash of everything its HTML depends on: camnang's own build, the
 * page's text and place, the settings that change rendering, and the map of every page and
 * file a link could lead to. Entries hold the problems found while rendering, which are
 * reported again on a hit, so a rebuild says what a full build says. Entries a build did
 * not use are removed after it, so the cache holds one build's worth.
 */
public final class FragmentCache {
    private static final int FORMAT = 5;
    private final Path dir;
    private final String siteKey;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final Glossary glossary;

    private FragmentCache(Path dir, String siteKey, Glossary glossary) {
        this.dir = dir;
        this.siteKey = siteKey;
        this.glossary = glossary;
    }

    /**
     * A cache under {@code dir} for this site, or null when the folder cannot be made.
     *
     * @param root how the source folder is named in messages, which cached problems repeat
     */
    public static FragmentCache open(Path dir, Site site, SiteConfig.BrokenLinks mode, String root) {
        String code = codeIdentity();
        if (code == null) {
            return null;
        }
        MessageDigest md = camnang.Digests.sha256();
        update(md, "camnang-fragments " + FORMAT + " " + code + " " + mode + " " + site.config().rawHtml() + " " + root);
        for (String draft : site.draftSources()) {
            update(md, "draft " + draft);
        }
        for (Page p : site.pages()) {
            update(md, p.source() + "\u0000" + p.output() + "\u0000" + p.meta().aliases() + "\u0000" + p.synthetic());
        }
        for (StaticFile f : site.files()) {
            update(md, f.source() + "\u0000" + f.output());
        }
        // Citations link to other pages' documents and articles.
        update(md, Citations.of(site).identity());
        // Each portal resolves links against its own pages, and its own generated pages.
        update(md, "portal " + (site.portal() == null ? "" : site.portal().id()) + " " + site.generatedPages());
        try {
            Files.createDirectories(dir);
            pruneOtherSites(dir);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return new FragmentCache(dir, HexFormat.of().formatHex(md.digest()), Glossary.of(site));
    }

    /** camnang's own build: the jar, or (in tests) the compiled classes that shape a fragment. */
    private static String codeIdentity() {
        try {
            Path where = Path.of(FragmentCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(where)) {
                return where.toAbsolutePath() + "|" + Files.size(where) + "|" + Files.getLastModifiedTime(where).toMillis();
            }
            MessageDigest md = camnang.Digests.sha256();
            for (String pkg : List.of("camnang/markdown", "camnang/content", "camnang")) {
                try (Stream<Path> files = Files.list(where.resolve(pkg))) {
                    for (Path f : files.filter(x -> x.toString().endsWith(".class")).sorted().toList()) {
                        md.update(Files.readAllBytes(f));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (Exception e) {
            return null;
        }
    }

    String key(Page page) {
        MessageDigest md = camnang.Digests.sha256();
        update(md, siteKey);
        update(md, page.source() + "\u0000" + page.output() + "\u0000" + page.bodyLine() + "\u0000" + page.title());
        md.update(page.body().identity());
        // Lessons show the glossary's definitions; only they are rendered again when one changes.
        update(md, glossary.identityFor(page));
        String key = HexFormat.of().formatHex(md.digest(), 0, 20);
        used.add(key);
        return key;
    }

    /** The page as rendered by an earlier build, or null. */
    RenderedPage get(String key, Page page, camnang.Problems problems) {
        Path f = dir.resolve(key);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(Files.readAllBytes(f)))) {
            if (in.readInt() != FORMAT) {
                return null;
            }
            String html = str(in);
            boolean raw = in.readBoolean();
            List<RenderedPage.Heading> headings = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                headings.add(new RenderedPage.Heading(in.readInt(), str(in), str(in), str(in)));
            }
            java.util.HashSet<String> ids = new java.util.HashSet<>();
            for (int i = in.readInt(); i > 0; i--) {
                ids.add(str(in));
            }
            List<RenderedPage.AnchorLink> anchors = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                anchors.add(new RenderedPage.AnchorLink(in.readInt(), str(in), str(in), str(in), str(in), in.readBoolean()));
            }
            List<RenderedPage.SectionText> sections = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                sections.add(new RenderedPage.SectionText(str(in), str(in), in.readInt(), str(in)));
            }
            List<Problem> found = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                found.add(new Problem(Problem.Severity.values()[in.readInt()], str(in), in.readInt(), str(in), str(in)));
            }
            found.forEach(problems::add);
            List<RenderedPage.Cited> cited = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                cited.add(new RenderedPage.Cited(str(in), in.readInt()));
            }
            return new RenderedPage(page, html, List.copyOf(headings), java.util.Collections.unmodifiableSet(ids),
                    List.copyOf(anchors), List.copyOf(sections), raw, List.copyOf(cited));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void put(String key, RenderedPage rp, List<Problem> found) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(rp.html().length() + 1024);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(FORMAT);
            str(out, rp.html());
            out.writeBoolean(rp.hasRawHtml());
            out.writeInt(rp.headings().size());
            for (RenderedPage.Heading h : rp.headings()) {
                out.writeInt(h.level());
                str(out, h.id());
                str(out, h.text());
                str(out, h.unit());
            }
            List<String> ids = new ArrayList<>(rp.ids());
            java.util.Collections.sort(ids);
            out.writeInt(ids.size());
            for (String id : ids) {
                str(out, id);
            }
            out.writeInt(rp.anchorLinks().size());
            for (RenderedPage.AnchorLink a : rp.anchorLinks()) {
                out.writeInt(a.line());
                str(out, a.targetOutput());
                str(out, a.anchor());
                str(out, a.written());
                str(out, a.href());
                out.writeBoolean(a.soft());
            }
            out.writeInt(rp.sections().size());
            for (RenderedPage.SectionText t : rp.sections()) {
                str(out, t.id());
                str(out, t.heading());
                out.writeInt(t.level());
                str(out, t.text());
            }
            out.writeInt(found.size());
            for (Problem p : found) {
                out.writeInt(p.severity().ordinal());
                str(out, p.file());
                out.writeInt(p.line());
                str(out, p.message());
                str(out, p.hint() == null ? "" : p.hint());
            }
            out.writeInt(rp.unknownDocuments().size());
            for (RenderedPage.Cited c : rp.unknownDocuments()) {
                str(out, c.number());
                out.writeInt(c.line());
            }
            out.flush();
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, dir.resolve(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A cache that cannot be written only makes the next build slower.
        }
    }

    /** Sites not built for two weeks lose their cache, so the temporary folder does not fill up. */
    private static void pruneOtherSites(Path dir) throws IOException {
        long limit = System.currentTimeMillis() - 14L * 24 * 3600 * 1000;
        try (Stream<Path> sites = Files.list(dir.getParent())) {
            for (Path site : sites.toList()) {
                if (!site.equals(dir) && Files.isDirectory(site) && Files.getLastModifiedTime(site).toMillis() < limit) {
                    try (Stream<Path> files = Files.walk(site)) {
                        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                }
            }
        }
    }

    /** Removes the entries this build did not use, and marks the site's cache as used today. */
    public void prune() {
        try {
            Files.setLastModifiedTime(dir, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // Only the two-week pruning of other sites looks at this date.
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (!used.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String str(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }
}
