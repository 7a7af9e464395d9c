package cn.nmsdz.scoring.notify;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which webhook targets are allowed (SSRF): http or https only, and no host that resolves to a loopback, link-local,
 * private (RFC 1918, unique-local fc00::/7), carrier-grade NAT (100.64/10), any-local or multicast address, unless
 * {@code nmsdz.webhooks.allowed-hosts} names the host (as written in the URL). Checked when a subscription is made and
 * again before every delivery (a name may resolve differently later).
 */
@ApplicationScoped
public class WebhookTargets {

    @ConfigProperty(name = "nmsdz.webhooks.allowed-hosts")
    Optional<List<String>> allowedHosts;

    /** Why {@code url} is refused, or empty when it may be called. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("不是有效的网址 / is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("只接受 http(s) 地址 / only http and https targets are allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("网址缺少主机名 / the URL has no host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("网址不得包含用户名或密码 / the URL must not carry credentials");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        Set<String> allowed = allowedHosts.orElse(List.of()).stream().map(String::strip).map(String::toLowerCase)
                .collect(Collectors.toSet());
        if (allowed.contains(bare.toLowerCase())) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return Optional.of("主机名无法解析 / the host does not resolve");
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                return Optional.of("目标地址 " + a.getHostAddress() + " 属于本机、链路本地或内网地址，配置未允许 / the target "
                        + "resolves to a loopback, link-local or private address that nmsdz.webhooks.allowed-hosts does not name");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
        }
        if (a instanceof Inet6Address six) {
            return (b[0] & 0xfe) == 0xfc || six.isIPv4CompatibleAddress() && internal4(b);
        }
        return false;
    }

    private static boolean internal4(byte[] b) {
        try {
            return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
