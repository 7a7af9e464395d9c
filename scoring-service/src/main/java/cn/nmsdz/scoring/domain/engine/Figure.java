package cn.nmsdz.scoring.domain.engine;

import cn.nmsdz.scoring.domain.model.InputUsed;
import cn.nmsdz.scoring.domain.model.MissingInput;
import java.math.BigDecimal;
import java.util.List;

/**
 * An operand's figure for one year: the value (null when it cannot be had), its unit, where it came from
 * ("CN, published", "derived: …"), the observations read and, when undefined, what is missing or why.
 */
record Figure(BigDecimal value, String unit, String source, List<InputUsed> inputs, List<MissingInput> missing,
              String problem) {

    boolean defined() {
        return value != null;
    }

    /** "12.30 %". */
    String shown() {
        return Numbers.fig(value, unit);
    }
}
