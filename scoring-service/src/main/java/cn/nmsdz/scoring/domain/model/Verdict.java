package cn.nmsdz.scoring.domain.model;

import java.util.List;

/** Pass verdict and, when failing, one reason per failed condition with its numbers. */
public record Verdict(boolean passed, List<String> reasons) {
}
