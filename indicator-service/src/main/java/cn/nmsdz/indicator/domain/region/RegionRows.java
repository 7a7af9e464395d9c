package cn.nmsdz.indicator.domain.region;

import cn.nmsdz.events.catalogue.RegionCodes;
import cn.nmsdz.indicator.domain.validation.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the rows of a bulk region import (a province loading all its regions at once). All rows
 * are checked before anything is stored; a parent may be an existing region or a row above.
 */
public final class RegionRows {
    public static final List<String> COLUMNS = List.of("code", "name", "level", "parentCode", "zone");
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    /** Longer than the name of any administrative division (the longest have some 20 characters). */
    static final int MAX_NAME = 100;
    private static final Map<String, String> ZONES = Map.of(
            "EAST", "EAST", "CENTRAL", "CENTRAL", "WEST", "WEST", "NORTHEAST", "NORTHEAST",
            "东部", "EAST", "中部", "CENTRAL", "西部", "WEST", "东北", "NORTHEAST");
    private static final Map<String, Set<String>> PARENT_LEVELS = Map.of(
            "PROVINCE", Set.of("NATION"),
            "CITY", Set.of("PROVINCE"),
            // districts of a municipality (重庆市 → 永川区) sit directly under the province
            "COUNTY", Set.of("CITY", "PROVINCE"));

    /**
     * Provinces that hold counties (districts) directly: the municipalities 北京, 天津, 上海, 重庆. Elsewhere a county
     * sits under a city, except the county-level divisions a province administers itself, whose codes read xx90xx
     * (GB/T 2260, e.g. 429004 仙桃市 under 湖北省).
     */
    static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");

    private RegionRows() {
    }

    /** One row as read from the file; {@code row} is its 1-based row number in the file (the header is row 1). */
    public record Row(int row, String code, String name, String level, String parentCode, String zone) {
    }

    /** A checked row, with the zone normalised to its enum name. */
    public record Checked(String code, String name, String level, String parentCode, String zone) {
    }

    public record Result(List<Checked> rows, List<Violation> violations) {
    }

    /**
     * @param existingLevels level of every region already stored, by code (CN → NATION)
     */
    public static Result check(List<Row> rows, Map<String, String> existingLevels) {
        return check(rows, existingLevels, Map.of());
    }

