package cn.nmsdz.evidence.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class MediaTypesTest {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0};

    static String detect(byte[] bytes) throws IOException {
        return MediaTypes.detect(new ByteArrayInputStream(bytes));
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : entries) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void allowedTypesAreRecognisedByTheirBytes() throws IOException {
        assertEquals(MediaTypes.PDF, detect(PDF));
        assertEquals(MediaTypes.PNG, detect(PNG));
        assertEquals(MediaTypes.JPEG, detect(JPEG));
        assertEquals(MediaTypes.TEXT, detect("平陆县 工作总结\n第二行\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(MediaTypes.DOCX, detect(zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")));
        assertEquals(MediaTypes.XLSX, detect(zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml")));
    }

    @Test
    void otherContentIsNotAllowed() throws IOException {
        assertFalse(MediaTypes.ALLOWED.contains(detect("<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8))));
        assertEquals("application/zip", detect(zip("a.txt", "b.txt")));
        assertFalse(MediaTypes.ALLOWED.contains(detect(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0})));
    }

    @Test
    void aNameMustNotClaimAnotherKnownType() {
        assertTrue(MediaTypes.nameAgrees("报告.pdf", MediaTypes.PDF));
        assertTrue(MediaTypes.nameAgrees("photo.JPG", MediaTypes.JPEG));
        assertTrue(MediaTypes.nameAgrees("README", MediaTypes.TEXT));
        assertTrue(MediaTypes.nameAgrees("年报v1.2", MediaTypes.PDF));
        assertFalse(MediaTypes.nameAgrees("report.pdf", MediaTypes.PNG));
        assertFalse(MediaTypes.nameAgrees("data.xlsx", MediaTypes.DOCX));
        assertFalse(MediaTypes.nameAgrees("setup.exe", MediaTypes.PDF));
    }
}
