package com.dentaldesk.booking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dentaldesk.booking.support.ClinicFixture;
import com.dentaldesk.booking.support.ClinicFixture.Clinic;
import com.dentaldesk.booking.support.EmbeddedPostgresResource;
import com.dentaldesk.booking.support.RetellEvents;
import com.dentaldesk.booking.support.RetellWireMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(RetellWireMock.class)
class RetellAgentProvisioningTest {

    @Inject
    ClinicFixture fixture;

    WireMockServer retell;
    Clinic clinic;
    String retellAgentId;
    String number;

    @BeforeEach
    void retellThatCreatesAgents() {
        retell = RetellWireMock.server();
        retell.resetAll();
        clinic = fixture.create("America/New_York");
        retellAgentId = "agent_" + UUID.randomUUID().toString().replace("-", "");
        number = RetellEvents.newNumber();
        retell.stubFor(post("/create-agent").willReturn(json(201, "{\"agent_id\":\"" + retellAgentId + "\"}")));
        retell.stubFor(delete(urlPathMatching("/delete-agent/.*")).willReturn(aResponse().withStatus(204)));
        retell.stubFor(delete(urlPathMatching("/delete-phone-number/.*")).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void shouldCreateARetellAgentPointedAtTheGatewayAndRouteItsCallsToTheClinic() {
        clinic.api().body(Map.of("name", "Front desk", "description", "Main line")).post("/api/agents").then()
                .statusCode(200).body("data.provider_type", equalTo("retell"))
                .body("data.voice_id", equalTo("11labs-Jenny")).body("data.status", equalTo("active"))
                .body("data.retell_agent_id", equalTo(retellAgentId)).body("data.phone_number", nullValue());

        retell.verify(1, postRequestedFor(urlPathEqualTo("/create-agent"))
                .withRequestBody(matchingJsonPath("$.response_engine.type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("custom-llm")))
                .withRequestBody(matchingJsonPath("$.response_engine.llm_websocket_url",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("wss://gateway.test/llm-websocket/test-socket-secret")))
                .withRequestBody(matchingJsonPath("$.webhook_url",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("https://booking.test/api/retell/webhook")))
                .withRequestBody(matchingJsonPath("$.agent_name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Front desk"))));
        retell.verify(0, postRequestedFor(urlPathEqualTo("/create-phone-number")));
        resolvesToClinic("agent_id", retellAgentId);
        clinic.api().get("/api/agents").then().body("data", hasSize(1));
    }

    @Test
    void shouldBuyAndBindANumberWhenAnAreaCodeIsGiven() {
        retell.stubFor(post("/create-phone-number").willReturn(json(201, "{\"phone_number\":\"" + number
                + "\",\"inbound_agents\":[{\"agent_id\":\"" + retellAgentId + "\",\"weight\":1}]}")));

        clinic.api().body(Map.of("name", "Front desk", "area_code", "415", "voice_id", "11labs-Adrian"))
                .post("/api/agents").then().statusCode(200).body("data.phone_number", equalTo(number))
                .body("data.retell_phone_number_id", equalTo(number)).body("data.voice_id", equalTo("11labs-Adrian"));

        retell.verify(1, postRequestedFor(urlPathEqualTo("/create-phone-number")).withRequestBody(equalToJson(
                "{\"area_code\":415,\"inbound_agents\":[{\"agent_id\":\"" + retellAgentId + "\",\"weight\":1.0}],"
                        + "\"outbound_agents\":[{\"agent_id\":\"" + retellAgentId + "\",\"weight\":1.0}]}")));
        resolvesToClinic("to_number", number);
    }

    @Test
    void shouldBindTheNumberThroughAgentListsWhenRetellRefusesTheSingleAgentFields() {
        // Retell as of 2026-04: the single-agent fields are refused, the weighted lists accepted.
        retell.stubFor(post("/create-phone-number").atPriority(1)
                .withRequestBody(matchingJsonPath("$.inbound_agent_id"))
                .willReturn(json(400, "{\"message\":\"inbound_agent_id is no longer supported\"}")));
        retell.stubFor(post("/create-phone-number").atPriority(1)
                .withRequestBody(matchingJsonPath("$.outbound_agent_id"))
                .willReturn(json(400, "{\"message\":\"outbound_agent_id is no longer supported\"}")));
        retell.stubFor(post("/create-phone-number").atPriority(2)
                .withRequestBody(matchingJsonPath("$.inbound_agents[0].agent_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(retellAgentId)))
                .withRequestBody(matchingJsonPath("$.outbound_agents[0].agent_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(retellAgentId)))
                .willReturn(json(201, "{\"phone_number\":\"" + number + "\",\"phone_number_type\":\"retell-twilio\","
                        + "\"last_modification_timestamp\":1767000000000,\"inbound_agents\":[{\"agent_id\":\""
                        + retellAgentId + "\",\"weight\":1}],\"outbound_agents\":[{\"agent_id\":\"" + retellAgentId
                        + "\",\"weight\":1}]}")));
        retell.stubFor(post("/create-phone-number").atPriority(3)
                .willReturn(json(400, "{\"message\":\"an agent is required\"}")));

        clinic.api().body(Map.of("name", "Front desk", "area_code", "415")).post("/api/agents").then()
                .statusCode(200).body("data.status", equalTo("active")).body("data.phone_number", equalTo(number));

        retell.verify(1, postRequestedFor(urlPathEqualTo("/create-phone-number")));
        retell.verify(0, deleteRequestedFor(urlPathMatching("/delete-agent/.*")));
        resolvesToClinic("agent_id", retellAgentId);
        resolvesToClinic("to_number", number);
    }

    @Test
    void shouldDeleteTheRetellAgentWhenBuyingTheNumberFails() {
        retell.stubFor(post("/create-phone-number").willReturn(json(400,
                "{\"message\":\"No phone numbers available in area code 999\"}")));

        clinic.api().body(Map.of("name", "Front desk", "area_code", "999")).post("/api/agents").then()
                .statusCode(422).body("error.message", containsString("area code 999"))
                .body("error.message", containsString("agent was not created"));

        retell.verify(1, deleteRequestedFor(urlPathEqualTo("/delete-agent/" + retellAgentId)));
        clinic.api().get("/api/agents").then().body("data", hasSize(0));
        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN).queryParam("agent_id", retellAgentId)
                .get("/api/organizations/resolve").then().statusCode(404);
    }

    @Test
    void shouldReportAFailingRetellWithoutKeepingAnything() {
        retell.stubFor(post("/create-agent").willReturn(json(500, "{\"message\":\"stack trace here\"}")));

        clinic.api().body(Map.of("name", "Front desk")).post("/api/agents").then().statusCode(502)
                .body("error.message", containsString("Retell's API is failing"));

        retell.verify(3, postRequestedFor(urlPathEqualTo("/create-agent")));
        clinic.api().get("/api/agents").then().body("data", hasSize(0));
    }

    @Test
    void shouldStoreTwilioAndVapiAgentsAsNotProvisionedWithoutCallingRetell() {
        clinic.api().body(Map.of("name", "Twilio line", "provider_type", "twilio")).post("/api/agents").then()
                .statusCode(200).body("data.status", equalTo("not_provisioned"))
                .body("data.status_message", containsString("not provisioned automatically"));
        clinic.api().body(Map.of("name", "Vapi line", "provider_type", "vapi")).post("/api/agents").then()
                .statusCode(200).body("data.provider_type", equalTo("vapi"));
        clinic.api().body(Map.of("name", "Other", "provider_type", "bland")).post("/api/agents").then()
                .statusCode(422);

        retell.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldTreatAnotherClinicsAgentAsNotFound() {
        long id = clinic.api().body(Map.of("name", "Mine", "provider_type", "vapi")).post("/api/agents").then()
                .statusCode(200).extract().jsonPath().getLong("data.id");
        Clinic other = fixture.create("America/Chicago");

        other.api().get("/api/agents/" + id).then().statusCode(404);
        other.api().body(Map.of("name", "Stolen")).patch("/api/agents/" + id).then().statusCode(404);
        other.api().delete("/api/agents/" + id).then().statusCode(404);
        other.api().get("/api/agents").then().body("data", hasSize(0));
        clinic.api().get("/api/agents/" + id).then().statusCode(200).body("data.name", equalTo("Mine"));
    }

    @Test
    void shouldRenameAtRetellAndDeleteAgentAndNumberThere() {
        retell.stubFor(post("/create-phone-number").willReturn(json(201, "{\"phone_number\":\"" + number + "\"}")));
        retell.stubFor(patch(urlPathMatching("/update-agent/.*")).willReturn(json(200, "{}")));
        long id = clinic.api().body(Map.of("name", "Front desk", "area_code", "415")).post("/api/agents").then()
                .statusCode(200).extract().jsonPath().getLong("data.id");

        clinic.api().body(Map.of("name", "Reception")).patch("/api/agents/" + id).then().statusCode(200)
                .body("data.name", equalTo("Reception"));
        retell.verify(1, patchRequestedFor(urlPathEqualTo("/update-agent/" + retellAgentId))
                .withRequestBody(equalToJson("{\"agent_name\":\"Reception\"}")));

        clinic.api().delete("/api/agents/" + id).then().statusCode(200);
        retell.verify(1, deleteRequestedFor(urlPathEqualTo("/delete-agent/" + retellAgentId)));
        retell.verify(1, deleteRequestedFor(urlPathMatching("/delete-phone-number/.*")));
        clinic.api().get("/api/agents/" + id).then().statusCode(404);
        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN).queryParam("agent_id", retellAgentId)
                .get("/api/organizations/resolve").then().statusCode(404);
    }

    private void resolvesToClinic(String param, String value) {
        given().header("Authorization", "Bearer " + ClinicFixture.SERVICE_TOKEN).queryParam(param, value)
                .get("/api/organizations/resolve").then().statusCode(200).body("data.slug", equalTo(clinic.slug()));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
