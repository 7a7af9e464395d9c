package cn.nmsdz.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in, read from the same roles and claims the APIs decide on ({@code region}, {@code department},
 * {@code assigned_regions}, realm roles), and so which screens the menu offers: a screen is shown only to a user whose
 * calls behind it the APIs allow (SPEC §7, README "Who may do what").
 */
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    Lang lang;

    /** The page is in English (the header's switch, {@code ?lang=en}); Chinese otherwise. */
    public boolean english() {
        return lang.english();
    }

    /** The html element's lang: zh-CN or en. */
    public String langTag() {
        return lang.tag();
    }

    public String name() {
        String name = idToken.getClaim("name");
        return name == null || name.isBlank() ? username() : name;
    }

    public String username() {
        String username = idToken.getClaim("preferred_username");
        return username == null ? identity.getPrincipal().getName() : username;
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** The token's region ({@code CN} for the whole country), or empty. */
    public String region() {
        Object region = idToken.getClaim("region");
        return region == null ? "" : region.toString();
    }

    public String department() {
        Object department = idToken.getClaim("department");
        return department == null ? "" : department.toString();
    }

    /** The regions an expert is assigned to. */
    public List<String> assignedRegions() {
        Object claim = idToken.getClaim("assigned_regions");
        List<String> regions = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> regions.add(unquote(v.toString())));
        } else if (claim != null) {
            regions.add(unquote(claim.toString()));
        }
        return regions;
    }

    private static String unquote(String value) {
        return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** A county's code (6 digits, not ending in 00): one creation; provinces, cities and CN have regions under them. */
    public static boolean isCounty(String region) {
        return region.matches("\\d{6}") && !region.endsWith("00");
    }

    /** Reads the scores of its own county (scores/latest: score-reader, evidence-reviewer, catalogue-admin). */
    public boolean overview() {
        return (has("score-reader") || has("evidence-reviewer")) && isCounty(region());
    }

    public boolean workbench() {
        return has("evidence-submitter") && isCounty(region()) && !department().isEmpty();
    }

    public boolean review() {
        return has("evidence-reviewer") && isCounty(region());
    }

    public boolean expert() {
        return has("expert") && !assignedRegions().isEmpty();
    }

    /** The scoreboard of the regions under a province, a city or CN (score readers, assessment authorities, admin). */
    public boolean board() {
        return (has("score-reader") || has("assessment-authority") || has("catalogue-admin"))
                && !region().isEmpty() && !isCounty(region());
    }

    /** May open a region's 创建总览 and 指标详情 from the board (scores of regions under its own). */
    public boolean readsScoresUnder() {
        return board() && (has("score-reader") || has("catalogue-admin"));
    }

    /** The code is the user's region or lies under it (CN: all; a province: its 2-digit prefix; a city: its 4). */
    public boolean covers(String code) {
        return covers(region(), code);
    }

    static boolean covers(String own, String code) {
        if (own.equals("CN") || own.equals(code)) {
            return true;
        }
        if (!own.matches("\\d{6}") || !code.matches("\\d{6}")) {
            return false;
        }
        return own.endsWith("0000") ? code.startsWith(own.substring(0, 2))
                : own.endsWith("00") && code.startsWith(own.substring(0, 4));
    }

    /** The creation office of a county: applies (申报) for its own region and follows the application. */
    public boolean applies() {
        return has("creation-office") && isCounty(region());
    }

    /** An authority of a city, a province or CN: decides the applications under it (推荐、退回、命名、复核). */
    public boolean decides() {
        return has("assessment-authority") && !region().isEmpty() && !isCounty(region());
    }

    /**
     * Has an inbox (消息): reminders, rejections, what awaits review or a verdict reach a department, a creation office,
     * a reviewer or an expert; an application's steps reach its creation office and the authority whose turn it is
     * (GET /notifications).
     */
    public boolean inbox() {
        return workbench() || applies() || review() || expert() || decides();
    }

    /**
     * May open the 申报 of a region: the creation office its own county's; an authority or a reader a county under it.
     * The one rule of the 申报 screen and of the links to it.
     */
    public boolean opensApplicationOf(String code) {
        return code.equals(region()) ? applies()
                : (decides() || readsScoresUnder()) && isCounty(code) && covers(code);
    }

    /** The link to a region's 申报 of a year, or "" for a user who may not open it. */
    public String applicationLink(String code, int year) {
        return !opensApplicationOf(code) ? ""
                : "/web/applications?" + (code.equals(region()) ? "" : "region=" + code + "&") + "year=" + year;
    }

    public boolean catalogue() {
        return has("catalogue-admin");
    }

    /** One entry of the menu. */
    public record MenuItem(String key, String label, String href) {
    }

    /** The screens this user may use, in the order of the menu. */
    public List<MenuItem> menu() {
        List<MenuItem> items = new ArrayList<>();
        Msg msg = Lang.msg();
        if (overview()) {
            items.add(new MenuItem("overview", msg.menu_overview(), "/web/overview"));
            items.add(new MenuItem("indicators", msg.menu_indicators(), "/web/indicators"));
        }
        if (applies()) {
            items.add(new MenuItem("campaign", msg.menu_campaign(), "/web/campaign"));
            items.add(new MenuItem("applications", msg.menu_applications(), "/web/applications"));
        }
        if (workbench()) {
            items.add(new MenuItem("workbench", msg.menu_workbench(), "/web/workbench"));
        }
        if (review()) {
            items.add(new MenuItem("review", msg.menu_review(), "/web/review"));
        }
        if (expert()) {
            items.add(new MenuItem("expert", msg.menu_expert(), "/web/expert"));
        }
        if (board()) {
            items.add(new MenuItem("board", msg.menu_board(), "/web/board"));
        }
        if (decides()) {
            items.add(new MenuItem("decisions", msg.menu_decisions(), "/web/decisions"));
        }
        if (catalogue()) {
            items.add(new MenuItem("catalogue", msg.menu_catalogue(), "/web/catalogue"));
        }
        if (inbox()) {
            items.add(new MenuItem("messages", msg.menu_messages(), "/web/messages"));
        }
        return items;
    }

    /** The first screen this user may use: where {@code /web/} leads. */
    public String home() {
        List<MenuItem> menu = menu();
        return menu.isEmpty() ? "/web/none" : menu.get(0).href();
    }
}
