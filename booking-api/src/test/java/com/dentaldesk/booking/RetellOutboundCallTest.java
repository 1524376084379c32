package com.dentaldesk.booking;

import static com.dentaldesk.booking.support.RetellEvents.newNumber;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.booking.support.RetellWireMock;
import com.dentaldesk.booking.tenancy.OrganizationChannel;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(RetellWireMock.class)
class RetellOutboundCallTest {

    private static final String CREATE_CALL = "/v2/create-phone-call";

    @Inject
    ClinicFixture fixture;

    WireMockServer retell;
    Clinic clinic;
    Clinic other;
    String agentId;
    String clinicNumber;
    String patientNumber;

    @BeforeEach
    void clinicsWithAgents() {
        retell = RetellWireMock.server();
        retell.resetAll();
        clinic = fixture.create("America/New_York");
        other = fixture.create("America/Chicago");
        agentId = "agent_" + clinic.slug();
        clinicNumber = newNumber();
        patientNumber = newNumber();
        fixture.addChannel(clinic, OrganizationChannel.RETELL_AGENT, agentId);
        fixture.addChannel(clinic, OrganizationChannel.PHONE_NUMBER, clinicNumber);
        fixture.addChannel(other, OrganizationChannel.RETELL_AGENT, "agent_" + other.slug());
    }

    private Map<String, Object> outbound(String agent, String from) {
        return Map.of("agent_id", agent, "from_number", from, "to_number", patientNumber,
                "metadata", Map.of("reason", "recall"));
    }

    @Test
    void shouldPlaceTheCallThroughRetellAndRecordIt() {
        retell.stubFor(post(CREATE_CALL).willReturn(json(201, "{\"call_id\":\"call_out_1_" + clinic.slug()
                + "\",\"call_status\":\"registered\",\"agent_id\":\"" + agentId + "\",\"direction\":\"outbound\"}")));
        retell.stubFor(get(urlPathEqualTo("/v2/get-call/call_out_1_" + clinic.slug()))
                .willReturn(json(200, "{\"call_status\":\"ongoing\",\"latency\":{}}")));

        clinic.api().body(outbound(agentId, clinicNumber)).post("/api/retell/call").then().statusCode(200)
                .body("data.call_id", org.hamcrest.Matchers.equalTo("call_out_1_" + clinic.slug()))
                .body("data.status", org.hamcrest.Matchers.equalTo("registered"))
                .body("data.direction", org.hamcrest.Matchers.equalTo("outbound"))
                .body("data.metadata.reason", org.hamcrest.Matchers.equalTo("recall"));

        retell.verify(1, postRequestedFor(urlPathEqualTo(CREATE_CALL))
                .withHeader("Authorization", equalTo("Bearer test-retell-api-key"))
                .withRequestBody(equalToJson("{\"from_number\":\"" + clinicNumber + "\",\"to_number\":\""
                        + patientNumber + "\",\"override_agent_id\":\"" + agentId
                        + "\",\"metadata\":{\"reason\":\"recall\"}}")));
        clinic.api().queryParam("call_id", "call_out_1_" + clinic.slug()).get("/api/retell/call").then()
                .statusCode(200).body("data.to_number", org.hamcrest.Matchers.equalTo(patientNumber))
                .body("data.retell.call_status", org.hamcrest.Matchers.equalTo("ongoing"));
        other.api().queryParam("call_id", "call_out_1_" + clinic.slug()).get("/api/retell/call").then()
                .statusCode(404);
    }

    @Test
    void shouldReportRetellsRejectionClearlyWithoutRetrying() {
        retell.stubFor(post(CREATE_CALL).willReturn(json(400, "{\"status\":\"error\",\"message\":\"to_number is not reachable\"}")));

        clinic.api().body(outbound(agentId, clinicNumber)).post("/api/retell/call").then().statusCode(422)
                .body("error.code", org.hamcrest.Matchers.equalTo("VALIDATION_FAILED"))
                .body("error.message", containsString("to_number is not reachable"));

        retell.verify(1, postRequestedFor(urlPathEqualTo(CREATE_CALL)));
    }

    @Test
    void shouldRetryRetellServerErrorsABoundedNumberOfTimes() {
        retell.stubFor(post(CREATE_CALL).willReturn(json(503, "{\"message\":\"upstream exploded at db-7\"}")));

        clinic.api().body(outbound(agentId, clinicNumber)).post("/api/retell/call").then().statusCode(502)
                .body("error.message", containsString("Retell's API is failing"))
                .body("error.message", not(containsString("db-7")));

        retell.verify(3, postRequestedFor(urlPathEqualTo(CREATE_CALL)));
    }

    @Test
    void shouldSucceedWhenRetellRecoversWithinTheRetries() {
        retell.stubFor(post(CREATE_CALL).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(json(500, "{}")).willSetStateTo("recovered"));
        retell.stubFor(post(CREATE_CALL).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(201, "{\"call_id\":\"call_flaky_" + clinic.slug() + "\"}")));

