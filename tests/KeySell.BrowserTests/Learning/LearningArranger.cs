using KeySell.Application.Data;
using KeySell.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.BrowserTests.Learning;

/// <summary>What the Learn pages' tests arrange beside a deal: its owner, and who reports to whom in its org chart.</summary>
internal static class LearningArranger
{
    /// <summary>Makes the signed-in admin's colleague the deal's owner, so the drill draws from it.</summary>
    public static async Task OwnByAdminAsync(this KeySellServer server, Guid opportunityId)
    {
        await using var scope = server.Services.CreateOperatorScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var admin = await db.Users.Where(u => u.Email == KeySellServer.AdminEmail).Select(u => u.ColleagueId).SingleAsync(ct);
        var deal = await db.Opportunities.Include(o => o.Account).SingleAsync(o => o.Id == opportunityId, ct);
        deal.OwnerId = admin;
        deal.Account!.OwnerId = admin;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Puts <paramref name="report"/> under <paramref name="manager"/> in the account's org chart (by name).</summary>
    public static async Task ReportsToAsync(this KeySellServer server, Guid opportunityId, string report, string manager)
    {
        await using var scope = server.Services.CreateOperatorScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var account = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => o.AccountId).SingleAsync(ct);
        var people = await db.People.Where(p => p.AccountId == account).ToListAsync(ct);
        people.Single(p => p.Name == report).ReportsToId = people.Single(p => p.Name == manager).Id;
        await db.SaveChangesAsync(ct);
    }
}
