using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Api;
using static KeySell.Web.Tests.Access.Expect;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Access;

/// <summary>One row of the matrix: a route, the request a case sends, and what each persona must get.</summary>
/// <param name="Template">The route as the app maps it, without constraints (<c>{id}</c>, not <c>{id:guid}</c>).</param>
/// <param name="Scenario">Tells apart two rows of one route (e.g. one's own colleague and someone else's).</param>
/// <param name="Request">Builds the request; rows that change or delete something arrange fresh records first.</param>
public sealed record MatrixRow(string Method, string Template, Expect Expect, Func<AccessWorld, Persona, Task<HttpRequestMessage>> Request, string? Scenario = null)
{
    public string Key => Scenario is null ? $"{Method} {Template}" : $"{Method} {Template} ({Scenario})";
}

/// <summary>
/// Every route under /api with the status each persona must get, from contract 1 (team-access.md
/// and api.md). A new endpoint needs a row here, or <c>Table_CoversEveryApiRoute</c> fails.
/// </summary>
/// <remarks>
/// Read rows use the world's main records, which nothing changes. Rows that change or delete use
/// records the owner creates for that one case (<see cref="AccessWorld.FreshAsync"/>), so no case
/// depends on another. Rows written from the contract for routes the app does not map yet are
/// skipped with that reason until the route lands.
/// </remarks>
public static class AccessMatrix
{
    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        // ---- Accounts ---------------------------------------------------------------------------
        new("GET", "/api/accounts", AnyUser(), (w, _) => Get("/api/accounts")),
        new("GET", "/api/accounts/{id}", Read(), (w, _) => Get($"/api/accounts/{w.Main.AccountId}")),
        // Viewers write nothing; everyone else may add an account, which becomes theirs.
        new("POST", "/api/accounts", AllButViewers(201), (w, _) => Ready(Send(HttpMethod.Post, "/api/accounts", new { name = $"New account {Guid.NewGuid():N}" }))),
        new("PUT", "/api/accounts/{id}", WriteAccount(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Put, $"/api/accounts/{r.AccountId}", new { name = r.AccountName + " renamed", version = await w.VersionAsync($"/api/accounts/{r.AccountId}") });
        }),
        // An account with a deal cannot be deleted, so this one has none, and the share personas (who
        // read an account only through a deal shared with them) cannot know it: 404.
        new("DELETE", "/api/accounts/{id}", WriteAccount(204) with { ReadShare = 404, EditShare = 404 }, async (w, _) =>
        {
            var r = await w.FreshAsync(deal: false);
            return Send(HttpMethod.Delete, $"/api/accounts/{r.AccountId}?version={await w.VersionAsync($"/api/accounts/{r.AccountId}")}");
        }),
        new("POST", "/api/accounts/{id}/relations", WriteAccount(201), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Post, $"/api/accounts/{r.AccountId}/relations", new { relatedAccountId = w.RelatedAccountId, type = "partner" });
        }),
        new("DELETE", "/api/accounts/{id}/relations/{relationId}", WriteAccount(204), async (w, _) =>
        {
            var r = await w.FreshAsync();
            var relation = await AccessWorld.PostAsync(w.Client(Persona.Owner), $"/api/accounts/{r.AccountId}/relations", new { relatedAccountId = w.RelatedAccountId, type = "upstream" });
            return Send(HttpMethod.Delete, $"/api/accounts/{r.AccountId}/relations/{relation.Id()}");
        }),
        new("POST", "/api/accounts/{id}/departments", WriteAccount(201), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Post, $"/api/accounts/{r.AccountId}/departments", new { name = "Procurement" });
        }),
        new("PUT", "/api/departments/{id}", WriteAccount(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Put, $"/api/departments/{r.DepartmentId}", new { name = "Group finance", version = await DepartmentVersionAsync(w, r) });
        }),
        new("DELETE", "/api/departments/{id}", WriteAccount(204), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Delete, $"/api/departments/{r.DepartmentId}?version={await DepartmentVersionAsync(w, r)}");
        }),

        // ---- People (part of the account: read A / write A) ---------------------------------------
        new("GET", "/api/accounts/{accountId}/people", Read(), (w, _) => Get($"/api/accounts/{w.Main.AccountId}/people")),
        new("GET", "/api/accounts/{accountId}/org-chart", Read(), (w, _) => Get($"/api/accounts/{w.Main.AccountId}/org-chart")),
        new("GET", "/api/people/{id}", Read(), (w, _) => Get($"/api/people/{w.Main.PersonId}")),
        // The account is named in the body, not the route: for those who cannot read it, it does not
        // exist, so they get what an unknown accountId gets (400 naming accountId).
        new("POST", "/api/people", WriteAccount(201) with { Outsider = 400, OtherManager = 400 }, async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Post, "/api/people", new { accountId = r.AccountId, name = "Zhou Min", title = "CIO" });
        }),
        new("PUT", "/api/people/{id}", WriteAccount(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Put, $"/api/people/{r.PersonId}", new { name = "Li Wei", title = "Group CFO", status = "active", version = await w.VersionAsync($"/api/people/{r.PersonId}") });
        }),
        // A person on a deal cannot be deleted, so this one is on none (the account still has a deal).
        new("DELETE", "/api/people/{id}", WriteAccount(204), async (w, _) =>
        {
            var r = await w.FreshAsync(influence: false);
            return Send(HttpMethod.Delete, $"/api/people/{r.PersonId}?version={await w.VersionAsync($"/api/people/{r.PersonId}")}");
        }),

        // ---- Colleagues: everyone reads; all but viewers add; admins edit, each user their own name and title
        new("GET", "/api/colleagues", AnyUser(), (w, _) => Get("/api/colleagues")),
        new("GET", "/api/colleagues/{id}", AnyUser(), (w, _) => Get($"/api/colleagues/{w.UserOf(Persona.Owner).ColleagueId}")),
        new("POST", "/api/colleagues", AllButViewers(201), (w, _) => Ready(Send(HttpMethod.Post, "/api/colleagues", new { name = $"Colleague {Guid.NewGuid():N}" }))),
        new("PUT", "/api/colleagues/{id}", AdminOnly(200), async (w, _) =>
        {
            var colleague = await AccessWorld.PostAsync(w.Client(Persona.Admin), "/api/colleagues", new { name = $"Colleague {Guid.NewGuid():N}" });
            return Send(HttpMethod.Put, $"/api/colleagues/{colleague.Id()}", new { name = colleague.Text("name"), title = "Solution architect", version = colleague.Version() });
        }, "someone else"),
        new("PUT", "/api/colleagues/{id}", AnyUser(200), async (w, p) =>
        {
            if (p == Persona.Anonymous) return Send(HttpMethod.Put, $"/api/colleagues/{w.UserOf(Persona.Owner).ColleagueId}", new { name = "x", version = 1 });
            var own = await w.Client(Persona.Admin).GetObjectAsync($"/api/colleagues/{w.UserOf(p).ColleagueId}");
            return Send(HttpMethod.Put, $"/api/colleagues/{own.Id()}", new { name = own.Text("name"), title = $"Title {Guid.NewGuid():N}", email = own["email"]?.GetValue<string>(), version = own.Version() });
        }, "own name and title"),
        new("DELETE", "/api/colleagues/{id}", AdminOnly(204), async (w, _) =>
        {
            var colleague = await AccessWorld.PostAsync(w.Client(Persona.Admin), "/api/colleagues", new { name = $"Colleague {Guid.NewGuid():N}" });
            return Send(HttpMethod.Delete, $"/api/colleagues/{colleague.Id()}?version={colleague.Version()}");
        }),

        // ---- Opportunities ------------------------------------------------------------------------
        new("GET", "/api/opportunities", AnyUser(), (w, _) => Get("/api/opportunities")),
        new("GET", "/api/opportunities/{id}", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}")),
        // A new deal is its creator's own (a seller writes their own records); viewers write nothing.
        // The account is named in the body: for those who cannot read it, it is an unknown accountId (400).
        new("POST", "/api/opportunities", AllButViewers(201) with { Outsider = 400, OtherManager = 400 }, (w, _) =>
            Ready(Send(HttpMethod.Post, "/api/opportunities", NewDeal(w.Main.AccountId)))),
        new("PUT", "/api/opportunities/{id}", WriteDeal(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            var body = NewDeal(r.AccountId);
            body.Remove("accountId");
            body["name"] = "Renamed deal";
            body["version"] = await w.VersionAsync($"/api/opportunities/{r.Deal}");
            return Send(HttpMethod.Put, $"/api/opportunities/{r.Deal}", body);
        }),
        new("DELETE", "/api/opportunities/{id}", WriteDeal(204), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Delete, $"/api/opportunities/{r.Deal}?version={await w.VersionAsync($"/api/opportunities/{r.Deal}")}");
        }),
        new("PUT", "/api/opportunities/{id}/lists", WriteDeal(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Put, $"/api/opportunities/{r.Deal}/lists", new
            {
                version = await w.VersionAsync($"/api/opportunities/{r.Deal}"),
                strengths = new[] { new { text = "Local support centre" } },
                redFlags = new[] { new { text = "Budget freeze" } },
                objections = new[] { new { text = "Price above budget" } },
            });
        }),
        new("GET", "/api/opportunities/{id}/analysis", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/analysis")),
        new("GET", "/api/opportunities/{id}/sheet", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/sheet")),
        new("GET", "/api/opportunities/{id}/sheet", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/sheet?at={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}"), "at an instant"),
        // The one-page documents read exactly what the sheet reads (decision 0028).
        new("GET", "/api/opportunities/{id}/sheet.pdf", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/sheet.pdf?lang=zh-CN")),
        new("GET", "/api/opportunities/{id}/sheet.xlsx", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/sheet.xlsx?lang=en")),
        // An account's PDF holds the open deals the caller reads; who cannot read the account gets 404.
        new("GET", "/api/accounts/{id}/sheets.pdf", Read(), (w, _) => Get($"/api/accounts/{w.Main.AccountId}/sheets.pdf")),
        new("PUT", "/api/opportunities/{id}/sheet", WriteDeal(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            var response = await w.Client(Persona.Owner).GetAsync($"/api/opportunities/{r.Deal}/sheet", Ct);
            response.EnsureSuccessStatusCode();
            var sheet = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
            // A real change, so nothing can pass for a no-op.
            sheet["redFlags"] = new JsonArray(new JsonObject { ["text"] = "Rumoured reorganisation", ["influence"] = null });
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/opportunities/{r.Deal}/sheet")
            {
                Content = new StringContent(sheet.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("If-Match", response.Headers.ETag!.ToString());
            return request;
        }),

        // ---- Buying influences (part of the deal: read O / write O) -------------------------------
        new("POST", "/api/opportunities/{id}/influences", WriteDeal(201), async (w, _) =>
        {
            var r = await w.FreshAsync(influence: false);
            return Send(HttpMethod.Post, $"/api/opportunities/{r.Deal}/influences", new { personId = r.PersonId, roles = new[] { "user" }, support = 2 });
        }),
        new("GET", "/api/influences/{id}", Read(), (w, _) => Get($"/api/influences/{w.Main.Influence}")),
        new("PUT", "/api/influences/{id}", WriteDeal(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Put, $"/api/influences/{r.Influence}", new { version = await w.VersionAsync($"/api/influences/{r.Influence}"), roles = new[] { "economic", "coach" }, support = 4 });
        }),
        new("DELETE", "/api/influences/{id}", WriteDeal(204), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Delete, $"/api/influences/{r.Influence}?version={await w.VersionAsync($"/api/influences/{r.Influence}")}");
        }),

        // ---- Process milestones and calls (part of the deal: read O / write O; each item its own version) ----
        new("GET", "/api/opportunities/{id}/milestones", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/milestones")),
        new("PUT", "/api/opportunities/{id}/milestones/{milestone}", WriteDeal(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Put, $"/api/opportunities/{r.Deal}/milestones/confirm-opportunity", new { done = "2026-09-10", evidence = "Budget line seen", version = 0 });
        }),
        new("GET", "/api/opportunities/{id}/calls", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/calls")),
        new("POST", "/api/opportunities/{id}/calls", WriteDeal(201), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Post, $"/api/opportunities/{r.Deal}/calls", new { date = "2026-12-03", commitment = "A pilot in one plant" });
        }),
        new("GET", "/api/opportunities/{id}/calls/suggestions", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/calls/suggestions")),
        new("GET", "/api/opportunities/{id}/calls/{callId}", Read(), async (w, _) =>
        {
            var r = await w.FreshAsync();
            var call = await AccessWorld.PostAsync(w.Client(Persona.Owner), $"/api/opportunities/{r.Deal}/calls", new { date = "2026-12-03" });
            return Send(HttpMethod.Get, $"/api/opportunities/{r.Deal}/calls/{call.Text("id")}");
        }),
        new("PUT", "/api/opportunities/{id}/calls/{callId}", WriteDeal(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            var call = await AccessWorld.PostAsync(w.Client(Persona.Owner), $"/api/opportunities/{r.Deal}/calls", new { date = "2026-12-03" });
            return Send(HttpMethod.Put, $"/api/opportunities/{r.Deal}/calls/{call.Text("id")}", new { date = "2026-12-04", status = "done", outcome = "advance", version = call.Version() });
        }),
        new("DELETE", "/api/opportunities/{id}/calls/{callId}", WriteDeal(204), async (w, _) =>
        {
            var r = await w.FreshAsync();
            var call = await AccessWorld.PostAsync(w.Client(Persona.Owner), $"/api/opportunities/{r.Deal}/calls", new { date = "2026-12-03" });
            return Send(HttpMethod.Delete, $"/api/opportunities/{r.Deal}/calls/{call.Text("id")}?version={call.Version()}");
        }),
        // ---- The selling toolkit's sections (part of the deal: read O / write O; an account's SWOT: read A / write A) ----
        new("GET", "/api/opportunities/{id}/needs", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/needs")),
        new("PUT", "/api/opportunities/{id}/needs", WriteDeal(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Put, $"/api/opportunities/{r.Deal}/needs", new
            {
                version = 0, currentState = "Month-end close takes 12 days",
                branches = new[] { new { layer = "finance", problem = "Cash tied up", solution = "Matching", children = Array.Empty<object>() } },
            });
        }),
        new("DELETE", "/api/opportunities/{id}/needs", WriteDeal(204), async (w, _) =>
        {
            var r = await w.FreshAsync();
            await AccessWorld.PutOkAsync(w.Client(Persona.Owner), $"/api/opportunities/{r.Deal}/needs", new { version = 0, currentState = "State", branches = Array.Empty<object>() });
            return Send(HttpMethod.Delete, $"/api/opportunities/{r.Deal}/needs?version=1");
        }),
        new("GET", "/api/opportunities/{id}/swot", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/swot")),
        new("PUT", "/api/opportunities/{id}/swot", WriteDeal(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Put, $"/api/opportunities/{r.Deal}/swot", new { version = 0, strengths = new[] { "Local support centre" } });
        }),
        new("GET", "/api/accounts/{id}/swot", Read(), (w, _) => Get($"/api/accounts/{w.Main.AccountId}/swot")),
        new("PUT", "/api/accounts/{id}/swot", WriteAccount(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Put, $"/api/accounts/{r.AccountId}/swot", new { version = 0, threats = new[] { "Incumbent's price cut" } });
        }),
        new("GET", "/api/opportunities/{id}/influence-lines", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/influence-lines")),
        new("POST", "/api/opportunities/{id}/influence-lines", WriteDeal(201), async (w, _) =>
        {
            var r = await FreshWithTwoInfluencesAsync(w);
            return Send(HttpMethod.Post, $"/api/opportunities/{r.Deal}/influence-lines", new { from = "li-wei", to = "zhang-min", strength = "strong" });
        }),
        new("PUT", "/api/opportunities/{id}/influence-lines/{lineId}", WriteDeal(200), async (w, _) =>
        {
            var (r, line) = await FreshLineAsync(w);
            return Send(HttpMethod.Put, $"/api/opportunities/{r.Deal}/influence-lines/{line}", new { from = "li-wei", to = "zhang-min", strength = "weak", note = "Matrix", version = 1 });
        }),
        new("DELETE", "/api/opportunities/{id}/influence-lines/{lineId}", WriteDeal(204), async (w, _) =>
        {
            var (r, line) = await FreshLineAsync(w);
            return Send(HttpMethod.Delete, $"/api/opportunities/{r.Deal}/influence-lines/{line}?version=1");
        }),

        // ---- Relationship maps (decision 0029): read with the deal or account; positions are the reader's own view,
        // so whoever reads the map arranges it (viewers and read shares too); the account's own lines are write A.
        new("GET", "/api/opportunities/{id}/map", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/map")),
        new("PUT", "/api/opportunities/{id}/map/positions", Read(), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Put, $"/api/opportunities/{r.Deal}/map/positions", new { positions = new[] { new { personId = r.PersonId, x = 10, y = 20 } } });
        }),
        new("DELETE", "/api/opportunities/{id}/map/positions", Read(204), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Delete, $"/api/opportunities/{r.Deal}/map/positions");
        }),
        new("GET", "/api/accounts/{id}/map", Read(), (w, _) => Get($"/api/accounts/{w.Main.AccountId}/map")),
        new("PUT", "/api/accounts/{id}/map/positions", Read(), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Put, $"/api/accounts/{r.AccountId}/map/positions", new { positions = new[] { new { personId = r.PersonId, x = -5.5, y = 300 } } });
        }),
        new("DELETE", "/api/accounts/{id}/map/positions", Read(204), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Delete, $"/api/accounts/{r.AccountId}/map/positions");
        }),
        new("GET", "/api/accounts/{id}/person-lines", Read(), (w, _) => Get($"/api/accounts/{w.Main.AccountId}/person-lines")),
        new("POST", "/api/accounts/{id}/person-lines", WriteAccount(201), async (w, _) =>
        {
            var (r, other) = await FreshWithTwoPeopleAsync(w);
            return Send(HttpMethod.Post, $"/api/accounts/{r.AccountId}/person-lines", new { from = r.PersonId, to = other, strength = "strong" });
        }),
        new("PUT", "/api/accounts/{id}/person-lines/{lineId}", WriteAccount(200), async (w, _) =>
        {
            var (r, other, line) = await FreshPersonLineAsync(w);
            return Send(HttpMethod.Put, $"/api/accounts/{r.AccountId}/person-lines/{line}", new { from = r.PersonId, to = other, strength = "weak", note = "Matrix", version = 1 });
        }),
        new("DELETE", "/api/accounts/{id}/person-lines/{lineId}", WriteAccount(204), async (w, _) =>
        {
            var (r, _, line) = await FreshPersonLineAsync(w);
            return Send(HttpMethod.Delete, $"/api/accounts/{r.AccountId}/person-lines/{line}?version=1");
        }),

        // ---- Shares and account teams ---------------------------------------------------------------
        new("GET", "/api/opportunities/{id}/shares", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/shares")),
        new("POST", "/api/opportunities/{id}/shares", WriteDeal(201), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Post, $"/api/opportunities/{r.Deal}/shares", new { userId = w.UserOf(Persona.Outsider).Id, access = "read" });
        }),
        new("DELETE", "/api/opportunities/{id}/shares/{shareId}", WriteDeal(204), async (w, _) =>
        {
            var r = await w.FreshAsync();
            // A read share to the viewer, who reads the deal anyway: removing it changes no persona's rights.
            var share = await AccessWorld.PostAsync(w.Client(Persona.Owner), $"/api/opportunities/{r.Deal}/shares", new { userId = w.UserOf(Persona.Viewer).Id, access = "read" });
            return Send(HttpMethod.Delete, $"/api/opportunities/{r.Deal}/shares/{share.Id()}");
        }),
        new("GET", "/api/accounts/{id}/team", Read(), (w, _) => Get($"/api/accounts/{w.Main.AccountId}/team")),
        new("PUT", "/api/accounts/{id}/team", WriteAccount(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Put, $"/api/accounts/{r.AccountId}/team", new { userIds = new[] { w.UserOf(Persona.Teammate).Id } });
        }),

        // ---- History: read with the record it belongs to --------------------------------------------
        new("GET", "/api/opportunities/{id}/history", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/history")),
        new("GET", "/api/accounts/{id}/history", Read(), (w, _) => Get($"/api/accounts/{w.Main.AccountId}/history")),
        new("GET", "/api/people/{id}/history", Read(), (w, _) => Get($"/api/people/{w.Main.PersonId}/history")),

        // ---- Recycle bin and security log: admins only ----------------------------------------------
        new("GET", "/api/recycle-bin", AdminOnly(200), (w, _) => Get("/api/recycle-bin")),
        new("POST", "/api/recycle-bin/{entity}/{id}/restore", AdminOnly(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            var owner = w.Client(Persona.Owner);
            (await owner.DeleteAsync($"/api/opportunities/{r.Deal}?version={await w.VersionAsync($"/api/opportunities/{r.Deal}")}", Ct)).EnsureSuccessStatusCode();
            return Send(HttpMethod.Post, $"/api/recycle-bin/opportunity/{r.Deal}/restore");
        }),
        new("GET", "/api/security-log", AdminOnly(200), (w, _) => Get("/api/security-log")),

        // ---- Me, users and teams ----------------------------------------------------------------------
        new("GET", "/api/me", AnyUser(), (w, _) => Get("/api/me")),
        new("GET", "/api/users", AdminOnly(200), (w, _) => Get("/api/users")),
        // Open to everyone signed in, like the colleague directory: whom to share a deal with.
        new("GET", "/api/users/picks", AnyUser(), (w, _) => Get("/api/users/picks")),
        new("POST", "/api/users", AdminOnly(201), (w, _) =>
            Ready(Send(HttpMethod.Post, "/api/users", new { email = $"new.{Guid.NewGuid():N}@keysell.test", name = "New user", role = "seller", password = AccessWorld.Password }))),
        new("PUT", "/api/users/{id}", AdminOnly(200), async (w, _) =>
        {
            var user = await AccessWorld.PostAsync(w.Client(Persona.Admin), "/api/users",
                new { email = $"changed.{Guid.NewGuid():N}@keysell.test", name = "To rename", role = "seller", password = AccessWorld.Password });
            return Send(HttpMethod.Put, $"/api/users/{user.Text("id")}", new { name = "Renamed user", role = "viewer", disabled = false });
        }),
        new("GET", "/api/teams", AnyUser(), (w, _) => Get("/api/teams")),
        new("POST", "/api/teams", AdminOnly(201), (w, _) => Ready(Send(HttpMethod.Post, "/api/teams", new { name = $"Team {Guid.NewGuid():N}" }))),
        new("PUT", "/api/teams/{id}/members", AdminOnly(200), async (w, _) =>
        {
            var team = await AccessWorld.PostAsync(w.Client(Persona.Admin), "/api/teams", new { name = $"Team {Guid.NewGuid():N}" });
            return Send(HttpMethod.Put, $"/api/teams/{team.Id()}/members", new { members = new[] { new { userId = w.UserOf(Persona.Teammate).Id, manager = false } } });
        }),

        // ---- Imports: a job and a mapping are their user's own; admins see every job ------------------
        // Viewers write nothing, so they cannot import (403); everyone else's import is theirs.
        new("POST", "/api/imports", AllButViewers(201), (w, _) => Ready(Upload("Id,Name\nX-" + Guid.NewGuid().ToString("N") + ",Imported account\n"))),
        new("GET", "/api/imports", AnyUser(), (w, _) => Get("/api/imports")),
        new("GET", "/api/imports/{id}", OwnJob, async (w, _) => Send(HttpMethod.Get, $"/api/imports/{await OwnersJobAsync(w)}")),
        new("GET", "/api/imports/{id}/errors", OwnJob, async (w, _) => Send(HttpMethod.Get, $"/api/imports/{await OwnersJobAsync(w, wait: true)}/errors")),
        new("POST", "/api/imports/mappings", AllButViewers(200), (w, _) =>
            Ready(Send(HttpMethod.Post, "/api/imports/mappings", new { kind = "accounts", name = $"Mapping {Guid.NewGuid():N}", columns = new Dictionary<string, string> { ["Company"] = "name" } }))),
        // ---- Settings: everyone reads what sums are shown in; only admins change it -----------------
        new("GET", "/api/settings/money", AnyUser(), (w, _) => Get("/api/settings/money")),
        // The same table every time, so no other case sees a changed base currency.
        new("PUT", "/api/settings/money", AdminOnly(200), (w, _) =>
            Ready(Send(HttpMethod.Put, "/api/settings/money", new { baseCurrency = "CNY", rates = new[] { new { currency = "USD", rateToBase = 7.1m } } }))),

        // ---- The manager's review (funnel contract; decision 0021) -----------------------------------
        // Recording a review is the manager's act: managers of a team the owner is in, and admins. The
        // owner, the teammate, the viewer and the shares read the deal but may not review it (403).
        new("POST", "/api/opportunities/{id}/reviews",
            new Expect(Viewer: 403, Owner: 403, Teammate: 403, Outsider: 404, Manager: 201, OtherManager: 404, Admin: 201, ReadShare: 403, EditShare: 403),
            async (w, _) =>
            {
                var r = await w.FreshAsync();
                return Send(HttpMethod.Post, $"/api/opportunities/{r.Deal}/reviews", new { note = "Economic buyer confirmed" });
            }),
        // A deal's reviews are read with the deal.
        new("GET", "/api/opportunities/{id}/reviews", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/reviews")),
        // The team review: the team's managers and admins. A plain member is refused (403), and so is
        // anyone outside the team, as for a team scope of the funnel (the team exists: 403, not 404).
        new("GET", "/api/team-review",
            new Expect(Viewer: 403, Owner: 403, Teammate: 403, Outsider: 403, Manager: 200, OtherManager: 403, Admin: 200, ReadShare: 403, EditShare: 403),
            (w, _) => Get($"/api/team-review?teamId={w.TeamA}")),
        new("GET", "/api/settings/win-rates", AnyUser(), (w, _) => Get("/api/settings/win-rates")),
        // The contract's defaults every time, so no other case sees other rates.
        new("PUT", "/api/settings/win-rates", AdminOnly(200), (w, _) =>
            Ready(Send(HttpMethod.Put, "/api/settings/win-rates", new { above = 0.1m, @in = 0.25m, bestFew = 0.6m }))),

        // ---- Quotas and coverage: a user's own; a manager their managed teams' members'; admins anyone's
        // Everyone lists the quotas they may see (possibly none).
        new("GET", "/api/quotas", AnyUser(), (w, _) => Get("/api/quotas?period=2031-Q2")),
        new("PUT", "/api/quotas", QuotaOfOwner(200), (w, _) =>
            Ready(Send(HttpMethod.Put, "/api/quotas", new { userId = w.UserOf(Persona.Owner).Id, period = "2031-Q2", amount = 1_000_000m }))),
        // The owner has a quota for the period (set by the admin), so a 404 would only mean "none".
        new("GET", "/api/coverage", QuotaOfOwner(200) with { Owner = 200 }, async (w, _) =>
        {
            await AccessWorld.PutOkAsync(w.Client(Persona.Admin), "/api/quotas", new { userId = w.UserOf(Persona.Owner).Id, period = "2031-Q2", amount = 1_000_000m });
            return Send(HttpMethod.Get, $"/api/coverage?userId={w.UserOf(Persona.Owner).Id}&period=2031-Q2");
        }),

        // ---- Learning: self-checks and drills are everyone's own; progress is private to the user, their managers
        // and admins (issue 12)
        new("GET", "/api/learn/self-checks", AnyUser(), (w, _) => Get("/api/learn/self-checks")),
        new("POST", "/api/learn/self-checks/{id}/answers", AnyUser(), (w, _) =>
            Ready(Send(HttpMethod.Post, "/api/learn/self-checks/1-1/answers", new { choice = "before-project" }))),
        new("GET", "/api/learn/drill", AnyUser(), (w, _) => Get("/api/learn/drill")),
        // A drill question about a deal is answered by whoever may read the deal; to anyone else the deal does not exist.
        new("POST", "/api/learn/drill/answers", Read(), (w, _) =>
            Ready(Send(HttpMethod.Post, "/api/learn/drill/answers", new { question = $"funnel-level:{w.Main.Deal}", choice = "above" }))),
        // The owner's progress: the owner, the manager of the owner's team and admins; nobody else (403: users are no secret).
        new("GET", "/api/learn/progress", QuotaOfOwner(200) with { Owner = 200 }, (w, _) =>
            Get($"/api/learn/progress?userId={w.UserOf(Persona.Owner).Id}")),
        // The team view: managers (of any team: they see their own members) and admins.
        new("GET", "/api/learn/team-progress",
            new Expect(Viewer: 403, Owner: 403, Teammate: 403, Outsider: 403, Manager: 200, OtherManager: 200, Admin: 200, ReadShare: 403, EditShare: 403),
            (w, _) => Get("/api/learn/team-progress")),

        // ---- Ideal customer: everyone reads the team's criteria; admins and managers keep them ------
        new("GET", "/api/ideal-customer/criteria", AnyUser(), (w, _) => Get("/api/ideal-customer/criteria")),
        // The list as it is, put back unchanged, so no other case sees different criteria.
        new("PUT", "/api/ideal-customer/criteria", AdminOnly(200) with { Manager = 200, OtherManager = 200 }, async (w, _) =>
        {
            var items = (await w.Client(Persona.Admin).GetObjectAsync("/api/ideal-customer/criteria"))["items"]!.AsArray();
            return Send(HttpMethod.Put, "/api/ideal-customer/criteria", new
            {
                criteria = items.Select(i => new { id = i!.Id(), name = i!["name"]!.GetValue<string>(), weight = i!["weight"]!.GetValue<int>() }).ToArray(),
            });
        }),
        // An account's fit is read with the account (read A) and rated by who may write it (write A).
        new("GET", "/api/accounts/{id}/fit", Read(), (w, _) => Get($"/api/accounts/{w.Main.AccountId}/fit")),
        new("PUT", "/api/accounts/{id}/fit", WriteAccount(200), async (w, _) =>
        {
            var r = await w.FreshAsync();
            var first = (await w.Client(Persona.Admin).GetObjectAsync("/api/ideal-customer/criteria"))["items"]![0]!.Id();
            return Send(HttpMethod.Put, $"/api/accounts/{r.AccountId}/fit", new { ratings = new[] { new { criterionId = first, rating = 2, note = "Matrix" } } });
        }),
        // A team's funnel: its members and admins; everyone else is refused, not shown an empty funnel.
        new("GET", "/api/funnel", new(Viewer: 200, Owner: 200, Teammate: 200, Outsider: 403, Manager: 200, OtherManager: 403, Admin: 200, ReadShare: 403, EditShare: 403),
            (w, _) => Get($"/api/funnel?scope=team:{w.TeamA}")),

        // ---- Actions (sheet version 2): read O / write O, each action saved on its own ----------------------
        new("GET", "/api/opportunities/{id}/actions", Read(), (w, _) => Get($"/api/opportunities/{w.Main.Deal}/actions")),
        new("POST", "/api/opportunities/{id}/actions", WriteDeal(201), async (w, _) =>
        {
            var r = await w.FreshAsync();
            return Send(HttpMethod.Post, $"/api/opportunities/{r.Deal}/actions", new { text = "Send the Baosteel reference case", due = "2027-01-15" });
        }),
        new("GET", "/api/opportunities/{id}/actions/{actionId}", Read(), async (w, _) =>
        {
            var (deal, action) = await FreshActionAsync(w);
            return await Get($"/api/opportunities/{deal}/actions/{action.Text("id")}");
        }),
        new("PUT", "/api/opportunities/{id}/actions/{actionId}", WriteDeal(200), async (w, _) =>
        {
            var (deal, action) = await FreshActionAsync(w);
            return Send(HttpMethod.Put, $"/api/opportunities/{deal}/actions/{action.Text("id")}", new { text = "Send the case, signed", status = "done", version = action.Version() });
        }),
        new("DELETE", "/api/opportunities/{id}/actions/{actionId}", WriteDeal(204), async (w, _) =>
        {
            var (deal, action) = await FreshActionAsync(w);
            return Send(HttpMethod.Delete, $"/api/opportunities/{deal}/actions/{action.Text("id")}?version={action.Version()}");
        }),
        // A single calendar file is read with the deal.
        new("GET", "/api/opportunities/{id}/actions/{actionId}.ics", Read(), async (w, _) =>
        {
            var (deal, action) = await FreshActionAsync(w);
            return await Get($"/api/opportunities/{deal}/actions/{action.Text("id")}.ics");
        }),
        new("GET", "/api/opportunities/{id}/calls/{callId}.ics", Read(), async (w, _) =>
        {
            var r = await w.FreshAsync();
            await w.App.WithDbAsync(async db =>
            {
                db.Calls.Add(new KeySell.Domain.Calls.Call { OpportunityId = r.Deal, Key = "c1", Date = new DateOnly(2027, 1, 20), Commitment = "A pilot in one plant" });
                await db.SaveChangesAsync(Ct);
            });
            return await Get($"/api/opportunities/{r.Deal}/calls/c1.ics");
        }),
        // The caller's own actions and calendar link: every signed-in user has them (viewers too: they may own actions).
        new("GET", "/api/me/actions", AnyUser(), (w, _) => Get("/api/me/actions?due=week")),
        new("GET", "/api/me/calendar-link", AnyUser(), (w, _) => Get("/api/me/calendar-link")),
        new("POST", "/api/me/calendar-link", AnyUser(), (w, _) => Ready(Send(HttpMethod.Post, "/api/me/calendar-link"))),

        // ---- Work queue (funnel contract): one's own queue for everyone; a team's for its members and admins ----
        new("GET", "/api/work-queue", AnyUser(), (w, _) => Get("/api/work-queue?scope=me"), "me"),
        // Team A: its four members and admins; team B's people and the share personas (in no team) are refused.
        new("GET", "/api/work-queue", new Expect(Viewer: 200, Owner: 200, Teammate: 200, Outsider: 403, Manager: 200, OtherManager: 403, Admin: 200, ReadShare: 403, EditShare: 403),
            (w, _) => Get($"/api/work-queue?scope=team:{w.TeamA}"), "team A"),
        // Everything the caller may read: always allowed, the access rules decide the rows.
        new("GET", "/api/work-queue", AnyUser(), (w, _) => Get("/api/work-queue?scope=all"), "all"),
    ];

    /// <summary>A fresh deal with a second person on it, so a line can join Li Wei (li-wei) and Zhang Min (zhang-min).</summary>
    private static async Task<AccessWorld.Records> FreshWithTwoInfluencesAsync(AccessWorld w)
    {
        var r = await w.FreshAsync();
        await AccessWorld.PostAsync(w.Client(Persona.Owner), $"/api/opportunities/{r.Deal}/influences", new { newPerson = new { name = "Zhang Min" } });
        return r;
    }

    /// <summary>A fresh account with a second person besides its first.</summary>
    private static async Task<(AccessWorld.Records Records, Guid Other)> FreshWithTwoPeopleAsync(AccessWorld w)
    {
        // With its deal, shared: a share of one deal reads the account and its lines, and may not write them.
        var r = await w.FreshAsync();
        var other = await AccessWorld.PostAsync(w.Client(Persona.Owner), "/api/people", new { accountId = r.AccountId, name = "Zhang Min" });
        return (r, other.Id());
    }

    /// <summary>A fresh account with one line between its two people that the owner drew (version 1).</summary>
    private static async Task<(AccessWorld.Records Records, Guid Other, Guid Line)> FreshPersonLineAsync(AccessWorld w)
    {
        var (r, other) = await FreshWithTwoPeopleAsync(w);
        var line = await AccessWorld.PostAsync(w.Client(Persona.Owner), $"/api/accounts/{r.AccountId}/person-lines", new { from = r.PersonId, to = other });
        return (r, other, line.Id());
    }

    /// <summary>A fresh deal with one line the owner drew (version 1).</summary>
    private static async Task<(AccessWorld.Records Records, Guid Line)> FreshLineAsync(AccessWorld w)
    {
        var r = await FreshWithTwoInfluencesAsync(w);
        var line = await AccessWorld.PostAsync(w.Client(Persona.Owner), $"/api/opportunities/{r.Deal}/influence-lines", new { from = "li-wei", to = "zhang-min" });
        return (r, line.Id());
    }

    /// <summary>
    /// The owner's quota and coverage: admins and the manager of the owner's team set and read
    /// them (the owner reads their own coverage but sets no quota); nobody else (403: users are no secret).
    /// </summary>
    private static Expect QuotaOfOwner(int ok) => Expect.AdminOnly(ok) with { Manager = ok };

    /// <summary>The owner's import job: the owner and admins see it, no one else (not even their manager).</summary>
    private static Expect OwnJob =>
        new(Viewer: 404, Owner: 200, Teammate: 404, Outsider: 404, Manager: 404, OtherManager: 404, Admin: 200, ReadShare: 404, EditShare: 404);

    private static HttpRequestMessage Upload(string csv) =>
        new(HttpMethod.Post, "/api/imports?kind=accounts&dryRun=true&fileName=Account.csv") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };

    /// <summary>A dry run the owner started with one bad row; with <paramref name="wait"/>, done, so its error file exists.</summary>
    private static async Task<Guid> OwnersJobAsync(AccessWorld w, bool wait = false)
    {
        var owner = w.Client(Persona.Owner);
        var response = await owner.SendAsync(Upload("Id,Name\nX1,\n"), Ct);
        response.EnsureSuccessStatusCode();
        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<Guid>();
        for (var i = 0; wait && i < 300; i++)
        {
            var job = await owner.GetObjectAsync($"/api/imports/{id}");
            if (job["state"]!.GetValue<string>() is "done" or "failed") break;
            await Task.Delay(100, Ct);
        }
        return id;
    }

    /// <summary>
    /// Routes under /api that are not records and so have no row: Identity's sign-in endpoints
    /// (login, refresh, confirmEmail, 2FA, manage/info…), which answer for the caller's own
    /// credential, not for anyone's data. Their own tests are in Api/AuthEndpointsTests.
    /// </summary>
    public static readonly IReadOnlyList<string> NotRecords = ["/api/auth/"];

    public static MatrixRow Row(string key) => Rows.Single(r => r.Key == key);

    /// <summary>Each (row, persona) is its own case, with the status the contract asks for.</summary>
    public static TheoryData<string, Persona, int> Cases
    {
        get
        {
            var data = new TheoryData<string, Persona, int>();
            foreach (var row in Rows)
                foreach (var persona in Enum.GetValues<Persona>())
                    data.Add(row.Key, persona, row.Expect.For(persona));
            return data;
        }
    }

    /// <summary>A fresh deal of the owner's with one action on it, added by the owner (its id and version are in the answer).</summary>
    private static async Task<(Guid Deal, JsonObject Action)> FreshActionAsync(AccessWorld w)
    {
        var r = await w.FreshAsync();
        var action = await AccessWorld.PostAsync(w.Client(Persona.Owner), $"/api/opportunities/{r.Deal}/actions", new { text = "Call the CFO's office", due = "2027-01-10" });
        return (r.Deal, action);
    }

    private static Task<HttpRequestMessage> Get(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));

    private static HttpRequestMessage Send(HttpMethod method, string url, object? body = null) =>
        new(method, url) { Content = body is null ? null : JsonContent.Create(body) };

    private static Task<HttpRequestMessage> Ready(HttpRequestMessage request) => Task.FromResult(request);

    private static JsonObject NewDeal(Guid accountId) => new()
    {
        ["accountId"] = accountId,
        ["name"] = $"New deal {Guid.NewGuid():N}",
        ["objective"] = new JsonObject { ["product"] = "ERP suite", ["quantity"] = 1, ["amount"] = 1200000, ["currency"] = "CNY", ["closeDate"] = "2027-03-31" },
        ["engagement"] = "before-project",
        ["funnelLevel"] = "in",
        ["expectedOutcome"] = "win-win",
    };

    private static async Task<int> DepartmentVersionAsync(AccessWorld w, AccessWorld.Records r)
    {
        var account = await w.Client(Persona.Admin).GetObjectAsync($"/api/accounts/{r.AccountId}");
        return account["departments"]!.AsArray().Single(d => d!["id"]!.GetValue<Guid>() == r.DepartmentId)!.Version();
    }
}
