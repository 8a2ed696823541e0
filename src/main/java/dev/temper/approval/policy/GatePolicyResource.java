package dev.temper.approval.policy;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageParameters;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A team's approval gate policy: members read it and its versions, admins of the team write a new version. */
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/policies/{team}")
public class GatePolicyResource {

    private final GatePolicyService policies;
    private final CurrentUserProvider users;

    GatePolicyResource(GatePolicyService policies, CurrentUserProvider users) {
        this.policies = policies;
        this.users = users;
    }

    @GET
    public PolicyDto current(@PathParam("team") String team) {
        return PolicyDto.of(policies.current(users.get(), team));
    }

    @GET
    @Path("/versions")
    public Page<PolicyDto> versions(@PathParam("team") String team, @BeanParam PageParameters paging) {
        return policies.versions(users.get(), team, paging.request()).map(PolicyDto::of);
    }

    @PUT
    public PolicyDto update(@PathParam("team") String team, PolicyEdit edit) {
        return PolicyDto.of(policies.update(users.get(), team, edit));
    }
}