        clinic.api().body(outbound(agentId, clinicNumber)).post("/api/retell/call").then().statusCode(200);

        retell.verify(2, postRequestedFor(urlPathEqualTo(CREATE_CALL)));
    }

    @Test
    void shouldGiveUpOnATimeoutWithoutPlacingASecondCall() {
        retell.stubFor(post(CREATE_CALL).willReturn(json(201, "{\"call_id\":\"late\"}").withFixedDelay(2500)));

        clinic.api().body(outbound(agentId, clinicNumber)).post("/api/retell/call").then().statusCode(504)
                .body("error.message", containsString("did not answer in time"));

        retell.verify(1, postRequestedFor(urlPathEqualTo(CREATE_CALL)));
    }

    @Test
    void shouldRetryATimedOutReadOfTheCall() {
        retell.stubFor(post(CREATE_CALL).willReturn(json(201, "{\"call_id\":\"call_slow_" + clinic.slug() + "\"}")));
        retell.stubFor(get(urlPathEqualTo("/v2/get-call/call_slow_" + clinic.slug()))
                .willReturn(json(200, "{}").withFixedDelay(2500)));
        clinic.api().body(outbound(agentId, clinicNumber)).post("/api/retell/call").then().statusCode(200);

        clinic.api().queryParam("call_id", "call_slow_" + clinic.slug()).get("/api/retell/call").then()
                .statusCode(200).body("data.retell_error", containsString("did not answer in time"));

        retell.verify(3, anyRequestedFor(urlPathEqualTo("/v2/get-call/call_slow_" + clinic.slug())));
    }

    @Test
    void shouldRejectAnotherClinicsAgentOrNumberWithoutCallingRetell() {
        clinic.api().body(outbound("agent_" + other.slug(), clinicNumber)).post("/api/retell/call").then()
                .statusCode(404).body("error.message", containsString("Agent"));
        String othersNumber = newNumber();
        fixture.addChannel(other, OrganizationChannel.PHONE_NUMBER, othersNumber);
        clinic.api().body(outbound(agentId, othersNumber)).post("/api/retell/call").then().statusCode(404);
        clinic.api().body(Map.of("agent_id", "agent_" + other.slug())).post("/api/retell/create-web-call").then()
                .statusCode(404);

        retell.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldCreateAWebCallForTheClinicsAgentAndPassOnWhatTheBrowserNeeds() {
        retell.stubFor(post("/v3/create-web-call").willReturn(json(201, "{\"call_id\":\"call_web_" + clinic.slug()
                + "\",\"access_token\":\"tok_123\",\"expires_at\":1767000030000,\"transport\":\"gateway\","
                + "\"ice_servers\":[{\"urls\":[\"turn:turn.retell.test:3478\",\"turns:turn.retell.test:443\"],"
                + "\"username\":\"u1\",\"credential\":\"c1\"},{\"urls\":\"stun:stun.retell.test:3478\"}]}")));

        clinic.api().body(Map.of("agent_id", agentId, "metadata", Map.of("page", "booking")))
                .post("/api/retell/create-web-call").then().statusCode(200)
                .body("data.access_token", org.hamcrest.Matchers.equalTo("tok_123"))
                .body("data.call_id", org.hamcrest.Matchers.equalTo("call_web_" + clinic.slug()))
                .body("data.agent_id", org.hamcrest.Matchers.equalTo(agentId))
                .body("data.expires_at", org.hamcrest.Matchers.equalTo(1767000030000L))
                .body("data.transport", org.hamcrest.Matchers.equalTo("gateway"))
                .body("data.ice_servers[0].urls", org.hamcrest.Matchers.contains("turn:turn.retell.test:3478",
                        "turns:turn.retell.test:443"))
                .body("data.ice_servers[0].username", org.hamcrest.Matchers.equalTo("u1"))
                .body("data.ice_servers[0].credential", org.hamcrest.Matchers.equalTo("c1"))
                .body("data.ice_servers[1].urls", org.hamcrest.Matchers.equalTo("stun:stun.retell.test:3478"))
                .body("data.ice_servers[1]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("username")));

        retell.verify(1, postRequestedFor(urlPathEqualTo("/v3/create-web-call"))
                .withRequestBody(equalToJson("{\"agent_id\":\"" + agentId + "\",\"metadata\":{\"page\":\"booking\"}}")));
        retell.verify(0, postRequestedFor(urlPathEqualTo("/v2/create-web-call")));
        clinic.api().queryParam("call_id", "call_web_" + clinic.slug()).get("/api/retell/call").then()
                .statusCode(200).body("data.call_type", org.hamcrest.Matchers.equalTo("web_call"))
                .body("data.status", org.hamcrest.Matchers.equalTo("registered"));
    }

    @Test
    void shouldRequireAClinicCredential() {
        io.restassured.RestAssured.given().contentType("application/json").body(outbound(agentId, clinicNumber))
                .post("/api/retell/call").then().statusCode(401);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
