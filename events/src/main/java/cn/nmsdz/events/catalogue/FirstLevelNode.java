package cn.nmsdz.events.catalogue;

import java.math.BigDecimal;
import java.util.List;

/** 一级指标, e.g. {@code A 促进发展 20}. */
public record FirstLevelNode(String code, String name, BigDecimal maxPoints, List<SecondLevelNode> children) {
}
