using System.Net;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Access;

/// <summary>
/// An account's PDF holds only the open deals the caller reads (contract 1: a record the caller cannot read does not
/// exist for them): on the account where team A's owner and team B's outsider each have a deal, each sees their own.
/// </summary>
public abstract class OnePageAccessTests<TApp>(TApp app) where TApp : KeySellApp
{
    public static TheoryData<Persona> Personas => new(Persona.Viewer, Persona.Owner, Persona.Teammate, Persona.Manager, Persona.Outsider, Persona.OtherManager, Persona.Admin);

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task AccountPdf_SharedAccount_HoldsOnlyTheDealsTheCallerReads(Persona persona)
    {
        var world = await AccessWorld.QuietForAsync(app);
        world.SkipIfPending(persona);
        var (ownDeal, otherDeal) = persona switch
        {
            Persona.Outsider or Persona.OtherManager => (world.CommonOutsiderDealName, world.CommonOwnerDealName),
            _ => (world.CommonOwnerDealName, world.CommonOutsiderDealName),
        };

        var response = await world.Client(persona).GetAsync($"/api/accounts/{world.CommonAccountId}/sheets.pdf?lang=en", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = Poppler.Squeezed(await Poppler.TextAsync(pdf));
        text.ShouldContain(Poppler.Squeezed(ownDeal));
        if (persona == Persona.Admin)
        {
            text.ShouldContain(Poppler.Squeezed(otherDeal));
            (await Poppler.PagesAsync(pdf)).ShouldBe(2);
        }
        else
        {
            text.ShouldNotContain(Poppler.Squeezed(otherDeal));
            (await Poppler.PagesAsync(pdf)).ShouldBe(1);
        }
    }

    [Theory]
    [InlineData(Persona.ReadShare)]
    [InlineData(Persona.EditShare)]
    public async Task AccountPdf_AccountNotRead_Is404(Persona persona)
    {
        var world = await AccessWorld.QuietForAsync(app);
        world.SkipIfPending(persona);

        var response = await world.Client(persona).GetAsync($"/api/accounts/{world.CommonAccountId}/sheets.pdf", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(AccessOnSqlite.Name)]
public sealed class OnePageAccessTests_Sqlite(AccessSqliteApp app) : OnePageAccessTests<AccessSqliteApp>(app);

[Collection(AccessOnPostgres.Name)]
public sealed class OnePageAccessTests_Postgres(AccessPostgresApp app) : OnePageAccessTests<AccessPostgresApp>(app);
