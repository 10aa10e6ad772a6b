using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KeySell.Web.Tests.Api;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Access;

/// <summary>
/// The people and records the access matrix is about, set up once per app (one per database)
/// through the public API as a client would: the admin creates the users (with a password, so
/// they sign in directly) and the teams; the owner creates their own account, department, person,
/// opportunity and buying influence, and shares the opportunity.
/// </summary>
/// <remarks>
/// Team A: viewer, owner, teammate, manager (marked manager). Team B: outsider, other manager
/// (marked manager). The two share personas are sellers in no team, so a share is their only way in.
/// </remarks>
public sealed partial class AccessWorld
{
    public const string Password = "Matrix-Passw0rd!";

    private static readonly ConditionalWeakTable<KeySellApp, Lazy<Task<AccessWorld>>> Worlds = new();
    private static readonly ConditionalWeakTable<KeySellApp, Lazy<Task<AccessWorld>>> QuietWorlds = new();

    private readonly Dictionary<Persona, HttpClient> _clients = [];
    private readonly Dictionary<Persona, User> _users = [];

    private AccessWorld(KeySellApp app) => App = app;

    public KeySellApp App { get; }

    /// <summary>Distinguishes this world's names from anything else in the database.</summary>
    public string Tag { get; } = Guid.NewGuid().ToString("N")[..6];

    public Guid TeamA { get; private set; }
    public Guid TeamB { get; private set; }

    /// <summary>The owner's records, read by the read rows and never changed by the matrix.</summary>
    public Records Main { get; private set; } = null!;
    public string MainAccountName => $"Alpha Steel {Tag}";
    public string MainDealName => $"Deal {MainAccountName}";

    /// <summary>An account of the owner with a deal shared with both share personas; the main account's related company.</summary>
    public Guid RelatedAccountId { get; private set; }
    public string RelatedAccountName => $"Alpha Partner {Tag}";
    public string RelatedDealName => $"Alpha partner deal {Tag}";

    /// <summary>Team B's own account and deal (the outsider's), which team A must never see.</summary>
    public Guid BravoAccountId { get; private set; }
    public Guid BravoOpportunityId { get; private set; }
    public string BravoAccountName => $"Bravo Mining {Tag}";
    public string BravoDealName => $"Bravo haul trucks {Tag}";

    /// <summary>
    /// An account of the owner where the outsider also has a deal (set by the admin): the outsider
    /// reads the account and its people, but not the owner's deal there nor the owner's influence on it.
    /// </summary>
    public Guid CommonAccountId { get; private set; }
    public string CommonAccountName => $"Common Ground {Tag}";
    public Guid CommonPersonId { get; private set; }
    public Guid CommonOwnerDealId { get; private set; }
    public Guid CommonOwnerInfluenceId { get; private set; }
    public Guid CommonOutsiderDealId { get; private set; }
    public string CommonOutsiderDealName => $"Bravo common deal {Tag}";
    public string CommonOwnerDealName => $"Alpha common deal {Tag}";

    /// <summary>
    /// Whether <c>POST /api/opportunities/{id}/shares</c> exists yet. Until it does, the share
    /// personas have no way in, and their cases are skipped — in this one place (see <see cref="SkipIfPending"/>).
    /// </summary>
    public bool SharesRouteExists { get; private set; }

    public static Task<AccessWorld> ForAsync(KeySellApp app) =>
        Worlds.GetValue(app, a => new Lazy<Task<AccessWorld>>(() => CreateAsync(a))).Value;

    /// <summary>
    /// A world of its own that no write case touches, for tests that count what a search finds: the
    /// matrix adds deals and people to its world's accounts, which such a count would see in any order.
    /// </summary>
    public static Task<AccessWorld> QuietForAsync(KeySellApp app) =>
        QuietWorlds.GetValue(app, a => new Lazy<Task<AccessWorld>>(() => CreateAsync(a))).Value;

    public HttpClient Client(Persona persona) => _clients[persona];

    public User UserOf(Persona persona) => _users[persona];

