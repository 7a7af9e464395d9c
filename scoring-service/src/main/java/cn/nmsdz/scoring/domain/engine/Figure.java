package cn.nmsdz.scoring.domain.engine;

import cn.nmsdz.scoring.domain.model.InputUsed;
import cn.nmsdz.scoring.domain.model.MissingInput;
import cn.nmsdz.scoring.domain.model.Reason;
import java.math.BigDecimal;
import java.util.List;

/**
 * An operand's figure for one year: the value (null when it cannot be had), its unit, where it came from
 * (a {@code src.*} reason: published by a region, or derived), whether that is simply the assessed region's
 * published figure, the observations read and, when undefined, what is missing and why.
 */
record Figure(BigDecimal value, String unit, Reason source, boolean ownPublished, List<InputUsed> inputs,
              List<MissingInput> missing, Reason problem) {

    boolean defined() {
        return value != null;
    }
}
