package cn.nmsdz.evidence.national;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.evidence.observation.ObservationInput;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NationalReferenceDataTest {

    static List<ObservationInput> shipped() throws Exception {
        return NationalReferenceData.parse(new InputStreamReader(
                NationalReferenceDataTest.class.getClassLoader().getResourceAsStream(NationalReferenceData.RESOURCE),
                StandardCharsets.UTF_8));
    }

    static Optional<BigDecimal> value(List<ObservationInput> rows, String metric, int year) {
        return rows.stream().filter(r -> r.metric().equals(metric) && r.year() == year).map(ObservationInput::value).findFirst();
    }

    @Test
    void theShippedDataSetHoldsTheNationalFiguresWithTheirSources() throws Exception {
        List<ObservationInput> rows = shipped();
        assertEquals(46, rows.size());
        assertEquals(new BigDecimal("159722"), value(rows, "online_retail_sales", 2025).orElseThrow());
        assertEquals(new BigDecimal("8.6"), value(rows, "online_retail_sales_growth", 2025).orElseThrow());
        assertEquals(new BigDecimal("-3.9"), value(rows, "retail_sales_total_growth", 2020).orElseThrow());
        assertEquals(new BigDecimal("26.1"), value(rows, "online_retail_share", 2025).orElseThrow());
        assertTrue(rows.stream().allMatch(r -> r.source() != null && (r.source().startsWith("国家统计局")
                || r.source().startsWith("国家邮政局"))));
    }

    @Test
    void expressVolumeIsIn万件AndTheMissing2022RetailTotalIsLeftOut() throws Exception {
        List<ObservationInput> rows = shipped();
        assertEquals(0, value(rows, "express_volume", 2020).orElseThrow().compareTo(new BigDecimal("8336000")));
        assertEquals(0, value(rows, "express_volume", 2025).orElseThrow().compareTo(new BigDecimal("19900000")));
        assertTrue(value(rows, "retail_sales_total", 2022).isEmpty());
        assertEquals(new BigDecimal("-0.2"), value(rows, "retail_sales_total_growth", 2022).orElseThrow());
    }

    @Test
    void dashesAndCommentsAreSkipped() throws Exception {
        List<ObservationInput> rows = NationalReferenceData.parse(new StringReader(
                "# note\nmetric,year,value,source\nx,2022,—,s\ny,2023,1.5,国家统计局, 公报\n"));
        assertEquals(1, rows.size());
        assertEquals("国家统计局, 公报", rows.get(0).source());
    }
}
