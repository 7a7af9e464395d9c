package cn.nmsdz.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ForbiddenException;

/** What every screen shares: the signed-in user, the screen's key for the menu, and the year shown. */
abstract class Screen {

    abstract Viewer viewer();

    /** A page of the screen in the request's language ({@link Lang}): its texts from the message bundles. */
    TemplateInstance page(io.quarkus.qute.Template template, String screen) {
        return localized(template.data("viewer", viewer()).data("screen", screen));
    }

    /** The template in the request's language: the locale its {@code {msg:…}} texts are read in. */
    static TemplateInstance localized(TemplateInstance page) {
        return page.setLocale(Lang.current() == Lang.Language.EN ? java.util.Locale.ENGLISH : java.util.Locale.SIMPLIFIED_CHINESE);
    }

    /** Only a user whose menu offers the screen may open it (the APIs would refuse its calls anyway). */
    void require(boolean allowed) {
        if (!allowed) {
            throw new ForbiddenException("screen not allowed");
        }
    }

    static int year(Integer year) {
        return year == null || year < 2000 || year > Words.defaultYear() + 2 ? Words.defaultYear() : year;
    }

    /** The year a link asks for; anything else (none, not a year, out of range) shows the default year, not an error. */
    static int year(String year) {
        return year(year != null && year.matches("\\d{4}") ? Integer.valueOf(year) : null);
    }

    /** A whole number a link asks for (a version, a count); null for none or anything else, never an error page. */
    static Integer number(String text) {
        return text != null && text.matches("\\d{1,9}") ? Integer.valueOf(text) : null;
    }

    /** The assessment years a page offers: two back, the default, one ahead. */
    static java.util.List<Integer> years(int shown) {
        int y = Words.defaultYear();
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>(java.util.List.of(y - 2, y - 1, y, y + 1, shown));
        return java.util.List.copyOf(years.descendingSet());
    }

    /**
     * 303 to a page of the workspace, named by its path under /web as the browser sees it. The Location is written
     * as that absolute path: JAX-RS would resolve a relative one against the base URI (/web/) once more.
     */
    static jakarta.ws.rs.core.Response redirect(String webPath) {
        return jakarta.ws.rs.core.Response.status(303).header("Location", webPath).build();
    }

    /**
     * The region a link names (the user's own without one): its own when {@code ownAllowed}, one under it when
     * {@code underAllowed} (a province or city opening a county from its board); refused otherwise.
     */
    String regionShown(String region, boolean ownAllowed, boolean underAllowed) {
        String code = region(region, viewer().region());
        require(code.equals(viewer().region()) ? ownAllowed : underAllowed && viewer().covers(code));
        return code;
    }

    /** A region code as given in a link: digits or CN only. */
    static String region(String code, String fallback) {
        return code != null && code.matches("\\d{6}|CN") ? code : fallback;
    }
}
