package cn.nmsdz.indicator.catalogue;

import cn.nmsdz.events.catalogue.SystemStatus;
import cn.nmsdz.events.catalogue.RegionCodes;
import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.SystemPublishedData;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.indicator.domain.validation.SystemValidator;
import cn.nmsdz.support.outbox.Outbox;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RefusalRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Stores, validates and publishes indicator systems. */
@ApplicationScoped
public class CatalogueService {
    static final String SOURCE = "/indicator-service";

    @Inject
    Outbox outbox;

    /** Validates and stores a new DRAFT version; an invalid system is never stored. */
    @Transactional
    public IndicatorSystemEntity importDraft(IndicatorSystemDocument document) {
        validate(document);
        if (IndicatorSystemEntity.byVersion(document.code(), document.version()).isPresent()) {
            throw ProblemException.conflict("indicator system " + document.code() + " version " + document.version()
                    + " already exists; import it under a new version number")
                    .typed(RefusalRule.CATALOGUE_LIFECYCLE).chinese("指标体系 " + document.code() + " 的版本 " + document.version() + " 已存在；请以新的版本号导入");
        }
        IndicatorSystemEntity entity = new IndicatorSystemEntity();
        entity.code = document.code();
        entity.version = document.version();
        entity.name = document.name();
        entity.status = SystemStatus.DRAFT.name();
        entity.document = toJson(document);
        entity.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        entity.persist();
        return entity;
    }

    /** DRAFT → PUBLISHED (immutable from then on); emits the whole system on catalogue.events. */
    @Transactional
    public IndicatorSystemEntity publish(String code, int version) {
        IndicatorSystemEntity entity = IndicatorSystemEntity.byVersion(code, version)
                .orElseThrow(() -> ProblemException.notFound("no indicator system " + code + " version " + version)
                .chinese("没有指标体系 " + code + " 的版本 " + version));
        if (!SystemStatus.DRAFT.name().equals(entity.status)) {
            throw ProblemException.conflict("indicator system " + code + " version " + version + " is "
                    + entity.status + "; only a DRAFT can be published")
                    .typed(RefusalRule.CATALOGUE_LIFECYCLE).chinese("指标体系 " + code + " 的版本 " + version + " 处于 " + entity.status + " 状态；只有草稿（DRAFT）可以发布");
        }
        entity.status = SystemStatus.PUBLISHED.name();
        entity.publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.append(Topics.CATALOGUE, EventTypes.SYSTEM_PUBLISHED, SOURCE, RegionCodes.NATION,
                new SystemPublishedData(SystemStatus.PUBLISHED.name(), document(entity)));
        return entity;
    }

    /**
     * Starts a new DRAFT from a published (or retired) version: a copy of its document under the
     * next version number of the code, to be changed with {@link #updateDraft} and then published.
     */
    @Transactional
    public IndicatorSystemEntity startDraft(String code, int from) {
        IndicatorSystemEntity source = IndicatorSystemEntity.byVersion(code, from)
                .orElseThrow(() -> ProblemException.notFound("no indicator system " + code + " version " + from)
                .chinese("没有指标体系 " + code + " 的版本 " + from));
        if (SystemStatus.DRAFT.name().equals(source.status)) {
            throw ProblemException.conflict("indicator system " + code + " version " + from
                    + " is a DRAFT; change it directly, or start from a published version")
                    .typed(RefusalRule.CATALOGUE_LIFECYCLE).chinese("指标体系 " + code + " 的版本 " + from + " 是草稿（DRAFT）；请直接修改它，或从已发布的版本开始");
        }
        int next = IndicatorSystemEntity.highestVersion(code) + 1;
        IndicatorSystemDocument d = document(source);
        IndicatorSystemDocument copy = new IndicatorSystemDocument(d.code(), next, d.name(), d.assessmentYears(),
                d.passStandard(), d.notes(), d.metrics(), d.firstLevel());
        IndicatorSystemEntity entity = new IndicatorSystemEntity();
        entity.code = code;
        entity.version = next;
        entity.name = copy.name();
        entity.status = SystemStatus.DRAFT.name();
        entity.document = toJson(copy);
        entity.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        entity.persist();
        return entity;
    }