    /**
     * @param existingLevels level of every region already stored, by code (CN → NATION)
     * @param existingZones  zone of every region already stored, by code: a city's and a county's zone is its province's
     */
    public static Result check(List<Row> rows, Map<String, String> existingLevels, Map<String, String> existingZones) {
        List<Violation> v = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Map<String, String> levels = new HashMap<>(existingLevels);
        Map<String, String> zones = new HashMap<>(existingZones);
        Map<String, Integer> seenAt = new HashMap<>();
        if (rows.isEmpty()) {
            v.add(new Violation("/rows", "the file has no region rows"));
        }
        for (Row r : rows) {
            String p = "/rows/" + r.row();
            String at = "row " + r.row() + ": ";
            int before = v.size();
            String code = trim(r.code());
            String level = trim(r.level()) == null ? null : trim(r.level()).toUpperCase(Locale.ROOT);
            String parent = trim(r.parentCode());
            String zone = trim(r.zone()) == null ? null : ZONES.get(trim(r.zone()).toUpperCase(Locale.ROOT));
            if (code == null || !CODE.matcher(code).matches() || code.equals("000000")) {
                v.add(new Violation(p + "/code", at + "code must be a 6-digit administrative division code, not '"
                        + r.code() + "'"));
            } else if (seenAt.containsKey(code)) {
                v.add(new Violation(p + "/code", at + "region " + code + " is already given in row " + seenAt.get(code)));
            }
            if (trim(r.name()) == null) {
                v.add(new Violation(p + "/name", at + "name is required"));
            } else if (trim(r.name()).length() > MAX_NAME) {
                v.add(new Violation(p + "/name", at + "name must be at most " + MAX_NAME + " characters"));
            }
            if (level == null || !PARENT_LEVELS.containsKey(level)) {
                v.add(new Violation(p + "/level", at + "level must be PROVINCE, CITY or COUNTY, not '" + r.level() + "'"));
            }
            if (zone == null) {
                v.add(new Violation(p + "/zone", at + "zone must be EAST, CENTRAL, WEST or NORTHEAST (东部, 中部, 西部, 东北), not '"
                        + r.zone() + "'"));
            }
            if (parent == null) {
                v.add(new Violation(p + "/parentCode", at + "parentCode is required (CN for a province)"));
            } else if (!levels.containsKey(parent)) {
                v.add(new Violation(p + "/parentCode", at + "parent " + parent
                        + " is neither an existing region nor a row above this one"));
            } else if (level != null && PARENT_LEVELS.containsKey(level) && !PARENT_LEVELS.get(level).contains(levels.get(parent))) {
                v.add(new Violation(p + "/parentCode", at + "a " + level + " cannot be under " + parent + " ("
                        + levels.get(parent) + ")"));
            } else if (code != null && CODE.matcher(code).matches() && !RegionCodes.NATION.equals(parent)
                    && !code.substring(0, 2).equals(parent.substring(0, Math.min(2, parent.length())))) {
                v.add(new Violation(p + "/parentCode", at + "region " + code + " cannot lie in province " + parent.substring(0, 2)
                        + "0000: the first two digits of a code are its province"));
            }
            if (code != null && code.equals(parent)) {
                v.add(new Violation(p + "/parentCode", at + "a region cannot be its own parent"));
            }
            if ("COUNTY".equals(level) && parent != null && "PROVINCE".equals(levels.get(parent))
                    && !MUNICIPALITIES.contains(parent) && !(code != null && CODE.matcher(code).matches()
                            && code.startsWith("90", 2))) {
                v.add(new Violation(p + "/parentCode", at + "a COUNTY sits under a city; directly under a province only in "
                        + "a municipality (110000, 120000, 310000, 500000) or with a code xx90xx of a county-level division "
                        + "the province administers itself, not " + code + " under " + parent));
            }
            String province = code != null && CODE.matcher(code).matches() && !"PROVINCE".equals(level)
                    ? code.substring(0, 2) + "0000" : null;
            if (zone != null && province != null && zones.containsKey(province) && !zone.equals(zones.get(province))) {
                v.add(new Violation(p + "/zone", at + "zone must be " + zones.get(province) + ", the zone of province "
                        + province + " (a region lies in its province's economic zone), not " + zone));
            }
            if (code != null && !seenAt.containsKey(code)) {
                seenAt.put(code, r.row());
            }
            if (v.size() == before) {
                levels.put(code, level);
                zones.put(code, zone);
                checked.add(new Checked(code, trim(r.name()), level, parent, zone));
            }
        }
        return new Result(v.isEmpty() ? checked : List.of(), v);
    }

    /**
     * Checks one region given on its own (POST /regions) by the same rules as a row of an import; the
     * violations point at its fields ({@code /code}, {@code /parentCode} …) and do not name a row.
     */
    public static Result checkOne(Row region, Map<String, String> existingLevels) {
        return checkOne(region, existingLevels, Map.of());
    }

    /** {@link #checkOne(Row, Map)} with the stored regions' zones, as {@link #check(List, Map, Map)}. */
    public static Result checkOne(Row region, Map<String, String> existingLevels, Map<String, String> existingZones) {
        Result result = check(List.of(region), existingLevels, existingZones);
        String pointer = "/rows/" + region.row();
        String at = "row " + region.row() + ": ";
        return new Result(result.rows(), result.violations().stream()
                .map(v -> new Violation(v.pointer().startsWith(pointer) ? v.pointer().substring(pointer.length()) : v.pointer(),
                        v.message().startsWith(at) ? v.message().substring(at.length()) : v.message()))
                .toList());
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
