package cn.nmsdz.support.wake;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes a worker (outbox relay, snapshot worker, …) the moment a transaction that gave it work commits, so nothing
 * waits for a timer tick: in this instance by an after-commit callback, in every other instance of the service (same
 * schema) by PostgreSQL {@code NOTIFY}, sent in the same transaction and so delivered only if it commits. Each instance
 * {@code LISTEN}s on one dedicated connection. The workers' {@code @Scheduled} ticks stay as a safety net (a lost
 * connection, a notification missed while reconnecting).
 * <p>
 * Off when {@code nmsdz.wake.enabled=false}, and by default wherever the scheduler is off (the component tests drive
 * relays and workers themselves).
 */
@ApplicationScoped
public class Wakeups {
    private static final Logger LOG = Logger.getLogger(Wakeups.class);

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    private final Map<String, List<Runnable>> workers = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private final boolean enabled = ConfigProvider.getConfig().getOptionalValue("nmsdz.wake.enabled", Boolean.class)
            .orElse(ConfigProvider.getConfig().getOptionalValue("quarkus.scheduler.enabled", Boolean.class).orElse(true));
    /** Names this instance in its notifications: its own are already answered by the after-commit callback. */
    private final String instance = java.util.UUID.randomUUID().toString();
    private volatile Thread listener;
    private volatile boolean stopped;

    public boolean enabled() {
        return enabled;
    }

    /** {@code wake} runs after every committed transaction that {@link #afterCommit signalled} {@code topic}, in any instance. */
    public void register(String topic, Runnable wake) {
        if (!enabled) {
            return;
        }
        workers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(wake);
        startListener();
    }

    /** Wakes the workers of {@code topic} (here and in the other instances) once the current transaction commits. */
    public void afterCommit(String topic) {
        if (!enabled) {
            return;
        }
        String key = "nmsdz.wake." + topic;
        if (transactions.getResource(key) != null) {
            return; // once per transaction and topic
        }
        transactions.putResource(key, Boolean.TRUE);
        // on the transaction's connection, past Hibernate: a native query would flush the session first and go through
        // the query machinery (issue 12: 14 % of evidence-service's samples on single-figure POSTs, that flush
        // included); the session is flushed at the commit all the same, and the notification is only delivered if that
        // commit succeeds
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(current_schema() || '.' || ?, ?)")) {
                notify.setString(1, topic);
                notify.setString(2, instance);
                notify.execute();
            }
        });
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake(topic);
                }
            }
        });
    }

    private void wake(String topic) {
        for (Runnable w : workers.getOrDefault(topic, List.of())) {
            w.run();
        }
    }

    private synchronized void startListener() {
        if (listener != null || stopped) {
            return;
        }
        listener = new Thread(this::listen, "nmsdz-wake-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /** Holds one connection that LISTENs on every registered topic and wakes the workers of each notification. */
    private void listen() {
        while (!stopped) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                String schema;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select current_schema()")) {
                    rs.next();
                    schema = rs.getString(1);
                }
                listening.clear();
                PGConnection pg = c.unwrap(PGConnection.class);
                // wake everything once: a notification may have been missed while (re)connecting
                workers.keySet().forEach(this::wake);
                while (!stopped) {
                    for (String topic : workers.keySet()) {
                        if (listening.add(topic)) {
                            try (Statement st = c.createStatement()) {
                                st.execute("listen \"" + schema + "." + topic.replace("\"", "") + "\"");
                            }
                        }
                    }
                    // a short wait: a stop waits for it (stop)
                    PGNotification[] notes = pg.getNotifications(250);
                    if (notes != null) {
                        Set<String> woken = new java.util.HashSet<>();
                        for (PGNotification n : notes) {
                            if (instance.equals(n.getParameter())) {
                                continue; // this instance's own commit: woken already, a second drain only costs
                            }
                            String topic = n.getName().substring(n.getName().indexOf('.') + 1);
                            if (woken.add(topic)) {
                                wake(topic);
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                LOG.debugf("wake-up listener reconnects: %s", e.getMessage());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * Lets the listener give its connection back before the pool closes (it closed first, and the connection came back
     * to a closed pool: a WARN at every stop).
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopped = true;
        Thread running = listener;
        if (running != null) {
            running.interrupt(); // ends a wait to reconnect; a wait for notifications ends by itself
            running.join(2000);
        }
    }
}