    /// <summary>The one place where cases are marked pending: the share personas wait for the shares route.</summary>
    public void SkipIfPending(Persona persona)
    {
        if (persona is Persona.ReadShare or Persona.EditShare && !SharesRouteExists)
            Assert.Skip("POST /api/opportunities/{id}/shares does not exist yet, so the share personas cannot be given their share.");
    }

    /// <summary>Whether the app maps <paramref name="method"/> <paramref name="template"/> (route constraints ignored).</summary>
    public bool HasRoute(string method, string template) =>
        ApiRoutes(App).Any(r => r.Method == method && r.Template == Normalize(template));

    /// <summary>Every (method, template) under /api the app maps, with route constraints removed.</summary>
    public static IReadOnlyList<(string Method, string Template)> ApiRoutes(KeySellApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && Normalize(raw).StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => (m, Normalize(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();

    /// <summary><c>api/accounts/{id:guid}/</c> → <c>/api/accounts/{id}</c>.</summary>
    public static string Normalize(string template)
    {
        var path = "/" + ConstraintPattern().Replace(template, "{$1}").Trim('/');
        return path;
    }

    [GeneratedRegex(@"\{\*?(\w+)(?:[:=?][^}]*)?\}")]
    private static partial Regex ConstraintPattern();

    private static async Task<AccessWorld> CreateAsync(KeySellApp app)
    {
        var world = new AccessWorld(app);
        await world.ArrangeAsync();
        return world;
    }

    private async Task ArrangeAsync()
    {
        var admin = await App.CreateAdminClientAsync();
        _clients[Persona.Admin] = admin;
        _clients[Persona.Anonymous] = App.CreateClient();
        var me = await admin.GetObjectAsync("/api/me");
        _users[Persona.Admin] = new User(me.Text("id"), KeySellApp.AdminEmail, me["colleagueId"]!.GetValue<Guid>());

        foreach (var (persona, role) in new[]
                 {
                     (Persona.Viewer, "viewer"), (Persona.Owner, "seller"), (Persona.Teammate, "seller"), (Persona.Outsider, "seller"),
                     (Persona.Manager, "manager"), (Persona.OtherManager, "manager"), (Persona.ReadShare, "seller"), (Persona.EditShare, "seller"),
                 })
        {
            var email = $"{persona.ToString().ToLowerInvariant()}.{Tag}@keysell.test";
            var created = await PostAsync(admin, "/api/users", new { email, name = $"{persona} {Tag}", role, password = Password });
            _users[persona] = new User(created.Text("id"), email, created["colleagueId"]!.GetValue<Guid>());
            var client = App.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await KeySellApp.SignInAsync(client, email, Password));
            _clients[persona] = client;
        }

        TeamA = (await PostAsync(admin, "/api/teams", new { name = $"Team A {Tag}" })).Id();
        TeamB = (await PostAsync(admin, "/api/teams", new { name = $"Team B {Tag}" })).Id();
        await PutOkAsync(admin, $"/api/teams/{TeamA}/members", new
        {
            members = new object[]
            {
                new { userId = _users[Persona.Viewer].Id, manager = false },
                new { userId = _users[Persona.Owner].Id, manager = false },
                new { userId = _users[Persona.Teammate].Id, manager = false },
                new { userId = _users[Persona.Manager].Id, manager = true },
            },
        });
        await PutOkAsync(admin, $"/api/teams/{TeamB}/members", new
        {
            members = new object[]
            {
                new { userId = _users[Persona.Outsider].Id, manager = false },
                new { userId = _users[Persona.OtherManager].Id, manager = true },
            },
        });

        SharesRouteExists = HasRoute("POST", "/api/opportunities/{id}/shares");

        var owner = Client(Persona.Owner);
        var related = await owner.CreateAccountAsync(RelatedAccountName);
        RelatedAccountId = related.Id();
        var relatedDeal = await owner.CreateOpportunityAsync(RelatedAccountId, RelatedDealName);
        await ShareAsync(relatedDeal.Id());

        Main = await FreshAsync(MainAccountName);
        var relation = await PostAsync(owner, $"/api/accounts/{Main.AccountId}/relations", new { relatedAccountId = RelatedAccountId, type = "partner" });
        Main = Main with { RelationId = relation.Id() };

        var outsider = Client(Persona.Outsider);
        BravoAccountId = (await outsider.CreateAccountAsync(BravoAccountName)).Id();
        BravoOpportunityId = (await outsider.CreateOpportunityAsync(BravoAccountId, BravoDealName)).Id();

        CommonAccountId = (await owner.CreateAccountAsync(CommonAccountName)).Id();
        CommonPersonId = (await owner.CreatePersonAsync(new { accountId = CommonAccountId, name = $"Common Person {Tag}" })).Id();
        CommonOwnerDealId = (await owner.CreateOpportunityAsync(CommonAccountId, CommonOwnerDealName)).Id();
        CommonOwnerInfluenceId = (await owner.AddInfluenceAsync(CommonOwnerDealId, new { personId = CommonPersonId, roles = new[] { "economic" }, support = 3 })).Id();
        CommonOutsiderDealId = (await admin.CreateOpportunityAsync(CommonAccountId, CommonOutsiderDealName, _users[Persona.Outsider].ColleagueId)).Id();
    }

    /// <summary>
    /// A new set of the owner's records, created by the owner through the API, for a case that
    /// changes or deletes one: an account with a department and a person in it, and unless told
    /// otherwise an opportunity there with the person as a buying influence, shared with the share personas.
    /// </summary>
    public async Task<Records> FreshAsync(string? accountName = null, bool deal = true, bool influence = true)
    {
        var owner = Client(Persona.Owner);
        var account = await owner.CreateAccountAsync(accountName ?? $"Fresh account {Guid.NewGuid():N}");
        var department = await owner.CreateDepartmentAsync(account.Id(), "Finance");
        var person = await owner.CreatePersonAsync(new { accountId = account.Id(), name = "Li Wei", title = "CFO", departmentId = department.Id() });
        Guid? opportunityId = null, influenceId = null;
        if (deal)
        {
            opportunityId = (await owner.CreateOpportunityAsync(account.Id(), $"Deal {account.Text("name")}")).Id();
            if (influence)
                influenceId = (await owner.AddInfluenceAsync(opportunityId.Value, new { personId = person.Id(), roles = new[] { "economic" }, support = 1 })).Id();
            await ShareAsync(opportunityId.Value);
        }
        return new Records(account.Id(), account.Text("name"), department.Id(), person.Id(), opportunityId, influenceId, RelationId: null);
    }

    /// <summary>The owner shares a deal with the read and edit share personas, once the route exists.</summary>
    private async Task ShareAsync(Guid opportunityId)
    {
        if (!SharesRouteExists) return;
        var owner = Client(Persona.Owner);
        await PostAsync(owner, $"/api/opportunities/{opportunityId}/shares", new { userId = _users[Persona.ReadShare].Id, access = "read" });
        await PostAsync(owner, $"/api/opportunities/{opportunityId}/shares", new { userId = _users[Persona.EditShare].Id, access = "edit" });
    }

    /// <summary>The current version of a record, read by the admin.</summary>
    public async Task<int> VersionAsync(string url) => (await Client(Persona.Admin).GetObjectAsync(url)).Version();

    public static async Task<JsonObject> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, $"POST {url}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.ReadObjectAsync();
    }

    public static async Task PutOkAsync(HttpClient client, string url, object body)
    {
        var response = await client.PutAsJsonAsync(url, body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"PUT {url}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    public sealed record User(string Id, string Email, Guid ColleagueId);

    public sealed record Records(
        Guid AccountId, string AccountName, Guid DepartmentId, Guid PersonId, Guid? OpportunityId, Guid? InfluenceId, Guid? RelationId)
    {
        public Guid Deal => OpportunityId ?? throw new InvalidOperationException("These records have no opportunity.");
        public Guid Influence => InfluenceId ?? throw new InvalidOperationException("These records have no influence.");
        public Guid Relation => RelationId ?? throw new InvalidOperationException("These records have no relation.");
    }
}
