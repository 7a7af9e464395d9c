package cn.nmsdz.scoring.domain.model;

import java.util.List;

/**
 * Pass verdict and, when failing, one reason per failed condition with its numbers.
 *
 * @param reasons the reasons in English (as stored since the first snapshots; rendered in the asked language on read)
 * @param because the same reasons as data (null in snapshots stored before reasons were kept)
 */
public record Verdict(boolean passed, List<String> reasons, List<Reason> because) {
}
