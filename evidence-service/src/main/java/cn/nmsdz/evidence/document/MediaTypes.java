package cn.nmsdz.evidence.document;

import cn.nmsdz.evidence.domain.FileNames;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The media type of a document judged from its bytes (Tika's magic detection, no file name given),
 * and the allow-list. Office Open XML files are ZIP containers: they are told apart by the parts
 * they contain (word/document.xml, xl/workbook.xml).
 */
public final class MediaTypes {
    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String TEXT = "text/plain";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final Set<String> ALLOWED = Set.of(PDF, PNG, JPEG, TEXT, XLSX, DOCX);
    /** The extensions a name may carry for each allowed type. */
    public static final Map<String, List<String>> EXTENSIONS = Map.of(
            PDF, List.of("pdf"),
            PNG, List.of("png"),
            JPEG, List.of("jpg", "jpeg"),
            TEXT, List.of("txt", "csv", "text", "log", "md"),
            XLSX, List.of("xlsx"),
            DOCX, List.of("docx"));

    private static final Detector DETECTOR = MimeTypes.getDefaultMimeTypes();

    private MediaTypes() {
    }

    /** Detects from the content only. The stream is read from its start; it is not closed. */
    public static String detect(InputStream content) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content, 64 * 1024);
        in.mark(64 * 1024);
        MediaType type = DETECTOR.detect(in, new Metadata());
        in.reset();
        String base = type.getBaseType().toString();
        if (base.equals("application/zip") || base.equals("application/x-tika-ooxml") || base.startsWith("application/vnd.openxmlformats")) {
            return ooxml(in);
        }
        return base;
    }

    /** A ZIP is DOCX or XLSX when it has their main part; any other ZIP stays application/zip. */
    static String ooxml(InputStream zip) throws IOException {
        boolean contentTypes = false;
        String kind = null;
        try (ZipInputStream entries = new ZipInputStream(zip)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                String name = e.getName();
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (name.equals("word/document.xml")) {
                    kind = DOCX;
                } else if (name.equals("xl/workbook.xml")) {
                    kind = XLSX;
                }
                if (contentTypes && kind != null) {
                    return kind;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return "application/octet-stream";
        }
        return "application/zip";
    }

    /** Extensions of other well-known formats: a name carrying one claims a type that is not allowed here. */
    static final Set<String> OTHER_KNOWN = Set.of("exe", "dll", "bat", "cmd", "com", "sh", "ps1", "js", "vbs", "jar",
            "msi", "apk", "html", "htm", "svg", "xml", "json", "zip", "rar", "7z", "gz", "tgz", "tar", "doc", "xls",
            "ppt", "pptx", "wps", "et", "gif", "bmp", "tif", "tiff", "webp", "heic", "mp4", "mp3", "avi", "php");

    /**
     * Whether a (sanitised) file name agrees with the detected type: an extension of a known format
     * must be one of the detected type's; a name without a known extension ("年报v1.2") says nothing.
     */
    public static boolean nameAgrees(String fileName, String mediaType) {
        String ext = FileNames.extension(fileName);
        boolean known = OTHER_KNOWN.contains(ext) || EXTENSIONS.values().stream().anyMatch(l -> l.contains(ext));
        return !known || EXTENSIONS.getOrDefault(mediaType, List.of()).contains(ext);
    }
}
