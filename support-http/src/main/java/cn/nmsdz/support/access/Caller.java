package cn.nmsdz.support.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls, as the token says (the one reader of the realm's claims for every service): user, roles, the
 * {@code region} and {@code department} claims, and for an expert the {@code assigned_regions} claim (the regions whose
 * evaluation the expert sits on; a multi-valued Keycloak user attribute).
 */
public record Caller(String user, String region, String department, Set<String> assignedRegions, Set<String> roles) {
    public static final String SUBMITTER = "evidence-submitter";
    public static final String REVIEWER = "evidence-reviewer";
    public static final String EXPERT = "expert";
    public static final String DATA_PROVIDER = "data-provider";
    public static final String ADMIN = "catalogue-admin";
    public static final String CREATION_OFFICE = "creation-office";
    public static final String ASSIGNED_REGIONS_CLAIM = "assigned_regions";

    /** The identity's attribute that holds its Caller, read once per verified token ({@link CallerOfToken}). */
    static final String ATTRIBUTE = "nmsdz.caller";

    public static Caller of(SecurityIdentity identity) {
        return identity.getAttribute(ATTRIBUTE) instanceof Caller caller ? caller : read(identity);
    }

    /**
     * Reads the claims. Each read of a claim outside the JWT standard's list costs an exception in smallrye-jwt (its
     * name is looked up as an enum first), so this runs once per token, not once per request.
     */
    static Caller read(SecurityIdentity identity) {
        String region = null;
        String department = null;
        Set<String> assigned = Set.of();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            region = jwt.getClaim("region");
            department = jwt.getClaim("department");
            assigned = strings(jwt.getClaim(ASSIGNED_REGIONS_CLAIM));
        }
        String user = identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
        return new Caller(user, region, department, assigned, Set.copyOf(identity.getRoles()));
    }

    /** A claim that Keycloak writes as a string when one value is set and as an array when several are. */
    public static Set<String> strings(Object claim) {
        SortedSet<String> values = new TreeSet<>();
        if (claim instanceof Collection<?> many) {
            for (Object one : many) {
                values.add(one instanceof JsonString s ? s.getString() : String.valueOf(one));
            }
        } else if (claim instanceof JsonString s) {
            values.add(s.getString());
        } else if (claim instanceof String s) {
            values.add(s);
        } else if (claim != null && !(claim instanceof JsonValue)) {
            values.add(String.valueOf(claim));
        }
        values.removeIf(String::isBlank);
        return Collections.unmodifiableSortedSet(values);
    }

    public boolean dataProvider() {
        return roles.contains(DATA_PROVIDER);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** An expert assesses exactly the regions assigned to it, not the regions under them. */
    public boolean assignedTo(String region) {
        return has(EXPERT) && assignedRegions.contains(region);
    }
}
