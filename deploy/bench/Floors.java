import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The floors the pipeline benchmark compares with, measured on the suite's own broker and database in the same run:
 * a PostgreSQL single-row insert and commit (latency and sequential rate), a Kafka produce→consume round trip
 * (acks=all) and Kafka's batched, idempotent acks=all send rate. Prints key=value lines (milliseconds, per second).
 * Run by deploy/bench/pipeline.py: java -cp kafka-clients,postgresql,slf4j-api Floors.java PGPORT KAFKAPORT
 */
public class Floors {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("relay")) {
            relay(Integer.parseInt(args[1]), Long.parseLong(args[2]));
            return;
        }
        if (args[0].equals("watch")) {
            watch("127.0.0.1:" + args[1], args[2]);
            return;
        }
        int pgPort = Integer.parseInt(args[0]);
        int kafkaPort = Integer.parseInt(args[1]);
        pg(pgPort);
        kafka("127.0.0.1:" + kafkaPort);
    }

    /** Prints every new record of a topic as "epoch-millis value" (the pipeline benchmark's score.events watch). */
    static void watch(String bootstrap, String topic) {
        Properties q = new Properties();
        q.put("bootstrap.servers", bootstrap);
        q.put("group.id", "bench-watch-" + System.nanoTime());
        q.put("auto.offset.reset", "latest");
        q.put("fetch.max.wait.ms", "100");
        q.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        q.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(q)) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            // seekToEnd is lazy: resolve the end now, or a record sent before it resolves is skipped and the round trip
            // waits for it forever (the hang seen in several runs)
            consumer.assignment().forEach(consumer::position);
            System.out.println("ready");
            System.out.flush();
            while (true) {
                for (var r : consumer.poll(Duration.ofMillis(1000))) {
                    System.out.println(System.currentTimeMillis() + " " + r.value());
                }
                System.out.flush();
            }
        }
    }

    /**
     * How fast evidence-service's relay published the outbox rows created since an instant (epoch millis): rows,
     * the span from the first row's creation (its transaction's time) and from the first sent_at to the last sent_at,
     * and how many rows were sent after the first sent_at: a batch's rows share one sent_at, so the rows of the first
     * batch were published before the span began (rows after it / span is the rate whatever the batch size).
     */
    static void relay(int port, long sinceMillis) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                "postgres"); PreparedStatement ps = c.prepareStatement("select count(*), count(sent_at),"
                + " extract(epoch from max(sent_at) - min(sent_at)), extract(epoch from max(sent_at) - min(created_at)),"
                + " count(*) filter (where sent_at > (select min(sent_at) from evidence.outbox_event"
                + " where created_at >= to_timestamp(? / 1000.0)))"
                + " from evidence.outbox_event where created_at >= to_timestamp(? / 1000.0)")) {
            ps.setLong(1, sinceMillis);
            ps.setLong(2, sinceMillis);
            try (var rs = ps.executeQuery()) {
                rs.next();
                System.out.printf("relay.rows=%d%nrelay.sent=%d%nrelay.first-to-last-sent.s=%.3f%n"
                        + "relay.created-to-last-sent.s=%.3f%nrelay.rows-after-first-sent=%d%n", rs.getLong(1),
                        rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5));
            }
        }
    }

    static void pg(int port) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                "postgres")) {
            try (Statement st = c.createStatement()) {
                st.execute("create temporary table bench_floor (id bigint generated always as identity primary key,"
                        + " body text not null, created_at timestamptz not null default now())");
            }
            c.setAutoCommit(false);
            int n = 3000;
            double[] ms = new double[n];
            try (PreparedStatement ps = c.prepareStatement("insert into bench_floor (body) values (?)")) {
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    ps.setString(1, "{\"row\":" + i + "}");
                    ps.executeUpdate();
                    c.commit();
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                double s = (System.nanoTime() - start) / 1e9;
                Arrays.sort(ms);
                System.out.printf("pg.commit.p50.ms=%.3f%npg.commit.p99.ms=%.3f%npg.commits.per.s=%.0f%n",
                        ms[n / 2], ms[n * 99 / 100], n / s);
            }
        }
    }

    static void kafka(String bootstrap) throws Exception {
        String topic = "bench.floor";
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrap);
        try (AdminClient a = AdminClient.create(admin)) {
            if (!a.listTopics().names().get().contains(topic)) {
                a.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "0");
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        Properties q = new Properties();
        q.put("bootstrap.servers", bootstrap);
        q.put("group.id", "bench-floor-" + System.nanoTime());
        q.put("auto.offset.reset", "latest");
        q.put("fetch.max.wait.ms", "500");
        q.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        q.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        String body = "x".repeat(1000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(q)) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            // seekToEnd is lazy: resolve the end now, or a record sent before it resolves is skipped and the round trip
            // waits for it forever (the hang seen in several runs)
            consumer.assignment().forEach(consumer::position);
            int n = 500;
            List<Double> rtt = new ArrayList<>();
            for (int i = 0; i < n + 50; i++) { // the first 50 warm up
                long t = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k", body));
                int got = 0;
                while (got == 0) {
                    ConsumerRecords<String, String> r = consumer.poll(Duration.ofMillis(1000));
                    got = r.count();
                }
                if (i >= 50) {
                    rtt.add((System.nanoTime() - t) / 1e6);
                }
            }
            Collections.sort(rtt);
            System.out.printf("kafka.rtt.p50.ms=%.3f%nkafka.rtt.p99.ms=%.3f%n", rtt.get(n / 2), rtt.get(n * 99 / 100));

            int m = 100_000;
            List<Future<RecordMetadata>> acks = new ArrayList<>(m);
            long start = System.nanoTime();
            for (int i = 0; i < m; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, "k" + (i % 64), body)));
            }
            for (Future<RecordMetadata> f : acks) {
                f.get();
            }
            System.out.printf("kafka.batched.acks-all.per.s=%.0f%n", m / ((System.nanoTime() - start) / 1e9));
        }
    }
}
