package cn.nmsdz.support.rest;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The words of the problem details the shared plumbing gives (titles by status, JSON field errors, refusals), from
 * the bundle {@code problems} (English) and {@code problems_zh} (Simplified Chinese, the default), in the language
 * of the current request ({@link Language}: {@code ?lang=} or Accept-Language). Messages are
 * {@link MessageFormat} patterns.
 */
public final class ProblemText {
    private static final String BUNDLE = "cn.nmsdz.support.rest.problems";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemText() {
    }

    /**
     * The language of the request being answered; English outside a request (a message built for the log, or by a
     * unit test), where no person reads it in a client.
     */
    public static Language current() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null) {
            return vertxRequest();
        }
        try {
            String lang = request.getUriInfo().getQueryParameters().getFirst(Language.PARAMETER);
            Language language = lang == null ? null : Language.tag(lang);
            return language != null ? language : Language.of(request.getHttpHeaders().getAcceptableLanguages());
        } catch (RuntimeException e) {
            return Language.ZH; // a malformed Accept-Language: the default
        }
    }

    /** A request refused before RESTEasy made it current (e.g. a 415): its Vert.x request, if one is active. */
    private static Language vertxRequest() {
        try {
            if (!io.quarkus.arc.Arc.container().requestContext().isActive()) {
                return Language.EN;
            }
            io.vertx.ext.web.RoutingContext ctx = io.quarkus.arc.Arc.container()
                    .instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class).get().getCurrent();
            if (ctx == null) {
                return Language.EN;
            }
            String lang = ctx.request().getParam(Language.PARAMETER);
            Language language = lang == null ? null : Language.tag(lang);
            if (language != null) {
                return language;
            }
            List<Locale> acceptable = new java.util.ArrayList<>();
            ctx.acceptableLanguages().forEach(l -> acceptable.add(Locale.forLanguageTag(l.tag())));
            return Language.of(acceptable);
        } catch (RuntimeException e) {
            return Language.EN;
        }
    }

    /** The message of a key in the current request's language. */
    public static String text(String key, Object... args) {
        return text(current(), key, args);
    }

    public static String text(Language language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language == Language.ZH ? Locale.CHINESE : Locale.ROOT,
                NO_FALLBACK);
        try {
            return new MessageFormat(bundle.getString(key), language.locale()).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The title of a status in the current language; {@code english} when the bundle has none for it. */
    public static String title(int status, String english) {
        return title(current(), status, english);
    }

    public static String title(Language language, int status, String english) {
        if (language == Language.EN) {
            return english;
        }
        // a title of its own ("Malformed request body") first, then the status's
        String own = english == null ? null : "title." + english.replace(' ', '_');
        String zh = own == null ? own : text(language, own);
        if (zh != null && !zh.equals(own)) {
            return zh;
        }
        zh = text(language, "title." + status);
        return zh.equals("title." + status) ? english : zh;
    }
}
