package cn.nmsdz.scoring.domain.engine;

import cn.nmsdz.scoring.domain.model.InputUsed;
import cn.nmsdz.scoring.domain.model.MissingInput;
import cn.nmsdz.scoring.domain.model.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** What one indicator's rule collects while it runs: points, inputs, reasons, missing, awaited. */
final class Work {

    BigDecimal points = BigDecimal.ZERO;
    final LinkedHashSet<InputUsed> inputs = new LinkedHashSet<>();
    final List<Reason> explanation = new ArrayList<>();
    final LinkedHashSet<MissingInput> missing = new LinkedHashSet<>();
    final LinkedHashSet<String> awaiting = new LinkedHashSet<>();

    void add(BigDecimal p) {
        points = points.add(Numbers.nz(p));
    }

    void say(Reason line) {
        explanation.add(line);
    }

    void use(Collection<InputUsed> used) {
        inputs.addAll(used);
    }

    void use(Figure f) {
        inputs.addAll(f.inputs());
    }

    void lack(Collection<MissingInput> m) {
        missing.addAll(m);
    }
}
