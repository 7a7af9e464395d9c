package cn.nmsdz.indicator.rest;

import cn.nmsdz.indicator.domain.decomposition.Department;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A department as a request gives it, with its field rules as constraints (the domain's {@link Department} stays plain
 * Java). What needs the region (the code's region prefix, names another department already uses, members of the
 * region, members only for a COLLECTIVE) is {@code DecompositionRules.department}, a 422.
 */
@Schema(name = "DepartmentInput", description = "A department of a region: code, official name, short names, kind, members")
public record DepartmentInput(
        @Schema(description = "<region>-<lower-case words joined by '-'>; absent in a PUT: the path's",
                example = "500118-market-supervision")
        @Size(max = CODE_MAX) @Pattern(regexp = CODE) String code,
        @Schema(example = "重庆市永川区市场监督管理局") @NotBlank String name,
        @Schema(description = "The short forms the documents also use", example = "[\"区市场监管局\"]") List<@NotBlank String> aliases,
        @Schema(example = "GOVERNMENT_DEPARTMENT") @NotNull @Pattern(regexp = KINDS) String kind,
        @Schema(description = "For a COLLECTIVE that is a known list (各成员单位): the member department codes")
        List<@NotNull String> members) {

    /** The size of the department code column (and of the department claim it is compared with). */
    static final int CODE_MAX = 64;
    /** A region code, then lower-case words joined by '-'. */
    static final String CODE = "[0-9A-Z]+-[a-z0-9]+(-[a-z0-9]+)*";
    static final String KINDS = "GOVERNMENT_DEPARTMENT|PARTY_OFFICE|COLLECTIVE|OTHER";

    Department department() {
        return new Department(code, name, aliases, kind, members);
    }
}
