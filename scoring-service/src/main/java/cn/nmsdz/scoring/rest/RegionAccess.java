package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.consistency.CatalogueAfter;
import cn.nmsdz.support.consistency.WrittenEvents;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RetryLaterException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The region-scope rule shared by the resources: a token reads its own region and every region under it. */
@RequestScoped
public class RegionAccess {

    @Inject
    SecurityIdentity identity;

    /**
     * 403 unless the token's region is {@code region} or lies above it. A region that has not arrived from
     * catalogue.events is "not known yet" (404), never a refusal of the caller's scope; 409 with Retry-After when the
     * caller names a catalogue change (X-NMSDZ-Catalogue-After) this service has not received.
     */
    public void checkReadable(String region) {
        if (!"CN".equals(region) && RegionEntity.findById(region) == null) {
            if (CatalogueAfter.current().isPresent()) {
                throw RetryLaterException.notYet("region " + region + " has not reached scoring-service yet: the catalogue "
                        + "change of " + CatalogueAfter.current().get() + " named in " + CatalogueAfter.HEADER
                        + " is still on its way", 1);
            }
            throw ProblemException.notFound("region " + region + " is not known to scoring-service (yet): a region "
                    + "created a moment ago arrives on catalogue.events within seconds; retry, or send "
                    + CatalogueAfter.HEADER + " with the " + WrittenEvents.HEADER + " its creation answered");
        }
        String own = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("region") : null;
        if (own == null || !RegionEntity.isSelfOrBelow(region, own)) {
            throw ProblemException.forbidden("rule region-scope: a token of region " + own
                    + " reads only that region and the regions under it, not " + region);
        }
    }

    /** The assessment year of a query parameter: required, a number, 2000..2100; else 400 naming {@code year}. */
    public static int requireYear(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badRequest("query parameter 'year' (the assessment year) is required",
                    List.of(new Problem.FieldError("year", "required")));
        }
        long year = number("year", raw);
        if (year < 2000 || year > 2100) {
            throw ProblemException.badRequest("query parameter 'year' must be an assessment year 2000..2100",
                    List.of(new Problem.FieldError("year", "must be 2000..2100")));
        }
        return (int) year;
    }

    /** A whole-number query parameter, or its default when absent; 400 naming it when it is not a number. */
    static long number(String name, String raw, long defaultValue) {
        return raw == null || raw.isBlank() ? defaultValue : number(name, raw);
    }

    private static long number(String name, String raw) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("query parameter '" + name + "' must be a whole number, not '" + raw + "'",
                    List.of(new Problem.FieldError(name, "not a whole number")));
        }
    }
}
