package cn.nmsdz.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The language of the workspace for this request: Chinese unless the user chose English with the header's switch or
 * {@code ?lang=en} on any page (remembered in the {@value #COOKIE} cookie). Unlike the APIs, the workspace does not
 * follow the browser's Accept-Language: the office computers of a county often run an English browser, and their users
 * read Chinese.
 */
@RequestScoped
public class Lang {
    public static final String COOKIE = "nmsdz-lang";
    public static final String PARAMETER = "lang";

    public enum Language {
        ZH(Locale.SIMPLIFIED_CHINESE, "zh-CN"), EN(Locale.ENGLISH, "en");

        final Locale locale;
        final String tag;

        Language(Locale locale, String tag) {
            this.locale = locale;
            this.tag = tag;
        }

        /** zh or en (zh-CN, en-US …); null for anything else. */
        static Language of(String text) {
            if (text == null) {
                return null;
            }
            String primary = text.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
            return switch (primary) {
                case "zh" -> ZH;
                case "en" -> EN;
                default -> null;
            };
        }
    }

    @Inject
    CurrentVertxRequest request;

    private Language language;

    /** The language asked for by this request's {@code ?lang=}, else its cookie, else Chinese. */
    public Language language() {
        if (language == null) {
            RoutingContext rc = request.getCurrent();
            language = rc == null ? Language.ZH : of(rc.request());
        }
        return language;
    }

    /** The one rule: a request's {@code ?lang=}, else its {@value #COOKIE} cookie, else Chinese. */
    static Language of(io.vertx.core.http.HttpServerRequest request) {
        Language asked = Language.of(request.getParam(PARAMETER));
        Cookie cookie = request.getCookie(COOKIE);
        Language remembered = cookie == null ? null : Language.of(cookie.getValue());
        return asked != null ? asked : remembered != null ? remembered : Language.ZH;
    }

    /** The language a {@code ?lang=} of this request chose, to be remembered; null when it chose none. */
    Language chosen() {
        RoutingContext rc = request.getCurrent();
        return rc == null ? null : Language.of(rc.request().getParam(PARAMETER));
    }

    public boolean english() {
        return language() == Language.EN;
    }

    public Locale locale() {
        return language().locale;
    }

    /** The html element's lang: zh-CN or en. */
    public String tag() {
        return language().tag;
    }

    /** The language of the current request; Chinese outside a request (a unit test, a background thread). */
    static Language current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Language.ZH;
        }
        return container.instance(Lang.class).get().language();
    }

    /** The workspace's common texts in the current request's language. */
    static Msg msg() {
        return bundle(Msg.class);
    }

    /** A message bundle of the workspace in the current request's language. */
    static <T> T bundle(Class<T> type) {
        if (Arc.container() == null) {
            return chinese(type);
        }
        // the bundle's default locale is Chinese: its @Message texts; English comes from messages/<name>_en.properties
        return current() == Language.EN ? MessageBundles.get(type, Localized.Literal.of("en")) : MessageBundles.get(type);
    }

    /**
     * A bundle's Chinese texts without Quarkus (a unit test of the code that shows them): each method renders its
     * {@code @Message} template with its parameters, as Quarkus would.
     */
    private static <T> T chinese(Class<T> type) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> {
                    String message = method.getAnnotation(io.quarkus.qute.i18n.Message.class).value();
                    io.quarkus.qute.TemplateInstance text = PLAIN_QUTE.parse(message).instance();
                    java.lang.reflect.Parameter[] parameters = method.getParameters();
                    for (int i = 0; i < parameters.length; i++) {
                        text.data(parameters[i].getName(), args[i]);
                    }
                    return text.render();
                }));
    }

    private static final io.quarkus.qute.Engine PLAIN_QUTE = io.quarkus.qute.Engine.builder().addDefaults().build();
}
