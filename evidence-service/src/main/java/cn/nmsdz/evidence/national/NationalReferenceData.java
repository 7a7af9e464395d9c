package cn.nmsdz.evidence.national;

import cn.nmsdz.events.catalogue.RegionCodes;
import cn.nmsdz.evidence.ledger.EvidenceEntity;
import cn.nmsdz.events.evidence.EvidenceKind;
import cn.nmsdz.events.evidence.ReviewState;
import cn.nmsdz.evidence.observation.ObservationInput;
import cn.nmsdz.evidence.observation.ObservationService;
import cn.nmsdz.evidence.projection.CataloguePublished;
import cn.nmsdz.support.rest.ConstraintProblems;
import cn.nmsdz.support.rest.Problem;
import jakarta.validation.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The national comparator figures (region CN) of NATIONAL_STATS.md, shipped as a data file
 * (national/cn-reference.csv) and stored once per installation as ACCEPTED observations, through the
 * outbox like every observation. They need the catalogue's metrics, so they are loaded in the
 * transaction that applies the first published catalogue — and only when nothing of CN is stored
 * yet and the data set was never loaded (a marker row), so a later withdrawal is never undone.
 */
@ApplicationScoped
public class NationalReferenceData {
    public static final String RESOURCE = "national/cn-reference.csv";
    public static final String NAME = "cn-reference";
    public static final String REGION = RegionCodes.NATION;
    /** Who the records name as submitter: this shipped data set, not a person. */
    public static final String SUBMITTER = "national-reference-data";
    private static final Logger LOG = Logger.getLogger(NationalReferenceData.class);

    @Inject
    EntityManager em;

    @Inject
    ObservationService observations;

    @Inject
    Validator validator;

    /** The first published catalogue brings the metrics the figures need: loaded in the transaction that applies it. */
    void onCataloguePublished(@Observes CataloguePublished published) {
        loadOnce();
    }

    /** @return how many observations were stored (0 when already loaded or CN has figures) */
    @Transactional(Transactional.TxType.MANDATORY)
    public int loadOnce() {
        // the marker claims the load; a concurrent attempt waits on it and then finds it taken
        int claimed = em.createNativeQuery("insert into reference_data_load(name, rows, loaded_at) values (:n, 0, now()) "
                + "on conflict do nothing").setParameter("n", NAME).executeUpdate();
        if (claimed == 0) {
            return 0;
        }
        if (EvidenceEntity.count("region", REGION) > 0) {
            LOG.infof("national reference data not loaded: region %s already has evidence", REGION);
            return 0;
        }
        List<ObservationInput> rows;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            rows = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a figure that breaks a rule of observations (or whose metric the catalogue does not define) is left out and
        // said; the rest is stored
        List<Problem.FieldError> errors = problems(rows);
        Set<Integer> bad = new HashSet<>();
        for (Problem.FieldError error : errors) {
            LOG.warnf("national reference row %s left out: %s", error.field(), error.message());
            bad.add(Integer.parseInt(error.field().split("/")[1]));
        }
        List<ObservationInput> good = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!bad.contains(i)) {
                good.add(rows.get(i));
            }
        }
        observations.store(REGION, good, ReviewState.ACCEPTED.name(), null, SUBMITTER);
        em.createNativeQuery("update reference_data_load set rows = :r where name = :n").setParameter("r", good.size())
                .setParameter("n", NAME).executeUpdate();
        LOG.infof("national reference data: %d observations of %s stored", good.size(), REGION);
        return good.size();
    }

    /**
     * Every problem of the rows, by index ("/3/year"), by the same rules as a submission: each row's constraints
     * (ObservationInput, the same validator as the request pipeline), then the catalogue's rules.
     */
    public List<Problem.FieldError> problems(List<ObservationInput> rows) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            errors.addAll(ConstraintProblems.errors(validator.validate(rows.get(i)), "/" + i));
        }
        errors.addAll(ObservationService.validate(rows, ObservationService.metrics(), Set.of(),
                Year.now(ZoneOffset.UTC).getValue()));
        return errors;
    }

    /** Reads the CSV: '#' comments, a header, then metric,year,value,source ('—' or empty values skipped). */
    public static List<ObservationInput> parse(Reader reader) throws IOException {
        List<ObservationInput> rows = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        boolean header = true;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = trimmed.split(",", 4);
            if (cells.length != 4) {
                throw new IllegalArgumentException(RESOURCE + " line " + number + ": expected metric,year,value,source");
            }
            String value = cells[2].strip();
            if (value.isEmpty() || value.equals("—") || value.equals("-")) {
                continue;
            }
            rows.add(new ObservationInput(cells[0].strip(), Integer.valueOf(cells[1].strip()), new BigDecimal(value), null,
                    cells[3].strip(), null));
        }
        return rows;
    }
}
