using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Access;

/// <summary>Every route of <see cref="AccessMatrix"/> as every persona: the status the contract asks for.</summary>
public abstract class AccessMatrixTests<TApp>(TApp app) where TApp : KeySellApp
{
    [Theory]
    [MemberData(nameof(AccessMatrix.Cases), MemberType = typeof(AccessMatrix))]
    public async Task Route_AsPersona_AnswersTheContractStatus(string route, Persona persona, int expected)
    {
        var world = await AccessWorld.ForAsync(app);
        var row = AccessMatrix.Row(route);
        if (!world.HasRoute(row.Method, row.Template))
            Assert.Skip($"{row.Method} {row.Template} is in the contract but the app does not map it yet.");
        world.SkipIfPending(persona);

        using var request = await row.Request(world, persona);
        using var response = await world.Client(persona).SendAsync(request, Ct);

        ((int)response.StatusCode).ShouldBe(expected, $"{route} as {persona}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public void Table_CoversEveryApiRoute()
    {
        var rows = AccessMatrix.Rows.Select(r => (r.Method, Template: AccessWorld.Normalize(r.Template))).ToHashSet();

        var missing = AccessWorld.ApiRoutes(app)
            .Where(r => !AccessMatrix.NotRecords.Any(prefix => r.Template.StartsWith(prefix, StringComparison.Ordinal)))
            .Where(r => !rows.Contains(r))
            .Select(r => $"{r.Method} {r.Template}")
            .Order()
            .ToList();

        missing.ShouldBeEmpty("Add a row to Access/AccessMatrix.cs for each of these routes (see docs/testing.md, \"The access matrix\").");
    }

    [Fact]
    public void Table_HasOneRowPerRouteAndScenario()
    {
        AccessMatrix.Rows.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
    }
}

[Collection(AccessOnSqlite.Name)]
public sealed class AccessMatrixTests_Sqlite(AccessSqliteApp app) : AccessMatrixTests<AccessSqliteApp>(app);

[Collection(AccessOnPostgres.Name)]
public sealed class AccessMatrixTests_Postgres(AccessPostgresApp app) : AccessMatrixTests<AccessPostgresApp>(app);
