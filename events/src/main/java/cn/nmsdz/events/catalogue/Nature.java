package cn.nmsdz.events.catalogue;

/** 变量性质: 定量, 定性, 定量+定性 / 定性+定量. */
public enum Nature {
    QUANTITATIVE, QUALITATIVE, MIXED
}
