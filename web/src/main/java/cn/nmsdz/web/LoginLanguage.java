package cn.nmsdz.web;

import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keycloak's login page in the workspace's language: Chinese ({@code ui_locales=zh-CN}) unless the browser chose
 * English (its {@code nmsdz-lang} cookie, or {@code ?lang=en} on the page that asked for the login).
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable // looked up by quarkus-oidc, injected nowhere
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class LoginLanguage implements OidcRedirectFilter {

    @Override
    public void filter(OidcRedirectContext context) {
        Lang.Language language = Lang.of(context.routingContext().request());
        context.additionalQueryParams().set("ui_locales", language == Lang.Language.EN ? "en" : "zh-CN");
    }
}
