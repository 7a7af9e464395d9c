package cn.nmsdz.evidence.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who calls, as the token says: user, roles, region and department claims. */
public record Caller(String user, String region, String department, Set<String> roles) {
    public static final String SUBMITTER = "evidence-submitter";
    public static final String REVIEWER = "evidence-reviewer";
    public static final String EXPERT = "expert";
    public static final String DATA_PROVIDER = "data-provider";
    public static final String ADMIN = "catalogue-admin";

    public static Caller of(SecurityIdentity identity) {
        String region = null;
        String department = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            region = jwt.getClaim("region");
            department = jwt.getClaim("department");
        }
        return new Caller(identity.getPrincipal().getName(), region, department, Set.copyOf(identity.getRoles()));
    }

    public boolean dataProvider() {
        return roles.contains(DATA_PROVIDER);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
