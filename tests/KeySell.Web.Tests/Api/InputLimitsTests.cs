using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

/// <summary>The routes and values the limits are tried on, in one list each.</summary>
public static class LimitCases
{
    /// <summary>Every list endpoint; <c>{account}</c> stands for an account of the test.</summary>
    public static readonly string[] ListRoutes =
        ["/api/accounts", "/api/colleagues", "/api/opportunities", "/api/accounts/{account}/people", "/api/users", "/api/teams", "/api/recycle-bin", "/api/security-log"];

    /// <summary>A query outside the contract's bounds (page 1…1,000,000, pageSize 1…200) and the field it must name.</summary>
    public static readonly (string Query, string Field)[] OutOfBounds =
    [
        ("page=0", "page"), ("page=-1", "page"), ("page=1000001", "page"), ("page=10737420", "page"),
        ("page=99999999999999999999", "page"), ("page=two", "page"), ("page=1.5", "page"),
        ("pageSize=0", "pageSize"), ("pageSize=201", "pageSize"), ("pageSize=-5", "pageSize"), ("pageSize=ten", "pageSize"),
    ];

    public static TheoryData<string, string, string> ListsOutOfBounds()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var route in ListRoutes)
            foreach (var (query, field) in OutOfBounds)
                data.Add(route, query, field);
        return data;
    }

    public static TheoryData<string> Lists() => new(ListRoutes);

    /// <summary>Every JSON endpoint that takes a body (other than the sheet, which has its own limit); ids need not exist.</summary>
    public static TheoryData<string, string> JsonEndpoints() => new()
    {
        { "POST", "/api/accounts" },
        { "PUT", $"/api/accounts/{Guid.NewGuid()}" },
        { "POST", $"/api/accounts/{Guid.NewGuid()}/relations" },
        { "POST", $"/api/accounts/{Guid.NewGuid()}/departments" },
        { "PUT", $"/api/departments/{Guid.NewGuid()}" },
        { "POST", "/api/people" },
        { "PUT", $"/api/people/{Guid.NewGuid()}" },
        { "POST", "/api/colleagues" },
        { "PUT", $"/api/colleagues/{Guid.NewGuid()}" },
        { "POST", "/api/opportunities" },
        { "PUT", $"/api/opportunities/{Guid.NewGuid()}" },
        { "PUT", $"/api/opportunities/{Guid.NewGuid()}/lists" },
        { "POST", $"/api/opportunities/{Guid.NewGuid()}/influences" },
        { "PUT", $"/api/influences/{Guid.NewGuid()}" },
        { "POST", "/api/auth/login" },
        { "POST", "/api/users" },
        { "PUT", $"/api/users/{Guid.NewGuid()}" },
        { "POST", "/api/teams" },
        { "PUT", $"/api/teams/{Guid.NewGuid()}/members" },
        { "POST", $"/api/opportunities/{Guid.NewGuid()}/shares" },
        { "PUT", $"/api/accounts/{Guid.NewGuid()}/team" },
    };
}

