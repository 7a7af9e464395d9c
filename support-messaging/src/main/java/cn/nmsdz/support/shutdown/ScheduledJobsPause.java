package cn.nmsdz.support.shutdown;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Fires no scheduled job once the service has begun to stop. Quarkus closes the database (Hibernate's
 * EntityManagerFactory) before it stops the scheduler, and in between the Kafka channels take their grace period to
 * close: without this, every job's tick in that window failed with an ERROR and a stack trace ("EntityManagerFactory
 * is closed", five to seven of them each time scoring-service stopped). A job already running finishes; what it
 * leaves undone is in the database and taken up by the next start (outbox rows, pending snapshots, webhook
 * deliveries).
 */
@ApplicationScoped
class ScheduledJobsPause {

    void pause(@Observes ShutdownEvent event, Scheduler scheduler) {
        scheduler.pause();
    }
}
