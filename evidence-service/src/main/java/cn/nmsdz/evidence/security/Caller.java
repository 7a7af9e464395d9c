package cn.nmsdz.evidence.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who calls, as the token says: user, roles, region and department claims. */
public record Caller(String user, String region, String department, boolean dataProvider) {

    public static Caller of(SecurityIdentity identity) {
        String region = null;
        String department = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            region = jwt.getClaim("region");
            department = jwt.getClaim("department");
        }
        return new Caller(identity.getPrincipal().getName(), region, department, identity.hasRole("data-provider"));
    }
}
