using System.Net;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Domain.Opportunities;
using KeySell.Web.Tests.Api;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Lists;

/// <summary>Random lists for the paging property.</summary>
public static class PagingCases
{
    /// <summary>Pieces of names: Chinese and English, cases that differ, prefixes of each other, and repeats.</summary>
    private static readonly string[] Pieces = ["钢", "钢铁", "华东", "a", "A", "ab", "b", "erp", "Erp", " ", "1", "Ω"];

    private static readonly Gen<string> Name =
        from parts in Gen.Choose(1, 3)
        from pieces in Gen.Elements(Pieces).ArrayOf(parts)
        select string.Concat(pieces);

    public static Arbitrary<(string[] Names, int PageSize)> Lists() =>
        (from count in Gen.Choose(0, 23)
         from names in Name.ArrayOf(count)
         from size in Gen.Choose(1, 7)
         select (names, size)).ToArbitrary();
}

/// <summary>
/// The three ways to a page (decision 0012) give the same rows: page numbers (offset from the front, or from the end in
/// the back half), and the cursor (seek past the last row). Names repeat on purpose, so ties are broken by id.
/// </summary>
public abstract class ListPagingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    [Property(Arbitrary = [typeof(PagingCases)], MaxTest = 12)]
    public async Task ListOpportunities_KeysetPaging_EqualsOffsetPaging((string[] Names, int PageSize) list)
    {
        var (names, size) = list;
        var client = await app.CreateAdminClientAsync();
        var accountId = await ArrangeAsync(names);

        var byPage = new List<Guid>();
        for (var page = 1; page <= (names.Length + size - 1) / size; page++)
        {
            var body = await client.GetObjectAsync($"/api/opportunities?accountId={accountId}&page={page}&pageSize={size}");
            body["totalCount"]!.GetValue<int>().ShouldBe(names.Length);
            body["totalIsEstimate"]!.GetValue<bool>().ShouldBeFalse();
            byPage.AddRange(Ids(body));
        }

        var byCursor = new List<Guid>();
        string? cursor = null;
        for (var round = 0; round <= names.Length; round++)
        {
            var body = await client.GetObjectAsync($"/api/opportunities?accountId={accountId}&pageSize={size}"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            byCursor.AddRange(Ids(body));
            cursor = body["nextCursor"]?.GetValue<string>();
            if (cursor is null) break;
        }

        byCursor.ShouldBe(byPage);
        byPage.Count.ShouldBe(names.Length);
        byPage.Distinct().Count().ShouldBe(names.Length);
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite compares text by its bytes: the order is the ordinal order of the names, then of the ids.
            var stored = await app.WithDbAsync(db => Task.FromResult(db.Opportunities.Where(o => o.AccountId == accountId)
                .Select(o => new { o.Id, o.Name }).ToList()));
            var expected = stored.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id.ToString().ToUpperInvariant(), StringComparer.Ordinal)
                .Select(o => o.Id);
            byPage.ShouldBe(expected);
        }
    }

    [Fact]
    public async Task ListOpportunities_LastPageNumber_HoldsTheRemainder()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await ArrangeAsync(["e", "d", "c", "b", "a"]);

        var last = await client.GetObjectAsync($"/api/opportunities?accountId={accountId}&page=3&pageSize=2");
        var beyond = await client.GetObjectAsync($"/api/opportunities?accountId={accountId}&page=4&pageSize=2");

        last["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["e"]);
        last["nextCursor"].ShouldBeNull();
        beyond["items"]!.AsArray().ShouldBeEmpty();
        beyond["totalCount"]!.GetValue<int>().ShouldBe(5);
    }

    [Theory]
    [InlineData("not-a-cursor!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public async Task ListOpportunities_CursorNotGivenByTheList_Returns400NamingCursor(string cursor)
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.GetAsync($"/api/opportunities?cursor={Uri.EscapeDataString(cursor)}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["cursor"]);
    }

    [Fact]
    public async Task ListOpportunities_CursorTooLong_Returns400NamingCursor()
    {
        var client = await app.CreateAdminClientAsync();
        var cursor = new ListCursor(new string('x', 1_000), Guid.NewGuid()).ToString();

        var response = await client.GetAsync($"/api/opportunities?cursor={cursor}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["cursor"]);
    }

    [Fact]
    public async Task ListAccounts_CursorFromAPage_ContinuesAfterItsLastRow()
    {
        var client = await app.CreateAdminClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { "c", "a", "b" }) await app.AccountAsync($"{tag} {name}");

        var first = await client.GetObjectAsync($"/api/accounts?search={tag}&pageSize=2");
        var second = await client.GetObjectAsync($"/api/accounts?search={tag}&pageSize=2&cursor={Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>())}");

        first["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe([$"{tag} a", $"{tag} b"]);
        second["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe([$"{tag} c"]);
        second["nextCursor"].ShouldBeNull();
    }

    [Fact]
    public async Task ListOpportunities_MoreRowsThanAreCountedExactly_LabelsTheTotalAnEstimateAndStillPages()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Many"));
        const int count = ListPages.ExactUpTo + 50;
        // Straight SQL: ten thousand deals through the change history would take most of a minute.
        await app.WithDbAsync(db => app.Provider == DatabaseProvider.Sqlite
            ? db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count - 1})
                INSERT INTO "Opportunities" ("Id", "AccountId", "Name", "FunnelLevel", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "Version")
                SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12)),
                       {accountId.ToString().ToUpperInvariant()}, 'Deal ' || substr('0000' || i, -5, 5), 'in', '2026-11-30 00:00:00+00:00', 'test', '2026-11-30 00:00:00+00:00', 'test', 1
                FROM (SELECT i, hex(randomblob(16)) AS h FROM n)
                """, Ct)
            : db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Opportunities" ("Id", "AccountId", "Name", "FunnelLevel", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "Version")
                SELECT gen_random_uuid(), {accountId}, 'Deal ' || lpad(i::text, 5, '0'), 'in', now(), 'test', now(), 'test', 1
                FROM generate_series(0, {count - 1}) AS i
                """, Ct));

        var first = await client.GetObjectAsync($"/api/opportunities?accountId={accountId}&pageSize=25");
        var deep = await client.GetObjectAsync($"/api/opportunities?accountId={accountId}&pageSize=25&page=402");

        first["totalIsEstimate"]!.GetValue<bool>().ShouldBeTrue();
        first["totalCount"]!.GetValue<int>().ShouldBeGreaterThan(ListPages.ExactUpTo);
        Names(first).ShouldBe(Enumerable.Range(0, 25).Select(i => $"Deal {i:D5}"));
        Names(deep).ShouldBe(Enumerable.Range(10_025, 25).Select(i => $"Deal {i:D5}"));
        deep["nextCursor"].ShouldBeNull();
        var second = await client.GetObjectAsync($"/api/opportunities?accountId={accountId}&pageSize=25&cursor={Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>())}");
        Names(second).ShouldBe(Enumerable.Range(25, 25).Select(i => $"Deal {i:D5}"));
    }

    private static IEnumerable<string> Names(JsonObject page) => page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>());

    /// <summary>An account of its own with one deal per name, written straight to the database (the API is what is tested).</summary>
    private async Task<Guid> ArrangeAsync(IReadOnlyList<string> names)
    {
        var accountId = await app.AccountAsync(Unique("Paging"));
        await app.WithDbAsync(async db =>
        {
            foreach (var name in names) db.Opportunities.Add(new Opportunity { AccountId = accountId, Name = name });
            await db.SaveChangesAsync(Ct);
        });
        return accountId;
    }

    private static IEnumerable<Guid> Ids(JsonObject page) => page["items"]!.AsArray().Select(i => i!.Id());
}

public sealed class ListPagingTests_Sqlite(SqliteApp app) : ListPagingTests<SqliteApp>(app);
public sealed class ListPagingTests_Postgres(PostgresApp app) : ListPagingTests<PostgresApp>(app);
