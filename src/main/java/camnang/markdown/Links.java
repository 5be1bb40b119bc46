package camnang.markdown;

import camnang.Urls;
import camnang.content.Page;
import camnang.content.Site;
import camnang.content.SiteConfig;
import java.util.Optional;

/** Turns a link as an author wrote it into a relative href to the output, reporting what leads nowhere. */
final class Links {
    private Links() {
    }


    static void resolve(String url, int line, boolean image, PageContext ctx, Site site, SiteConfig.BrokenLinks mode) {
        if (ctx.hrefs.containsKey(url) || ctx.broken.contains(url)) {
            // Same link again: report each place it is broken, resolve once.
            if (ctx.broken.contains(url) && !url.isEmpty()) {
                report(url, line, image, ctx, site, null, mode);
            }
            return;
        }
        Page page = ctx.page;
        if (url.isEmpty()) {
            ctx.broken.add(url);
            String message = "liên kết không có địa chỉ";
            String hint = "Viết địa chỉ trong ngoặc tròn: [chữ](trang.md), hoặc bỏ ngoặc vuông.";
            ctx.problems.add(mode.severity(), page.source(), line, message, hint);
            return;
        }
        if (camnang.Urls.isExternal(url)) {
            ctx.hrefs.put(url, url);
            return;
        }
        String path = url;
        String fragment = null;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            fragment = path.substring(hash + 1);
            path = path.substring(0, hash);
        }
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (path.isEmpty()) {
            ctx.hrefs.put(url, url);
            if (fragment != null && !fragment.isEmpty()) {
                ctx.anchors.add(new RenderedPage.AnchorLink(line, page.output(), fragment, url, url, false));
            }
            return;
        }
        Optional<Site.Target> target = site.resolve(page.source(), path);
        if (target.isEmpty()) {
            ctx.broken.add(url);
            report(url, line, image, ctx, site, path, mode);
            return;
        }
        String href = Urls.encodePath(Urls.relative(page.output(), target.get().output()));
        if (fragment != null && !fragment.isEmpty()) {
            href += "#" + fragment;
            if (target.get().page() != null) {
                ctx.anchors.add(new RenderedPage.AnchorLink(line, target.get().output(), fragment, url, href, false));
            }
        }
        ctx.hrefs.put(url, href);
    }

    private static void report(String url, int line, boolean image, PageContext ctx, Site site, String path,
                               SiteConfig.BrokenLinks mode) {
        String draft = path == null ? null : site.draftAt(ctx.page.source(), path);
        String what = image ? "ảnh" : "liên kết";
        String message = draft != null
                ? what + " tới \"" + url + "\": trang này đang là bản nháp (draft: true) nên không được xuất bản"
                : what + " tới \"" + url + "\" không tìm thấy trang hoặc tệp nào";
        String hint = draft != null ? "Bỏ dòng draft: true ở trang đích, hoặc bỏ liên kết."
                : image ? "Kiểm tra tên tệp ảnh và đường dẫn (tính từ thư mục của trang này)."
                : "Viết đường dẫn tương đối tới tệp .md (ví dụ ../nguoi-dan/hoi-dap.md) và kiểm tra tên tệp.";
        ctx.problems.add(mode.severity(), ctx.page.source(), line, message, hint);
    }
}
