package cn.nmsdz.events.catalogue;

/**
 * GT: 超过/大于/高于 (strict); GE: 不低于/以上/达到 at a lower end; EQ: 达到100% or "无" (= 0);
 * LE / LT for upper limits.
 */
public enum Comparison {
    GT, GE, EQ, LE, LT
}
