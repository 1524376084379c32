package com.dentaldesk.booking.agents;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import com.dentaldesk.booking.agents.AgentRequests.Agent;
import com.dentaldesk.booking.agents.AgentRequests.CreateAgent;
import com.dentaldesk.booking.agents.AgentRequests.UpdateAgent;
import com.dentaldesk.contracts.booking.ApiResponse;

/** The clinic's voice agents; Retell agents are provisioned at Retell on create and removed there on delete. */
@Path("/api/agents")
public class AgentResource {

    private final AgentService agents;

    public AgentResource(AgentService agents) {
        this.agents = agents;
    }

    @GET
    public ApiResponse<List<Agent>> list() {
        return ApiResponse.ok(agents.list());
    }

    @POST
    public ApiResponse<Agent> create(CreateAgent request) {
        return ApiResponse.ok(agents.create(request));
    }

    @GET
    @Path("/{id}")
    public ApiResponse<Agent> get(@PathParam("id") long id) {
        return ApiResponse.ok(agents.get(id));
    }

    @PATCH
    @Path("/{id}")
    public ApiResponse<Agent> update(@PathParam("id") long id, UpdateAgent request) {
        return ApiResponse.ok(agents.update(id, request));
    }

    @DELETE
    @Path("/{id}")
    public ApiResponse<Map<String, Object>> delete(@PathParam("id") long id) {
        agents.delete(id);
        return ApiResponse.ok(Map.of("id", id, "deleted", true));
    }
}
