package cn.nmsdz.evidence.rest;

import cn.nmsdz.evidence.ledger.EvidenceEntity;
import cn.nmsdz.evidence.ledger.EvidenceView;
import cn.nmsdz.events.evidence.EvidenceKind;
import cn.nmsdz.events.evidence.ReviewState;
import cn.nmsdz.evidence.document.DocumentService;
import cn.nmsdz.evidence.document.DocumentStorage;
import cn.nmsdz.evidence.domain.FileNames;
import cn.nmsdz.evidence.document.MediaTypes;
import cn.nmsdz.evidence.idempotency.Idempotency;
import cn.nmsdz.evidence.idempotency.RequestFingerprint;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.evidence.security.RegionScope;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemType;
import cn.nmsdz.support.rest.RefusalRule;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Documents: uploaded as multipart, stored content-addressed outside the row, downloaded byte for byte. */
@Path("/api/v1")
@Tag(name = "Evidence", description = "Figures, documents, claims and expert verdicts submitted by departments and systems")
@Authenticated
public class DocumentResource {

    @Inject
    DocumentService documents;

    @Inject
    DocumentStorage storage;

    @Inject
    Idempotency idempotency;

    @Inject
    RegionScope regions;

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "nmsdz.documents.max-size", defaultValue = "200M")
    MemorySize maxSize;

    @POST
    @Path("/regions/{code}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"evidence-submitter", "data-provider"})
    @Operation(summary = "Upload a document (multipart: file, indicator, item and years optional)",
            description = "The content's type is detected from its bytes, not from its name: PDF, PNG, JPEG, XLSX, "
                    + "DOCX and plain text are accepted, and a name whose extension says another type is refused. "
                    + "Stored outside the database, addressed by its SHA-256; size limit nmsdz.documents.max-size "
                    + "(200 MB by default). SUBMITTED for review (ACCEPTED for a data-provider).")
    @APIResponse(responseCode = "201", description = "The new document evidence with its SHA-256 and size")
    @APIResponse(responseCode = "400", description = "Missing file, or a bad indicator or item")
    @APIResponse(responseCode = "413", description = "Larger than the limit")
    @APIResponse(responseCode = "415", description = "Content of a type that is not accepted")
    @APIResponse(responseCode = "422", description = "The file name says another type than the content is")
    public Response upload(@PathParam("code") String region, @RestForm("file") FileUpload file,
            @RestForm("indicator") String indicator, @RestForm("item") String item,
            @Parameter(description = "the assessment years it supports, comma-separated (e.g. 2024,2025); optional")
            @RestForm("years") String years,
            @HeaderParam(Idempotency.HEADER) String key, @Context UriInfo uri) throws IOException {
        Caller caller = Caller.of(identity);
        regions.requireWrite(caller, region);
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest("a multipart part 'file' is required",
                    List.of(new Problem.FieldError("file", "is required"))).typed(ProblemType.INVALID_FIELD).chinese("缺少 multipart 部分 file");
        }
        String blankItem = item == null || item.isBlank() ? null : item.strip();
        String ind = indicator == null ? null : indicator.strip();
        List<Integer> supported = DocumentService.years(years);
        documents.checkTarget(region, ind, blankItem, caller);
        long size = Files.size(file.uploadedFile());
        if (size == 0) {
            throw ProblemException.badRequest("the file is empty", List.of(new Problem.FieldError("file", "is empty")))
                    .typed(RefusalRule.DOCUMENT).chinese("文件是空的");
        }
        if (size > maxSize.asLongValue()) {
            throw tooLarge();
        }
        String name = FileNames.sanitise(file.fileName());
        String mediaType;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            mediaType = MediaTypes.detect(in);
        }
        if (!MediaTypes.ALLOWED.contains(mediaType)) {
            throw new ProblemException(415, "Unsupported media type", "the content of '" + name + "' is " + mediaType
                    + ", which is not accepted", List.of(new Problem.FieldError("file", "content is " + mediaType
                            + "; accepted: " + new TreeSet<>(MediaTypes.ALLOWED))))
                    .typed(RefusalRule.DOCUMENT).chinese("'" + name + "' 的内容是 " + mediaType + "，不予接受");
        }
        if (!MediaTypes.nameAgrees(name, mediaType)) {
            throw new ProblemException(422, "File name and content disagree", "'" + name + "' is named as ."
                    + FileNames.extension(name) + " but its content is " + mediaType,
                    List.of(new Problem.FieldError("file", "name says ." + FileNames.extension(name) + ", content is "
                            + mediaType)))
                    .typed(RefusalRule.DOCUMENT).chinese("'" + name + "' 的文件名是 ." + FileNames.extension(name) + "，但其内容是 " + mediaType);
        }
        DocumentStorage.StoredObject stored;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            stored = storage.put(in, maxSize.asLongValue());
        } catch (DocumentStorage.TooLargeException e) {
            throw tooLarge();
        }
        String fingerprint = RequestFingerprint.of("POST", uri.getPath(), ind, blankItem, name, stored.sha256(),
                supported.toString());
        String type = mediaType;
        return idempotency.execute(key, caller.user(), fingerprint, () -> Response.status(201)
                .entity(EvidenceView.of(documents.record(region, ind, blankItem, supported, name, type, stored, caller))).build());
    }

    @GET
    @Path("/documents/{id}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({"evidence-submitter", "evidence-reviewer", "data-provider", "expert", "catalogue-admin"})
    @Transactional
    @Operation(summary = "The exact bytes of a document",
            description = "With its media type, its file name (Content-Disposition), its SHA-256 as Digest / Repr-Digest "
                    + "and as ETag (If-None-Match answers 304).")
    @APIResponse(responseCode = "200", description = "The bytes")
    @APIResponse(responseCode = "404", description = "No such document, or a document of a region the caller does not read")
    public Response content(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) throws IOException {
        EvidenceEntity e = EvidenceEntity.findById(EvidenceResource.uuid(id));
        if (e == null || !EvidenceKind.DOCUMENT.name().equals(e.kind)) {
            throw ProblemException.notFound("no document " + id).chinese("没有文件 " + id);
        }
        regions.requireVisible(Caller.of(identity), e.region, "no document " + id, "没有文件 " + id);
        String etag = "\"" + e.sha256 + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return Response.notModified().header("ETag", etag).build();
        }
        InputStream in;
        try {
            in = storage.open(e.storageKey);
        } catch (NoSuchFileException missing) {
            throw new ProblemException(404, "Not found", "the bytes of document " + id + " are missing from the store")
                    .chinese("文件 " + id + " 的内容在存储中缺失");
        }
        String b64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(e.sha256));
        return Response.ok(in).type(e.mediaType)
                .header("Content-Length", e.sizeBytes)
                .header("Content-Disposition", contentDisposition(e.fileName))
                .header("Digest", "sha-256=" + b64)
                .header("Repr-Digest", "sha-256=:" + b64 + ":")
                .header("ETag", etag)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "Payload too large", "the file is larger than " + maxSize.asLongValue()
                + " bytes (nmsdz.documents.max-size)", List.of(new Problem.FieldError("file", "larger than "
                        + maxSize.asLongValue() + " bytes")))
                .typed(RefusalRule.DOCUMENT).chinese("文件大于 " + maxSize.asLongValue() + " 字节（nmsdz.documents.max-size）");
    }
}
