package io.keyward.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.keyward.sandbox.SandboxHttp.seg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /v1/projects and GET /v1/projects/{projectIdOrName}, by id and by name. */
class AmpersandProjectsTest {
    private static final Set<String> PROJECT_FIELDS = Set.of("id", "name", "appName", "orgId", "createTime",
            "updateTime");
    private SandboxHttp api;

    @BeforeEach
    void start() {
        api = SandboxHttp.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void listsEveryProjectWithThePublishedFields() {
        SandboxHttp.Response response = api.v1Get("/projects");
        assertEquals(200, response.status(), response.body());
        assertEquals("application/json", response.contentType());
        JsonNode projects = response.json();
        assertTrue(projects.isArray());
        assertEquals(List.of("payments-prod", "Kundenportal Zürich", "partner-sso", "analytics-staging"),
                SandboxHttp.texts(projects, "name"));
        for (JsonNode project : projects) {
            assertEquals(PROJECT_FIELDS, RoutingTest.fieldNames(project), project.toString());
            assertTrue(project.get("id").asText().matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"), project.toString());
            assertEquals(AmpersandDemoData.ORG_ID, project.get("orgId").asText());
            assertFalse(project.get("appName").asText().isBlank());
            Instant created = Instant.parse(project.get("createTime").asText());
            assertFalse(created.isAfter(Instant.parse(project.get("updateTime").asText())), project.toString());
        }
        assertEquals("Payments", SandboxHttp.findBy(projects, "name", "payments-prod").get("appName").asText());
        assertEquals(4, Set.copyOf(SandboxHttp.texts(projects, "id")).size(), "ids are unique");
    }

    @Test
    void oneProjectByIdAndByName() {
        JsonNode listed = SandboxHttp.findBy(api.v1Get("/projects").json(), "name", "partner-sso");
        SandboxHttp.Response byId = api.v1Get("/projects/" + listed.get("id").asText());
        assertEquals(200, byId.status(), byId.body());
        assertEquals(listed, byId.json());
        SandboxHttp.Response byName = api.v1Get("/projects/partner-sso");
        assertEquals(200, byName.status(), byName.body());
        assertEquals(listed, byName.json());
    }

    @Test
    void aNameWithASpaceAndUmlautIsFoundWhenEncoded() {
        assertEquals("Kundenportal%20Z%C3%BCrich", seg(AmpersandDemoData.PORTAL));
        SandboxHttp.Response response = api.v1Get("/projects/Kundenportal%20Z%C3%BCrich");
        assertEquals(200, response.status(), response.body());
        assertEquals(AmpersandDemoData.PORTAL, response.json().get("name").asText());
        assertEquals(AmpersandDemoData.PORTAL_ID, response.json().get("id").asText());

        // The same name in its NFD spelling (u + combining diaeresis) is a different name.
        api.v1Get("/projects/Kundenportal%20Zu%CC%88rich").assertProblem(404);
    }

    @Test
    void namesAreMatchedExactlyAndCaseSensitively() {
        for (String wrong : List.of("Payments-Prod", "payments-prod%20", "payments", "PAYMENTS-PROD",
                AmpersandDemoData.PAYMENTS_ID.toUpperCase())) {
            api.v1Get("/projects/" + wrong).assertProblem(404);
        }
    }

    @Test
    void unknownProjectIsThePublished404Problem() {
        JsonNode problem = api.v1Get("/projects/no-such-project").assertProblem(404);
        assertEquals("project not found", problem.get("detail").asText());
        JsonNode issue = problem.get("validationIssues").get(0);
        assertEquals("projectId", issue.get("field").asText());
        assertEquals("check the project ID and try again", issue.get("remedy").asText());
        assertTrue(problem.get("causes").get(0).asText().contains("no-such-project"), problem.toString());
    }

    @Test
    void entitlementsOnlyWhenAskedFor() {
        JsonNode plain = api.v1Get("/projects/payments-prod?includeEntitlements=false").json();
        assertEquals(PROJECT_FIELDS, RoutingTest.fieldNames(plain));
        JsonNode withEntitlements = api.v1Get("/projects/payments-prod?includeEntitlements=true").json();
        assertTrue(withEntitlements.get("entitlements").get("brandingRemoval").get("value").isBoolean());
        assertTrue(withEntitlements.get("entitlements").get("logRetentionDays").get("value").isInt());
        JsonNode problem = api.v1Get("/projects/payments-prod?includeEntitlements=yes").assertProblem(400);
        assertEquals("includeEntitlements", problem.get("validationIssues").get(0).get("field").asText());
        assertEquals("yes", problem.get("validationIssues").get(0).get("value").asText());
    }
}
