package cn.nmsdz.evidence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathsAreCutToTheLastSegment() {
        assertEquals("passwd", FileNames.sanitise("../../etc/passwd"));
        assertEquals("报告.pdf", FileNames.sanitise("C:\\Users\\me\\报告.pdf"));
        assertEquals("document", FileNames.sanitise(".."));
        assertEquals("document", FileNames.sanitise("dir/"));
    }

    @Test
    void controlAndReservedCharactersAreReplacedAndChineseIsKept() {
        assertEquals("a_b_c.txt", FileNames.sanitise("a\u0000b\nc.txt"));
        assertEquals("x_y_.pdf", FileNames.sanitise("x<y>.pdf"));
        assertEquals("永川区 2025年 统计公报.pdf", FileNames.sanitise("  永川区\t2025年   统计公报.pdf  "));
        assertEquals("evil_.pdf", FileNames.sanitise("evil\u202e.pdf"));
    }

    @Test
    void leadingDotsAndTrailingDotsAreRemoved() {
        assertEquals("htaccess", FileNames.sanitise(".htaccess"));
        assertEquals("name", FileNames.sanitise("name. . "));
        assertEquals("document", FileNames.sanitise(null));
        assertEquals("document", FileNames.sanitise("???"));
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = FileNames.sanitise("很".repeat(300) + ".docx");
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= FileNames.MAX_BYTES, name);
        assertTrue(name.endsWith("很.docx"));
    }

    @Test
    void extensionIsLowerCaseWithoutDot() {
        assertEquals("pdf", FileNames.extension("A.PDF"));
        assertEquals("", FileNames.extension("README"));
        assertEquals("", FileNames.extension("trailing."));
    }
}
