package cn.nmsdz.events.catalogue;

import java.math.BigDecimal;
import java.util.List;

/** 二级指标, e.g. {@code A1 发展规模 10}. */
public record SecondLevelNode(String code, String name, BigDecimal maxPoints, List<Indicator> indicators) {
}
