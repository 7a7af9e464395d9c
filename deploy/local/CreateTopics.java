import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the suite's topics (SPEC §5) if they are missing. Run with the broker's own
 * jars on the class path: {@code java -cp "libs/*" CreateTopics.java host:port partitions topic...}; the launcher
 * passes the topic names it reads from the root pom ({@code nmsdz.topic.*}).
 * Topics keep every event (retention -1): a fresh service instance rebuilds from them.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        List<String> topics = List.of(args).subList(2, args.length);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("no topic names given");
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1).configs(Map.of("retention.ms", "-1")))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            System.out.println("topics ready: " + String.join(", ", topics) + " (" + partitions + " partitions)");
        }
    }
}