/// <summary>
/// The contract's limits on input over HTTP: a sheet over 2,000,000 bytes, 500 influences or 4,000 characters a text is a
/// 400 naming the limit; other bodies over 1,000,000 bytes a 413; invalid UTF-8 a 400 naming the byte; paging out of
/// bounds a 400 naming the field; a sheet PUT without If-Match a 428. Nothing is stored after any of them.
/// </summary>
public abstract class InputLimitsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private async Task<(HttpClient Client, string Account, Guid OpportunityId, string ETag)> DealAsync()
    {
        var client = await app.CreateAdminClientAsync();
        var account = Unique("Limits Group");
        var id = (await client.CreateOpportunityAsync(await app.AccountAsync(account), "Limits deal")).Id();
        var response = await client.GetAsync($"/api/opportunities/{id}/sheet", Ct);
        return (client, account, id, response.Headers.ETag!.ToString());
    }

    private static string Sheet(string account) => $$"""
        {"schema":"keysell.strategy-sheet/1","opportunity":{"name":"Limits deal","account":"{{account}}"},
         "influences":[{"id":"li-wei","name":"Li Wei","title":"CFO","roles":["economic"],"support":2}]}
        """;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent content, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request, Ct);
    }

    private static HttpContent Json(byte[] body, bool declareLength = true)
    {
        HttpContent content = declareLength ? new ByteArrayContent(body) : new UnsizedContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static HttpContent Json(string body, bool declareLength = true) => Json(Encoding.UTF8.GetBytes(body), declareLength);

    /// <summary>Sent in chunks without a Content-Length, so only reading can tell its size.</summary>
    private sealed class UnsizedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var at = 0; at < body.Length; at += 64 * 1024)
                await stream.WriteAsync(body.AsMemory(at, Math.Min(64 * 1024, body.Length - at)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private async Task<string> CurrentETagAsync(HttpClient client, Guid id) =>
        (await client.GetAsync($"/api/opportunities/{id}/sheet", Ct)).Headers.ETag!.ToString();

    private static async Task<string[]> RootErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        return (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull()["$"];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PutSheet_OneByteOverTwoMillion_Returns400NamingTheLimitAndStoresNothing(bool declareLength)
    {
        var (client, account, id, tag) = await DealAsync();
        var body = Sheet(account);
        body += new string(' ', 2_000_001 - Encoding.UTF8.GetByteCount(body));

        var response = await SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/sheet", Json(body, declareLength), tag);

        (await RootErrorsAsync(response)).ShouldHaveSingleItem().ShouldContain("2,000,000 bytes");
        (await CurrentETagAsync(client, id)).ShouldBe(tag);
    }

    [Fact]
    public async Task PutSheet_ExactlyTwoMillionBytes_IsAccepted()
    {
        var (client, account, id, tag) = await DealAsync();
        var body = Sheet(account);
        body += new string(' ', 2_000_000 - Encoding.UTF8.GetByteCount(body));

        var response = await SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/sheet", Json(body), tag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task PutSheet_FarLargerThanTheLimitByContentLength_Returns400()
    {
        var (client, account, id, tag) = await DealAsync();
        var body = Sheet(account) + new string(' ', 20_000_000);

        var response = await SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/sheet", Json(body), tag);

        (await RootErrorsAsync(response)).ShouldHaveSingleItem().ShouldContain("2,000,000 bytes");
    }

    [Fact]
    public async Task PutSheet_501Influences_Returns400AtInfluencesNamingFiveHundredAndStoresNothing()
    {
        var (client, account, id, tag) = await DealAsync();
        var sheet = JsonNode.Parse(Sheet(account))!;
        var influences = new JsonArray();
        for (var i = 0; i < 501; i++) influences.Add(new JsonObject { ["id"] = $"p{i}", ["name"] = $"Person {i}" });
        sheet["influences"] = influences;

        var response = await SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/sheet", Json(sheet.ToJsonString()), tag);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull();
        errors.Keys.ShouldBe(["$.influences"]);
        errors["$.influences"].ShouldHaveSingleItem().ShouldContain("500");
        (await CurrentETagAsync(client, id)).ShouldBe(tag);
        (await app.WithDbAsync(db => db.BuyingInfluences.CountAsync(i => i.OpportunityId == id, Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task PutSheet_TextOf4001Characters_Returns400AtThatFieldNamingTheLimit()
    {
        var (client, account, id, tag) = await DealAsync();
        var sheet = JsonNode.Parse(Sheet(account))!;
        sheet["influences"]![0]!["wins"] = new JsonArray("recognition", new string('w', 4_001));

        var response = await SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/sheet", Json(sheet.ToJsonString()), tag);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull();
        errors.Keys.ShouldBe(["$.influences[0].wins[1]"]);
        errors["$.influences[0].wins[1]"].ShouldHaveSingleItem().ShouldContain("4,000");
        (await CurrentETagAsync(client, id)).ShouldBe(tag);
    }

    [Fact]
    public async Task PutSheet_NestedAThousandDeep_Returns400AtTheRoot()
    {
        var (client, account, id, tag) = await DealAsync();
        var body = Sheet(account).Replace("\"title\":\"CFO\"", "\"title\":" + new string('[', 1000) + new string(']', 1000));

        var response = await SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/sheet", Json(body), tag);

        (await RootErrorsAsync(response)).ShouldHaveSingleItem();
        (await CurrentETagAsync(client, id)).ShouldBe(tag);
    }

    [Fact]
    public async Task PutSheet_InvalidUtf8_Returns400NamingTheByteOffsetAndStoresNothing()
    {
        var (client, account, id, tag) = await DealAsync();
        var body = Sheet(account);
        var at = body.IndexOf("Li Wei", StringComparison.Ordinal) + 3;   // all ASCII before it: characters are bytes
        var bytes = Encoding.UTF8.GetBytes(body).ToList();
        bytes.Insert(at, 0xFF);

        var response = await SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/sheet", Json([.. bytes]), tag);

        (await RootErrorsAsync(response)).ShouldHaveSingleItem().ShouldBe($"Invalid UTF-8 at byte {at} (counting from 0).");
        (await CurrentETagAsync(client, id)).ShouldBe(tag);
    }

    [Fact]
    public async Task PutSheet_WithoutIfMatch_Returns428AndStoresNothing()
    {
        var (client, account, id, tag) = await DealAsync();

        var response = await SendAsync(client, HttpMethod.Put, $"/api/opportunities/{id}/sheet", Json(Sheet(account)));

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNull().ShouldContain("If-Match");
        (await CurrentETagAsync(client, id)).ShouldBe(tag);
    }

    [Theory]
    [MemberData(nameof(LimitCases.JsonEndpoints), MemberType = typeof(LimitCases))]
    public async Task JsonEndpoint_BodyOverOneMillionBytes_Returns413(string method, string url)
    {
        var client = await app.CreateAdminClientAsync();
        var name = Unique("Too large");
        var body = $$"""{"name":"{{name}}","industry":"{{new string('x', 1_000_000)}}"}""";

        var declared = await SendAsync(client, new HttpMethod(method), url, Json(body));
        var undeclared = await SendAsync(client, new HttpMethod(method), url, Json(body, declareLength: false));

        declared.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await ProblemDocument.ReadAsync(declared)).Detail.ShouldNotBeNull().ShouldContain("1,000,000 bytes");
        undeclared.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await app.WithDbAsync(db => db.Accounts.CountAsync(a => a.Name == name, Ct))).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(LimitCases.JsonEndpoints), MemberType = typeof(LimitCases))]
    public async Task JsonEndpoint_InvalidUtf8Body_Returns400NamingTheByteOffset(string method, string url)
    {
        var client = await app.CreateAdminClientAsync();
        var name = Unique("Broken");
        var body = Encoding.UTF8.GetBytes($$"""{"name":"{{name}}","email":"x"}""").ToList();
        var at = 12;
        body.InsertRange(at, [0xED, 0xA0, 0x80]);   // an encoded surrogate, which UTF-8 forbids

        var response = await SendAsync(client, new HttpMethod(method), url, Json([.. body]));

        (await RootErrorsAsync(response)).ShouldHaveSingleItem().ShouldContain($"byte {at} ");
        (await app.WithDbAsync(db => db.Accounts.CountAsync(a => a.Name.StartsWith("Broken"), Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task PostAccount_BodyJustUnderTheLimit_IsNotRefusedForItsSize()
    {
        var client = await app.CreateAdminClientAsync();
        var body = $$"""{"name":"{{Unique("Padded")}}"}""";
        body += new string(' ', 1_000_000 - body.Length);

        var response = await SendAsync(client, HttpMethod.Post, "/api/accounts", Json(body));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<string> ListUrlAsync(string route, string query)
    {
        var url = route.Contains("{account}") ? route.Replace("{account}", (await app.AccountAsync(Unique("Paging"))).ToString()) : route;
        return $"{url}?{query}";
    }

    [Theory]
    [MemberData(nameof(LimitCases.ListsOutOfBounds), MemberType = typeof(LimitCases))]
    public async Task List_PagingOutOfBounds_Returns400NamingTheField(string route, string query, string field)
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.GetAsync(await ListUrlAsync(route, query), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe([field]);
    }

    [Theory]
    [MemberData(nameof(LimitCases.Lists), MemberType = typeof(LimitCases))]
    public async Task List_LastAllowedPageOfLargestSize_AnswersAnEmptyPageWithTheTotal(string route)
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.GetAsync(await ListUrlAsync(route, "page=1000000&pageSize=200"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        // Every list answers the same shape; nextCursor is null where a list offers no cursor or has no page after.
        page.Select(p => p.Key).ShouldBe(["items", "totalCount", "totalIsEstimate", "nextCursor"], ignoreOrder: true);
        page["totalIsEstimate"]!.GetValue<bool>().ShouldBeFalse();
        page["nextCursor"].ShouldBeNull();
        page["items"]!.AsArray().ShouldBeEmpty();
        page["totalCount"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Theory]
    [MemberData(nameof(LimitCases.Lists), MemberType = typeof(LimitCases))]
    public async Task List_BothOutOfBounds_NamesBothFields(string route)
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.GetAsync(await ListUrlAsync(route, "page=0&pageSize=1000"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["page", "pageSize"], ignoreOrder: true);
    }

    [Fact]
    public async Task OpenApi_EachList_DescribesPageAndPageSizeWithTheirBounds()
    {
        var document = (await (await app.CreateAdminClientAsync()).GetFromJsonAsync<JsonObject>("/openapi/v1.json", Ct))!;

        foreach (var route in LimitCases.ListRoutes.Select(r => r.Replace("{account}", "{accountId}")))
        {
            var parameters = document["paths"]![route]!["get"]!["parameters"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>());
            parameters["page"]!["schema"]!["minimum"]!.GetValue<int>().ShouldBe(1, route);
            parameters["page"]!["schema"]!["maximum"]!.GetValue<int>().ShouldBe(1_000_000, route);
            parameters["pageSize"]!["schema"]!["minimum"]!.GetValue<int>().ShouldBe(1, route);
            parameters["pageSize"]!["schema"]!["maximum"]!.GetValue<int>().ShouldBe(200, route);
        }
    }
}

public sealed class InputLimitsTests_Sqlite(SqliteApp app) : InputLimitsTests<SqliteApp>(app);
public sealed class InputLimitsTests_Postgres(PostgresApp app) : InputLimitsTests<PostgresApp>(app);
