package org.banso.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests to the running server over loopback, as a hostile client sends them: the JDK's HTTP client for what it can
 * express, and a raw socket for bytes no client library would send (NUL in a header, broken request lines).
 */
public final class HttpProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What came back: status, headers as the server wrote them, body bytes. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** Whether the body is an RFC 9457 problem with the given type. */
        public boolean isProblem(String type) {
            String contentType = header("Content-Type");
            return contentType != null && contentType.startsWith("application/problem+json")
                    && type.equals(json().path("type").asString());
        }
    }

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    public HttpProbe(int port) {
        this.port = port;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A request through the JDK client; {@code pathAndQuery} is sent as written (it must be a valid URI). */
    public Answer send(String method, String pathAndQuery, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.header("Accept", "application/json, application/problem+json");
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }

    public Answer get(String pathAndQuery, String token) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, token, null, null);
    }

    public Answer postJson(String path, String token, String json) throws IOException, InterruptedException {
        return send("POST", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Raw bytes on a socket (the request must say {@code Connection: close}); answers the status and the whole
     * response, headers included.
     */
    public Answer raw(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
            for (String line : response.substring(0, split < 0 ? response.length() : split).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).strip(), java.util.List.of(line.substring(colon + 1).strip()));
                }
            }
            byte[] body = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all.toByteArray(), split + 4,
                    all.size());
            if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", java.util.List.of("")).get(0))) {
                body = unchunk(body);
            }
            return new Answer(status, headers, body);
        }
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = i;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    /** A multipart body with one file part whose name and file name are given as raw bytes. */
    public static byte[] multipartFile(String boundary, byte[] partName, byte[] fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(partName);
        out.writeBytes("\"; filename=\"".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(fileName);
        out.writeBytes("\"\r\nContent-Type: application/octet-stream\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A JSON call that must answer {@code status}; answers the JSON body (null when empty). */
    public JsonNode call(String method, String path, String token, Object body, int status)
            throws IOException, InterruptedException {
        Answer answer = send(method, path, token, body == null ? null : "application/json",
                body == null ? null : JSON.writeValueAsBytes(body));
        if (answer.status() != status) {
            throw new AssertionError(method + " " + path + " answered " + answer.status() + ": " + answer.text());
        }
        return answer.body().length == 0 ? null : answer.json();
    }

    /** A new organization of the kind, registered by the administrator; answers its id. */
    public String organization(String adminToken, String kind) throws IOException, InterruptedException {
        return call("POST", "/api/v1/organizations", adminToken, Map.of("name", ApiAccounts.unique("組織-"),
                "nameEn", ApiAccounts.unique("org-"), "kind", kind), 201).get("id").asString();
    }

    /** A new account with the role in a new organization of the kind (password {@link ApiAccounts#PASSWORD}). */
    public JsonNode person(String adminToken, String kind, String role) throws IOException, InterruptedException {
        String username = ApiAccounts.unique(role.substring(0, 3).toLowerCase(java.util.Locale.ROOT) + "-");
        return call("POST", "/api/v1/users", adminToken, Map.of("username", username, "displayName", "試験 " + username,
                "email", username + "@example.jp", "organizationId", organization(adminToken, kind),
                "roles", java.util.List.of(role), "password", ApiAccounts.PASSWORD), 201);
    }

    public String token(String username, String password) throws IOException, InterruptedException {
        Answer answer = postJson("/api/v1/auth/token", null, JSON.writeValueAsString(Map.of("username", username,
                "password", password)));
        if (answer.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + " answered " + answer.status());
        }
        return answer.json().get("token").asString();
    }
}
