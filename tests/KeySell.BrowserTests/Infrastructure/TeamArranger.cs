using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.BrowserTests.Infrastructure;

/// <summary>
/// Users, teams and owners for tests about who sees and edits what, made through the same use cases
/// an admin uses, as the machine's operator.
/// </summary>
public static class TeamArranger
{
    public const string Password = "Browser-User-Passw0rd!";

    public sealed record User(string Id, string Email, string Name, Guid ColleagueId);

    public static async Task<User> CreateUserAsync(this KeySellServer server, string email, string name, string role)
    {
        await using var scope = server.Services.CreateOperatorScope();
        var created = Value(await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>()
            .Handle(new(email, name, role, Password), TestContext.Current.CancellationToken));
        return new User(created.Id, created.Email, created.Name, created.ColleagueId!.Value);
    }

    public static Task<Guid> CreateTeamAsync(this KeySellServer server, string name, params User[] members) =>
        server.CreateManagedTeamAsync(name, [], members);

    /// <summary>A team whose <paramref name="managers"/> (role manager or admin) are marked its managers.</summary>
    public static async Task<Guid> CreateManagedTeamAsync(this KeySellServer server, string name, User[] managers, params User[] members)
    {
        await using var scope = server.Services.CreateOperatorScope();
        var team = Value(await scope.ServiceProvider.GetRequiredService<CreateTeam.Handler>().Handle(new(name), TestContext.Current.CancellationToken));
        Value(await scope.ServiceProvider.GetRequiredService<SetTeamMembers.Handler>()
            .Handle(new(team.Id, [.. managers.Select(m => new SetTeamMembers.Member(m.Id, true)), .. members.Select(m => new SetTeamMembers.Member(m.Id, false))]),
                TestContext.Current.CancellationToken));
        return team.Id;
    }

    /// <summary>Makes a user's colleague the owner of a deal and of its account, as if they had created them.</summary>
    public static async Task OwnAsync(this KeySellServer server, Guid opportunityId, User owner)
    {
        await using var scope = server.Services.CreateOperatorScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var deal = await db.Opportunities.Include(o => o.Account).FirstAsync(o => o.Id == opportunityId, TestContext.Current.CancellationToken);
        deal.OwnerId = owner.ColleagueId;
        deal.Account!.OwnerId = owner.ColleagueId;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static T Value<T>(Result<T> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"Arranging failed: {result.Error!.Message}");
}