    /** Replaces the document of a DRAFT; validated like an import. PUBLISHED and RETIRED versions never change. */
    @Transactional
    public IndicatorSystemEntity updateDraft(String code, int version, IndicatorSystemDocument document) {
        IndicatorSystemEntity entity = IndicatorSystemEntity.byVersion(code, version)
                .orElseThrow(() -> ProblemException.notFound("no indicator system " + code + " version " + version)
                .chinese("没有指标体系 " + code + " 的版本 " + version));
        if (!SystemStatus.DRAFT.name().equals(entity.status)) {
            throw ProblemException.conflict("indicator system " + code + " version " + version + " is " + entity.status
                    + " and can no longer change; start a new draft from it")
                    .typed(RefusalRule.CATALOGUE_LIFECYCLE).chinese("指标体系 " + code + " 的版本 " + version + " 处于 " + entity.status + " 状态，不能再修改；请以它为基础新建草稿");
        }
        List<Problem.FieldError> mismatch = new java.util.ArrayList<>();
        if (document != null && !code.equals(document.code())) {
            mismatch.add(new Problem.FieldError("/code", "must be " + code + " (the path)"));
        }
        if (document != null && document.version() != version) {
            mismatch.add(new Problem.FieldError("/version", "must be " + version + " (the path)"));
        }
        if (!mismatch.isEmpty()) {
            throw ProblemException.badRequest("the document is not the one named by the path", mismatch)
                    .chinese("文档不是路径所指的指标体系版本");
        }
        validate(document);
        entity.name = document.name();
        entity.document = toJson(document);
        return entity;
    }

    /** PUBLISHED → RETIRED: no longer served as the latest; announced on catalogue.events. */
    @Transactional
    public IndicatorSystemEntity retire(String code, int version) {
        IndicatorSystemEntity entity = IndicatorSystemEntity.byVersion(code, version)
                .orElseThrow(() -> ProblemException.notFound("no indicator system " + code + " version " + version)
                .chinese("没有指标体系 " + code + " 的版本 " + version));
        if (!SystemStatus.PUBLISHED.name().equals(entity.status)) {
            throw ProblemException.conflict("indicator system " + code + " version " + version + " is "
                    + entity.status + "; only a PUBLISHED version can be retired")
                    .typed(RefusalRule.CATALOGUE_LIFECYCLE).chinese("指标体系 " + code + " 的版本 " + version + " 处于 " + entity.status + " 状态；只有已发布（PUBLISHED）的版本可以停用");
        }
        entity.status = SystemStatus.RETIRED.name();
        outbox.append(Topics.CATALOGUE, EventTypes.SYSTEM_RETIRED, SOURCE, RegionCodes.NATION,
                new SystemPublishedData(SystemStatus.RETIRED.name(), document(entity)));
        return entity;
    }

    private static void validate(IndicatorSystemDocument document) {
        List<Problem.FieldError> violations = new SystemValidator().validate(document).stream()
                .map(v -> new Problem.FieldError(v.pointer(), v.message()))
                .toList();
        if (!violations.isEmpty()) {
            throw new ProblemException(422, "Invalid indicator system",
                    violations.size() + " rule(s) of the indicator system are violated", violations)
                    .typed(RefusalRule.CATALOGUE).chinese("违反了指标体系的 " + violations.size() + " 条规则");
        }
    }

    public IndicatorSystemDocument document(IndicatorSystemEntity entity) {
        try {
            return EventEnvelope.JSON.readValue(entity.document, IndicatorSystemDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored indicator system " + entity.code + " is unreadable", e);
        }
    }

    private static String toJson(IndicatorSystemDocument document) {
        try {
            return EventEnvelope.JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
