package com.dentaldesk.booking.console.agents;

import java.util.List;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.dentaldesk.booking.agents.AgentRequests.Agent;
import com.dentaldesk.booking.agents.AgentRequests.CreateAgent;
import com.dentaldesk.booking.agents.AgentService;
import com.dentaldesk.booking.audit.AuditTrail;
import com.dentaldesk.booking.console.Console;
import com.dentaldesk.booking.console.SignedInClinic;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.retell.RetellConfig;
import com.dentaldesk.booking.tenancy.ClinicChannels;
import com.dentaldesk.booking.tenancy.OrganizationChannel;
import com.dentaldesk.booking.tenancy.TenantContext;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The clinic's voice agents, a form to create one (through the agents API's service, so a Retell agent is
 * provisioned at Retell), and the two URLs to paste into Retell when setting an agent up by hand.
 */
@Path(Console.AGENTS)
public class AgentsPage {

    /** The page: agents, setup URLs (null when not configured), the form as last sent, and what went wrong. */
    public record AgentsView(List<Agent> agents, String gatewayUrl, String webhookUrl, CreateAgent form,
            String error, boolean created, List<Connection> connections) {
    }

    /** An agent id or number that routes calls to this clinic. */
    public record Connection(long id, String what, String value) {
    }

    @CheckedTemplate(basePath = "console/agents")
    static class Templates {
        static native TemplateInstance list(AgentsView view);
    }

    private static final CreateAgent EMPTY_FORM = new CreateAgent("", "", "retell", "", "");

    private final AgentService agents;
    private final RetellConfig retell;
    private final ClinicChannels channels;
    private final TenantContext tenant;
    private final AuditTrail audit;
    private final SignedInClinic signedIn;

    public AgentsPage(AgentService agents, RetellConfig retell, ClinicChannels channels, TenantContext tenant,
            AuditTrail audit, SignedInClinic signedIn) {
        this.agents = agents;
        this.retell = retell;
        this.channels = channels;
        this.tenant = tenant;
        this.audit = audit;
        this.signedIn = signedIn;
    }

    @GET
    public TemplateInstance list(@QueryParam("created") boolean created) {
        return Templates.list(view(EMPTY_FORM, null, created));
    }

    @POST
    public Response create(@FormParam("name") String name, @FormParam("description") String description,
            @FormParam("providerType") String providerType, @FormParam("voiceId") String voiceId,
            @FormParam("areaCode") String areaCode) {
        CreateAgent form = new CreateAgent(name, description, providerType, voiceId, areaCode);
        try {
            Agent agent = agents.create(form);
            audit.record(signedIn.actor(), "Created an agent", agent.name());
            return Console.seeOther(Console.AGENTS + "?created=true").build();
        } catch (BookingException e) {
            return Console.rejected(e, Templates.list(view(form, e.getMessage(), false)));
        }
    }

    @POST
    @Path("/connections/{id}/remove")
    public Response disconnect(@PathParam("id") long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            OrganizationChannel channel = channels.disconnect(tenant.organizationId(), id);
            audit.record(signedIn.actor(), "Disconnected a number or agent", describe(channel.kind) + " "
                    + channel.value);
        });
        return Console.seeOther(Console.AGENTS + "#connections").build();
    }

    private AgentsView view(CreateAgent form, String error, boolean created) {
        List<Connection> connections = channels.ofClinic(tenant.organizationId()).stream()
                .map(channel -> new Connection(channel.id, describe(channel.kind), channel.value)).toList();
        return new AgentsView(agents.list(), retell.gatewayWsUrl().map(AgentsPage::withoutSecret).orElse(null),
                retell.webhookUrl().orElse(null), form, error, created, connections);
    }

    private static String describe(String kind) {
        return OrganizationChannel.PHONE_NUMBER.equals(kind) ? "Phone number" : "Retell agent";
    }

    /**
     * The gateway URL with its socket secret replaced by a placeholder. The secret is one for the whole deployment:
     * shown to a clinic's staff it would let anyone who reads the page open agent sockets for any clinic. Agents
     * created here get the real URL from the server; for one made by hand the operator supplies the secret.
     */
    static String withoutSecret(String url) {
        return url.replaceFirst("(/llm-websocket/)[^/?#]+", "$1" + SECRET_PLACEHOLDER)
                .replaceFirst("([?&]secret=)[^&#]+", "$1" + SECRET_PLACEHOLDER);
    }

    static final String SECRET_PLACEHOLDER = "<socket secret>";
}
