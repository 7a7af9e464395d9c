package cn.nmsdz.events.catalogue;

import java.math.BigDecimal;
import java.util.List;

/**
 * 三级指标 with its official text and its machine-readable rule.
 *
 * @param code              the official number as text, "1" … "41"
 * @param number            the official number 1 … 41
 * @param name              verbatim name from the seeds, without the "(N分)" suffix
 * @param natureText        verbatim 变量性质 (定量, 定性, 定量+定性, 定性+定量)
 * @param standard          verbatim 指标说明及打分标准
 * @param evaluationMethods 数据比对, 资料审查, 专家评估
 * @param dataSources       verbatim data sources
 * @param items             numbered sub-points (may be empty)
 * @param rule              how the points are computed
 */
public record Indicator(
        String code,
        int number,
        String name,
        BigDecimal maxPoints,
        Nature nature,
        String natureText,
        String standard,
        List<String> evaluationMethods,
        List<String> dataSources,
        List<Item> items,
        Rule rule) {
}
