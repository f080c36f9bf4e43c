package eu.aifactory.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.FactoryServer;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import eu.aifactory.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Dataset upload and listing: roles, projects, tenants, bad input, and datasets as workload inputs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class DatasetRoutesTest {

    private static final String BOUNDARY = "----dataset-test-boundary";

    private TestFactory factory;
    private Api api;
    private String engineer;
    private String otherEngineer;
    private String accountManager;
    private String admin;
    private String globex;

    @BeforeAll
    void start() {
        factory = TestFactory.start(TestDatabases.Kind.H2, 1);
        api = factory.api;
        engineer = factory.token("acme-eng");
        otherEngineer = factory.token("acme-eng2");
        accountManager = factory.token("acme-am");
        admin = factory.token("acme-admin");
        globex = factory.token("globex-eng");
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    @Test
    void anEngineerUploadsIntoTheirProjectAndTheDatasetIsHashedListedAndInTheResidencyInventory() throws Exception {
        byte[] content = "line,ok\nL07,1\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        Api.Response response = upload(engineer, "acme-qs", "C:\\Messdaten\\Prüfbilder Linie 7.csv", "text/csv", content);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode d = response.json();
        assertThat(d.path("name").asText()).isEqualTo("Prüfbilder Linie 7.csv");
        assertThat(d.path("projectId").asText()).isEqualTo("acme-qs");
        assertThat(d.path("mediaType").asText()).isEqualTo("text/csv");
        assertThat(d.path("sizeBytes").asLong()).isEqualTo(content.length);
        assertThat(d.path("sha256").asText()).isEqualTo(sha256(content));
        assertThat(d.path("siteId").asText()).isEqualTo("muc-tucherpark");
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/datasets/" + d.path("id").asText());

        JsonNode listed = api.get("/v1/datasets?projectId=acme-qs", engineer).json().path("items");
        assertThat(ids(listed)).contains(d.path("id").asText());
        Integer rows = factory.jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM datasets WHERE id = :id AND tenant_id = 'acme' AND site_id = 'muc-tucherpark'")
                .bind("id", d.path("id").asText()).mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);

        // The residency report's inventory lists it at the primary site, as a dataset of its project.
        java.time.Instant now = TestClock.now();
        JsonNode report = api.get("/v1/reports/residency?from=" + now.minusSeconds(86_400) + "&to="
                + now.plusSeconds(60), engineer).json().path("report");
        JsonNode listedThere = null;
        for (JsonNode o : report.path("inventory")) {
            if (o.path("id").asText().equals(d.path("id").asText())) {
                listedThere = o;
            }
        }
        assertThat(listedThere).as("in the residency inventory").isNotNull();
        assertThat(listedThere.path("kind").asText()).isEqualTo("dataset");
        assertThat(listedThere.path("siteId").asText()).isEqualTo("muc-tucherpark");
        assertThat(listedThere.path("sha256").asText()).isEqualTo(sha256(content));
    }

    @Test
    void theBytesLandInTheDataDirectoryAndNoSpillFileIsLeft(@TempDir Path dataDir) throws Exception {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, TestDatabases.freshUrl(TestDatabases.Kind.H2), dataDir,
                true, 1);
        try (TestFactory own = TestFactory.start(config, 15_000)) {
            // Above the 1 MiB the container keeps in memory, so the part is spilled to a file while it arrives.
            byte[] content = new byte[3 * 1024 * 1024 + 17];
            new java.util.Random(7).nextBytes(content);
            Api.Response response = upload(own.api, own.token("acme-eng"), "acme-qs", "scan.bin", null, content);
            assertThat(response.status()).as(response.body()).isEqualTo(201);

            Path stored = FactoryServer.datasetDir(dataDir).resolve("acme").resolve(response.json().path("id").asText());
            assertThat(Files.readAllBytes(stored)).isEqualTo(content);
            try (Stream<Path> left = Files.list(FactoryServer.datasetDir(dataDir).resolve("incoming"))) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void engineersSeeOnlyTheirProjectsDatasetsAndOtherTenantsNone() {
        String mine = upload(engineer, "acme-qs", "qs.bin", null, new byte[] {1, 2, 3}).json().path("id").asText();
        String maint = upload(admin, "acme-maint", "maint.bin", null, new byte[] {4}).json().path("id").asText();

        assertThat(ids(api.get("/v1/datasets?limit=500", engineer).json().path("items"))).contains(mine).doesNotContain(maint);
        assertThat(ids(api.get("/v1/datasets?limit=500", otherEngineer).json().path("items"))).contains(maint).doesNotContain(mine);
        assertThat(ids(api.get("/v1/datasets?projectId=acme-maint", engineer).json().path("items"))).isEmpty();
        assertThat(ids(api.get("/v1/datasets?limit=500", accountManager).json().path("items"))).contains(mine, maint);
        assertThat(ids(api.get("/v1/datasets?limit=500", globex).json().path("items"))).doesNotContain(mine, maint);
    }

    @Test
    void pagesWalkEveryDatasetOnceNewestFirst() {
        for (int i = 0; i < 5; i++) {
            upload(admin, "acme-maint", "page-" + i + ".bin", null, new byte[] {(byte) i});
        }
        List<String> all = ids(api.get("/v1/datasets?limit=500", admin).json().path("items"));
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/v1/datasets?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), admin).json();
            walked.addAll(ids(page.path("items")));
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(walked).doesNotHaveDuplicates().isEqualTo(all);
        assertThat(api.get("/v1/datasets?cursor=bm90LWEtY3Vyc29y", admin).status()).isEqualTo(400);
    }

    @Test
    void accountManagersMayNotUpload() {
        Api.Response response = upload(accountManager, "acme-qs", "x.csv", "text/csv", new byte[] {1});
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.problemType()).isEqualTo("forbidden");
    }

    @Test
    void engineersMayNotUploadIntoAProjectTheyAreNotIn() {
        assertThat(upload(engineer, "acme-maint", "x.csv", "text/csv", new byte[] {1}).status()).isEqualTo(403);
    }

    @Test
    void anotherTenantsOrAnUnknownProjectIsAFieldError() {
        for (String project : List.of("globex-lab", "no-such-project")) {
            Api.Response response = upload(engineer, project, "x.csv", "text/csv", new byte[] {1});
            assertThat(response.status()).as(project).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("projectId");
        }
    }

    @Test
    void aMissingFileOrProjectIsAFieldError() {
        String onlyProject = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"projectId\"\r\n\r\nacme-qs\r\n--"
                + BOUNDARY + "--\r\n";
        Api.Response noFile = postMultipart(engineer, onlyProject.getBytes(StandardCharsets.UTF_8));
        assertThat(noFile.status()).as(noFile.body()).isEqualTo(400);
        assertThat(noFile.json().path("errors").get(0).path("field").asText()).isEqualTo("file");

        Api.Response noProject = upload(engineer, null, "x.csv", "text/csv", new byte[] {1});
        assertThat(noProject.status()).isEqualTo(400);
        assertThat(noProject.json().path("errors").get(0).path("field").asText()).isEqualTo("projectId");
    }

    @Test
    void aJsonBodyIsUnsupported() {
        Api.Response response = api.post("/v1/datasets", engineer, "{\"projectId\":\"acme-qs\"}");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** Only the start of the body is sent (Jetty dispatches on the first content): the answer must not wait for 3 GB. */
    @Test
    void aBodyAboveTwoGibibytesIsRefusedBeforeItIsRead() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", factory.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/datasets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + engineer
                    + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                    + "\r\nContent-Length: 3000000000\r\n\r\n--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int n = in.readNBytes(head, 0, head.length);
            assertThat(new String(head, 0, n, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void aWorkloadTakesItsTenantsDatasetAsInputButNotAnotherTenants() {
        String mine = upload(engineer, "acme-qs", "images.tar", "application/x-tar", new byte[] {7, 7}).json()
                .path("id").asText();
        String foreign = upload(globex, "globex-lab", "images.tar", "application/x-tar", new byte[] {9}).json()
                .path("id").asText();

        Api.Response accepted = submit(engineer, mine);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().path("inputs").path("images").asText()).isEqualTo(mine);

        Api.Response refused = submit(engineer, foreign);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("inputs.images");
        // An engineer of another project of the same tenant cannot use it either.
        String maint = upload(admin, "acme-maint", "maint.tar", null, new byte[] {1}).json().path("id").asText();
        assertThat(submit(engineer, maint).status()).isEqualTo(400);
    }

    private Api.Response submit(String token, String datasetId) {
        String body = "{\"appId\":\"visual-quality-inspection\",\"appVersion\":\"2.3.0\",\"projectId\":\"acme-qs\","
                + "\"planId\":\"rtx-pro-6000-x1\",\"name\":\"with dataset\",\"inputs\":{\"images\":\"" + datasetId + "\"}}";
        return api.post("/v1/workloads", token, body, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private Api.Response upload(String token, String projectId, String fileName, String mediaType, byte[] content) {
        return upload(api, token, projectId, fileName, mediaType, content);
    }

    private static Api.Response upload(Api api, String token, String projectId, String fileName, String mediaType,
                                       byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (projectId != null) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"projectId\"\r\n\r\n" + projectId
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replace("\\", "\\\\") + "\"\r\n" + (mediaType == null ? "" : "Content-Type: " + mediaType + "\r\n")
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return postMultipart(api, token, body.toByteArray());
    }

    private Api.Response postMultipart(String token, byte[] body) {
        return postMultipart(api, token, body);
    }

    private static Api.Response postMultipart(Api api, String token, byte[] body) {
        return api.send(api.request("/v1/datasets", token, "Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
